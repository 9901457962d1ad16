import '../zod-locale';
import * as z from 'zod';
import { TEXT_PROBLEM_MESSAGES, normaliseTypedText, typedTextProblem, type TextKind } from './characters';

/**
 * A field people type into, by the rules of characters.ts: invisible characters dropped, whitespace
 * trimmed, bidirectional and control characters refused with a message that names the field. Callers add
 * their own min/max (and messages); `base` carries a custom "required" message.
 */
export function typedText(label: string, kind: TextKind = 'line', base: z.ZodString = z.string()): z.ZodString {
  return base
    .overwrite((value) => normaliseTypedText(value, kind))
    .trim()
    .refine((value) => typedTextProblem(value, kind) !== 'bidi', TEXT_PROBLEM_MESSAGES.bidi(label))
    .refine((value) => typedTextProblem(value, kind) !== 'control', TEXT_PROBLEM_MESSAGES.control(label));
}
