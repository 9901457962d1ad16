import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ERRORS, type ErrorBody, type FieldIssue } from '@ah-tourism/shared';
import { ERROR_MESSAGES_EN } from '@ah-tourism/shared/src/errors-en';
import { englishFieldMessage, type IssueFacts } from '@ah-tourism/shared/src/i18n/field-messages-en';
import { containsHan, preferredLanguage, type Language } from '@ah-tourism/shared/src/i18n/language';
import * as z from 'zod';
import { AppError } from './errors';
import { observed, requestKeys } from './invocation';
import { requestLanguage, withLanguage } from './language';
import { logger } from './logger';

export type HttpResponse = APIGatewayProxyStructuredResultV2;
export type HttpEvent = APIGatewayProxyEventV2;

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };
/** Personal answers (cases, sessions, messages) are never cached by browsers or proxies. */
export const NO_STORE = { 'Cache-Control': 'no-store' };

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { statusCode, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

/**
 * The error's answer in the language asked for. In English the code's English message stands in for
 * the Chinese one (also for a more specific Chinese message the error was thrown with), and field
 * problems still in Chinese get their English (shared/src/i18n/field-messages-en.ts). Code and status
 * are the same in every language.
 */
export function errorResponse(error: AppError, language: Language = 'zh-CN'): HttpResponse {
  const english = language === 'en';
  const message = english ? ERROR_MESSAGES_EN[error.code] : error.message;
  const details = english ? error.details?.map(({ path, message: m }) => ({ path, message: containsHan(m) ? englishFieldMessage(m) : m })) : error.details;
  const body: ErrorBody = { code: error.code, message, ...(details ? { details } : {}) };
  return json(error.status, body, { ...NO_STORE, ...error.headers });
}

/**
 * zod issues as field-level problems, with paths like `materials[2].name`, in the language of the
 * running request (the schemas' messages are Chinese; see errorResponse).
 */
export function fieldIssues(error: z.ZodError, language: Language = requestLanguage()): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.reduce<string>(
      (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
      '',
    ),
    message: language === 'en' && containsHan(issue.message) ? englishFieldMessage(issue.message, issue as IssueFacts) : issue.message,
  }));
}

/** Parse request input with a schema; failures become a 400 with every field problem listed. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const language = requestLanguage();
  // In English the issue keeps the input, so that a missing value reads "fill this in"; it is never answered.
  const result = schema.safeParse(input ?? {}, language === 'en' ? { reportInput: true } : undefined);
  if (!result.success) throw new AppError('COMMON_VALIDATION_FAILED', undefined, fieldIssues(result.error, language));
  return result.data;
}

/**
 * Wraps a route implementation: every expected error becomes {code, message} with its status; anything
 * else is logged (without the request) and answered with a generic 500, never a stack trace. Every log
 * line of the request carries its ids (invocation.ts), and its metrics are published when it ends.
 */
export function httpHandler(route: (event: HttpEvent) => Promise<HttpResponse>) {
  return observed(
    async (event: HttpEvent): Promise<HttpResponse> => {
      const language = preferredLanguage(header(event, 'accept-language'));
      try {
        return await withLanguage(language, () => route(event));
      } catch (error) {
        if (error instanceof AppError) return errorResponse(error, language);
        logger.error('unhandled error', { route: event.routeKey }, error);
        const message = language === 'en' ? ERROR_MESSAGES_EN.COMMON_INTERNAL : ERRORS.COMMON_INTERNAL.message;
        return json(500, { code: 'COMMON_INTERNAL', message } satisfies ErrorBody);
      }
    },
    (event) => requestKeys(event.requestContext?.requestId, header(event, 'x-correlation-id')),
  );
}

/** JSON bodies above this are refused before parsing (applications and drafts are a few KB). */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/**
 * The deepest nesting a body may have. The deepest real one (an application: fields → a list of people →
 * one person's entries) is 5 levels; anything far deeper is an attack on the recursive code after parsing
 * (hashing, validation), which would otherwise run out of stack and answer 500.
 */
export const MAX_JSON_DEPTH = 32;

const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * How deeply arrays and objects nest in a JSON text, found in one pass without recursion and without
 * parsing (brackets inside strings do not count). Malformed text is left for JSON.parse to refuse.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i += 1;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACKET || c === OPEN_BRACE) deepest = Math.max(deepest, (depth += 1));
    else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) depth -= 1;
  }
  return deepest;
}

/** The parsed JSON body: missing, oversized, too deeply nested and malformed bodies each get their own 4xx. */
export function readJsonBody(event: HttpEvent, maxBytes = MAX_JSON_BODY_BYTES): unknown {
  if (!event.body) throw new AppError('COMMON_BODY_REQUIRED');
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(text, 'utf8') > maxBytes) throw new AppError('COMMON_PAYLOAD_TOO_LARGE');
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw new AppError('COMMON_JSON_TOO_DEEP');
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('COMMON_MALFORMED_JSON');
  }
}

/** The JSON body, validated against a schema (every field problem listed in a 400). */
export function parseJsonBody<S extends z.ZodType>(event: HttpEvent, schema: S): z.output<S> {
  return parseInput(schema, readJsonBody(event));
}

/** Case-insensitive header lookup (API Gateway lower-cases them, but callers of tests may not). */
export function header(event: HttpEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}
