/**
 * The languages the service answers in. Simplified Chinese is the default and the source of every
 * text; English is offered for inbound-tourism businesses and foreign guides.
 */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/** A language range of Accept-Language (RFC 9110 §12.5.4): `en`, `en-GB`, `zh-Hans-CN`, `*`. */
const RANGE = /^(\*|[a-z]{1,8}(-[a-z0-9]{1,8})*)$/i;
/** The weight of a range: `q=` with 0 to 1 and at most three decimals (RFC 9110 §12.4.2). */
const WEIGHT = /^q=(0(\.\d{0,3})?|1(\.0{0,3})?)$/i;

/** Which of our languages a language range asks for; `*` and other languages ask for none in particular. */
function languageOfRange(range: string): Language | undefined {
  const primary = range.toLowerCase().split('-')[0];
  if (primary === 'en') return 'en';
  if (primary === 'zh') return 'zh-CN';
  return undefined;
}

/**
 * The language to answer in for an Accept-Language header: the supported language of the range with
 * the highest weight (the earlier one on a tie). Ranges with q=0 are refused, malformed entries are
 * skipped; a header that names neither English nor Chinese, or none at all, gets Chinese.
 */
export function preferredLanguage(acceptLanguage: string | undefined | null): Language {
  if (!acceptLanguage) return DEFAULT_LANGUAGE;
  let best: { language: Language; weight: number } | undefined;
  let wildcard = 0;
  const refused = new Set<Language>();
  for (const entry of acceptLanguage.slice(0, 1000).split(',')) {
    const [rangePart, ...params] = entry.split(';').map((part) => part.trim());
    if (!rangePart || !RANGE.test(rangePart)) continue;
    let weight = 1;
    const q = params.find((param) => /^q=/i.test(param));
    if (q !== undefined) {
      if (!WEIGHT.test(q)) continue;
      weight = Number(q.slice(2));
    }
    if (rangePart === '*') {
      wildcard = Math.max(wildcard, weight);
      continue;
    }
    const language = languageOfRange(rangePart);
    if (!language) continue;
    if (weight === 0) {
      refused.add(language);
      continue;
    }
    if (!best || weight > best.weight) best = { language, weight };
  }
  if (best && !refused.has(best.language)) {
    // Chinese, the default, also wins when only `*` outweighs the English asked for.
    if (best.language === 'en' && wildcard > best.weight && !refused.has(DEFAULT_LANGUAGE)) return DEFAULT_LANGUAGE;
    return best.language;
  }
  // Chinese refused outright (`zh;q=0`) with English acceptable through `*`: English.
  if (refused.has(DEFAULT_LANGUAGE) && wildcard > 0 && !refused.has('en')) return 'en';
  return DEFAULT_LANGUAGE;
}

/** True when a text contains Han characters (a check for English text). */
export function containsHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}
