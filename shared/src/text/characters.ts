import { maskIdentityNumber, maskMobile } from '../identity/resident-id';

/*
 * What people type: the characters it may not contain, and personal numbers inside it. No zod here, so the
 * mini-program's staff pages (which keep zod out of their package) can use the same rules.
 *
 * Rejected, with a field error: bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), which reorder what follows them on screen, so what a member of staff reads is not what
 * was stored (`invoice\u202Efdp.exe` shows as `invoiceexe.pdf`); and NUL, the other C0 controls, DEL and
 * the C1 controls (tab and line feed allowed in text of several lines), which no keyboard types and which
 * cut text short in the systems it is passed on to. Neither occurs in anything typed in Chinese, so a
 * clear message is better than quietly changing what the author saw.
 * Dropped: zero-width space, non-joiner and joiner (U+200B–U+200D), the word joiner (U+2060), the byte
 * order mark (U+FEFF) and the directional marks (U+200E, U+200F, U+061C). They are invisible, come along
 * with text copied from web pages and chats, and removing them from Chinese text changes nothing anyone
 * sees; refusing them would ask people to delete something they cannot find.
 */

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
const INVISIBLE = /[\u200B-\u200F\u061C\u2060\uFEFF]/g;
/** NUL and the other C0 controls, DEL, the C1 controls, and the Unicode line and paragraph separators. */
const LINE_CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
/** In text of several lines tab and line feed are allowed (carriage returns and U+2028/9 become line feeds first). */
const TEXT_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** `line`: one line (names, file names, addresses); `text`: several lines (narratives, questions, opinions). */
export type TextKind = 'line' | 'text';
export type TextProblem = 'bidi' | 'control';

/** Invisible characters dropped; in text of several lines every line break becomes a line feed. */
export function normaliseTypedText(value: string, kind: TextKind): string {
  const visible = value.replace(INVISIBLE, '');
  return kind === 'text' ? visible.replace(/\r\n?|[\u2028\u2029]/g, '\n') : visible;
}

/** Why typed text is refused, if it is (check after `normaliseTypedText`). */
export function typedTextProblem(value: string, kind: TextKind): TextProblem | null {
  if (BIDI_CONTROLS.test(value)) return 'bidi';
  if ((kind === 'text' ? TEXT_CONTROLS : LINE_CONTROLS).test(value)) return 'control';
  return null;
}

/**
 * A one-line label that was not typed but taken from somewhere (a picked file's name): every hidden
 * character removed, so the label can be sent without asking the user to fix something they did not write.
 */
export function withoutHiddenCharacters(value: string): string {
  return value.replace(INVISIBLE, '').replace(new RegExp(`${BIDI_CONTROLS.source}|${LINE_CONTROLS.source}`, 'g'), '').trim();
}

export const TEXT_PROBLEM_MESSAGES: Record<TextProblem, (label: string) => string> = {
  bidi: (label) => `${label}中含有会打乱文字显示顺序的隐藏字符（常见于复制来的内容），请删除这段文字后手动重新输入`,
  control: (label) => `${label}中含有无法显示的控制字符（常见于复制来的内容），请删除这段文字后手动重新输入`,
};

const D = '[0-9\\uFF10-\\uFF19]';
/** An 18-character resident ID, as typed: full-width digits too, optionally grouped 6-8-4 by a space or hyphen. */
const ID_IN_TEXT = new RegExp(`(?<!${D})${D}{6}[ -]?${D}{8}[ -]?${D}{3}[0-9\\uFF10-\\uFF19Xx\\uFF38\\uFF58](?![0-9\\uFF10-\\uFF19Xx])`, 'g');
/** A mainland mobile, optionally after +86 and grouped 3-4-4. */
const MOBILE_IN_TEXT = new RegExp(`(?<!${D})((?:\\+?86[ -]?)?)([1\\uFF11][3-9\\uFF13-\\uFF19]${D}[ -]?${D}{4}[ -]?${D}{4})(?!${D})`, 'g');

const compact = (value: string) => value.replace(/[ -]/g, '');

/**
 * Resident ID numbers and mobile numbers inside free text, masked the way the applicant's own are
 * (3401**********1234, 139****5678): for readers who are neither the author nor the handler.
 */
export function maskPersonalNumbers(text: string): string {
  return text.replace(ID_IN_TEXT, (id) => maskIdentityNumber(compact(id))).replace(MOBILE_IN_TEXT, (_match, prefix: string, mobile: string) => `${prefix}${maskMobile(compact(mobile))}`);
}
