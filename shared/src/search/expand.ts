import * as z from 'zod';
import pinyinJson from './pinyin.json';
import scenariosJson from './scenarios.json';
import synonymsJson from './synonyms.json';

/*
 * Query understanding for the catalog search, from data files beside this module:
 *   synonyms.json   common phrasings → what they mean (开旅行社 → 旅行社业务经营许可), and the hot searches
 *   pinyin.json     pinyin and initials of item names and keywords (generated: scripts/seed/search-pinyin.ts)
 *   scenarios.json  一件事: the items a real goal needs, in order, with why
 * Pure functions, no I/O: the functions bundle them; the unit tests check them.
 */

const phrase = z.string().trim().min(1).max(30);
export const synonymFileSchema = z
  .object({
    synonyms: z.array(z.object({ phrases: z.array(phrase).min(1), means: z.array(phrase).min(1) }).strict()),
    hot: z.array(phrase).min(1).max(12),
  })
  .strict();
export const pinyinFileSchema = z
  .object({
    entries: z.array(
      z.object({ text: phrase, full: z.string().regex(/^[a-z0-9]+$/), initials: z.string().regex(/^[a-z0-9]+$/), item: z.literal(true).optional() }).strict(),
    ),
  })
  .strict();
export const scenarioFileSchema = z
  .object({
    scenarios: z
      .array(
        z
          .object({
            code: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
            name: phrase,
            summary: z.string().min(1).max(200),
            steps: z
              .array(z.object({ basicCode: z.string().regex(/^\d{10}$/), title: phrase, why: z.string().min(1).max(200) }).strict())
              .min(1)
              .max(10),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type SynonymFile = z.infer<typeof synonymFileSchema>;
export type PinyinFile = z.infer<typeof pinyinFileSchema>;
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;

export const SYNONYMS: SynonymFile = synonymsJson as SynonymFile;
export const PINYIN: PinyinFile = pinyinJson as PinyinFile;
export const SCENARIOS: ScenarioFile = scenariosJson as ScenarioFile;

/** Full-width to half-width (NFKC), lower case, punctuation to spaces, runs of spaces to one. */
export function normaliseQuery(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s,.;:!?'"()[\]{}<>/\\|，。、；：！？“”‘’（）【】《》·]+/g, ' ')
    .trim();
}

const isAscii = (word: string) => /^[a-z0-9]+$/.test(word);

/** Chinese words whose pinyin starts with the word (or contains it, from 3 letters), or whose initials start with it. */
export function pinyinMatches(word: string, file: PinyinFile = PINYIN): string[] {
  if (!isAscii(word) || word.length < 2 || !/[a-z]/.test(word)) return [];
  return file.entries
    .filter((e) => e.full.startsWith(word) || (word.length >= 3 && e.full.includes(word)) || e.initials.startsWith(word))
    .map((e) => e.text.toLowerCase());
}

/** Each synonym entry's phrases and meanings, normalised once per file. */
const normalisedSynonyms = new WeakMap<SynonymFile, { phrases: string[]; means: string[] }[]>();
function synonymEntries(file: SynonymFile): { phrases: string[]; means: string[] }[] {
  let entries = normalisedSynonyms.get(file);
  if (!entries) {
    entries = file.synonyms.map((e) => ({ phrases: e.phrases.map((p) => normaliseQuery(p).replace(/ /g, '')), means: e.means.map((m) => normaliseQuery(m)) }));
    normalisedSynonyms.set(file, entries);
  }
  return entries;
}

/** What a phrasing means: every synonym entry with a phrase equal to, or (2+ characters) inside, the word. */
function synonymMeanings(word: string, file: SynonymFile): string[] {
  return synonymEntries(file)
    .filter((entry) => entry.phrases.some((p) => p === word || (p.length >= 2 && word.includes(p))))
    .flatMap((entry) => entry.means);
}

/**
 * The query as groups of alternatives: an item matches when every group has a term inside its
 * search text. Each space-separated word is a group (the word itself, what it means as a phrasing,
 * the Chinese words its pinyin spells); a query that is as a whole a known phrasing (导游证补办, 开旅行社)
 * is one group.
 */
export function expandQuery(query: string, synonyms: SynonymFile = SYNONYMS, pinyinFile: PinyinFile = PINYIN): string[][] {
  const text = normaliseQuery(query);
  if (!text) return [];
  const whole = text.replace(/ /g, '');
  const isPhrase = synonymEntries(synonyms).some((e) => e.phrases.includes(whole));
  const words = isPhrase ? [whole] : text.split(' ');
  return words.map((word) => [...new Set([word, ...synonymMeanings(word, synonyms), ...pinyinMatches(word, pinyinFile)])]);
}

/** Every group has a term inside the (lower-cased) search text. */
export function matchesAll(searchText: string, groups: string[][]): boolean {
  return groups.length > 0 && groups.every((group) => group.some((term) => searchText.includes(term)));
}

/** How many groups the item's name itself answers: results naming what was asked come first. */
export function nameScore(name: string, groups: string[][]): number {
  const lower = name.toLowerCase();
  return groups.filter((group) => group.some((term) => lower.includes(term))).length;
}

/** The terms the query was read as beyond its own words (for "按…搜索"). */
export function understoodAs(groups: string[][]): string[] {
  return [...new Set(groups.flatMap((group) => group.slice(1)))];
}

export interface SuggestionCandidate {
  text: string;
  kind: 'item' | 'phrase' | 'scenario';
  scenarioCode?: string;
}

/** Everything that may be suggested: item names, Chinese phrasings, 一件事 names. */
export function suggestionCandidates(synonyms: SynonymFile = SYNONYMS, pinyinFile: PinyinFile = PINYIN, scenarios: ScenarioFile = SCENARIOS): SuggestionCandidate[] {
  const candidates: SuggestionCandidate[] = [
    ...scenarios.scenarios.map((s) => ({ text: s.name, kind: 'scenario' as const, scenarioCode: s.code })),
    ...pinyinFile.entries.filter((e) => e.item).map((e) => ({ text: e.text, kind: 'item' as const })),
    ...synonyms.synonyms.flatMap((e) => e.phrases.filter((p) => /[\u4e00-\u9fff]/.test(p)).map((p) => ({ text: p, kind: 'phrase' as const }))),
  ];
  const seen = new Set<string>();
  return candidates.filter((c) => (seen.has(c.text) ? false : (seen.add(c.text), true)));
}

/**
 * Suggestions for what has been typed: candidates starting with it, then containing it, then those
 * starting with (or containing) what it spells in pinyin or means as a phrasing; at most `limit`.
 */
export function suggest(prefix: string, limit = 8, candidates: SuggestionCandidate[] = suggestionCandidates(), pinyinFile: PinyinFile = PINYIN): SuggestionCandidate[] {
  const typed = normaliseQuery(prefix).replace(/ /g, '');
  if (!typed) return [];
  // What the text spells in pinyin or means as a phrasing (开旅行社 → 旅行社业务经营许可).
  const spelled = [...new Set([...pinyinMatches(typed, pinyinFile), ...synonymMeanings(typed, SYNONYMS)])];
  const rank = (c: SuggestionCandidate): number => {
    const text = normaliseQuery(c.text).replace(/ /g, '');
    if (text.startsWith(typed)) return 0;
    if (text.includes(typed)) return 1;
    if (spelled.some((word) => text.startsWith(word))) return 2;
    if (spelled.some((word) => text.includes(word))) return 3;
    return -1;
  };
  const kindOrder = { scenario: 0, item: 1, phrase: 2 } as const;
  return candidates
    .map((c) => ({ c, r: rank(c) }))
    .filter(({ r }) => r >= 0)
    .sort((a, b) => a.r - b.r || kindOrder[a.c.kind] - kindOrder[b.c.kind] || a.c.text.length - b.c.text.length)
    .slice(0, limit)
    .map(({ c }) => c);
}
