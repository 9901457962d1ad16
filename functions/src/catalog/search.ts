import { LEVELS, PROVINCE_REGION_CODE, type ItemSummary, type Level, type Region } from '@ah-tourism/shared';
import type {
  FacetsResponse,
  ScenariosResponse,
  SearchGroup,
  SearchQuery,
  SearchResponse,
  SuggestionsResponse,
} from '@ah-tourism/shared/src/search/api';
import {
  SCENARIOS,
  SYNONYMS,
  expandQuery,
  matchesAll,
  nameScore,
  suggest,
  suggestionCandidates,
  understoodAs,
} from '@ah-tourism/shared/src/search/expand';
import { AppError } from '../platform/errors';
import type { CatalogStore, IndexedSummary } from './store';

/** How long a container answers from its copy of the index before reading the level partitions again. */
export const SEARCH_INDEX_FRESH_MS = 60_000;
/** Most item groups one search answers (the province's catalog has a few dozen items). */
export const MAX_SEARCH_GROUPS = 30;
const MAX_SUGGESTIONS = 8;
const LEVEL_ORDER = Object.keys(LEVELS) as Level[];
const CANDIDATES = suggestionCandidates();

/**
 * Search across levels. The index is every item summary of the province, read from the level
 * partitions of GSI2 (one Query each, in parallel; never a full-table read) and kept per container for a minute, so a
 * search costs no read while the copy is fresh. Matching (synonyms, pinyin, all words) is in memory.
 */
export function catalogSearch(store: CatalogStore, listRegions: () => Promise<Region[]>, now: () => number = Date.now) {
  let index: { rows: IndexedSummary[]; loadedAt: number } | undefined;
  let loading: Promise<IndexedSummary[]> | undefined;

  async function rows(): Promise<IndexedSummary[]> {
    if (index && now() - index.loadedAt <= SEARCH_INDEX_FRESH_MS) return index.rows;
    loading ??= Promise.all(LEVEL_ORDER.map((level) => store.listLevelSummaries(level)))
      .then((parts) => {
        index = { rows: parts.flat(), loadedAt: now() };
        return index.rows;
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  }

  async function knownRegion(region: string | undefined): Promise<string> {
    const code = region ?? PROVINCE_REGION_CODE;
    if (!(await listRegions()).some((r) => r.code === code)) throw new AppError('CATALOG_REGION_NOT_FOUND');
    return code;
  }

  /** The chosen region first, then the province, then the other regions by code. */
  const implementationOrder = (region: string) => (a: ItemSummary, b: ItemSummary) => {
    const rank = (s: ItemSummary) => (s.regionCode === region ? 0 : s.regionCode === PROVINCE_REGION_CODE ? 1 : 2);
    return rank(a) - rank(b) || a.regionCode.localeCompare(b.regionCode) || a.implementationCode.localeCompare(b.implementationCode);
  };

  function groupsOf(summaries: ItemSummary[], region: string): SearchGroup[] {
    const byCode = new Map<string, ItemSummary[]>();
    for (const summary of summaries) byCode.set(summary.basicCode, [...(byCode.get(summary.basicCode) ?? []), summary]);
    return [...byCode.values()].map((implementations) => {
      const [first] = implementations as [ItemSummary, ...ItemSummary[]];
      return {
        basicCode: first.basicCode,
        name: first.name,
        itemType: first.itemType,
        themes: first.themes,
        levels: LEVEL_ORDER.filter((level) => implementations.some((s) => s.level === level)),
        inRegion: implementations.some((s) => s.regionCode === region),
        implementations: implementations.sort(implementationOrder(region)),
      };
    });
  }

  return {
    async search(query: SearchQuery): Promise<SearchResponse> {
      const region = await knownRegion(query.region);
      const groups = expandQuery(query.q);
      const matched = (await rows()).filter((row) => matchesAll(row.searchText, groups)).map((row) => row.summary);
      const result = groupsOf(matched, region).sort(
        (a, b) =>
          nameScore(b.name, groups) - nameScore(a.name, groups) ||
          Number(b.inRegion) - Number(a.inRegion) ||
          a.basicCode.localeCompare(b.basicCode),
      );
      return { query: query.q, region, groups: result.slice(0, MAX_SEARCH_GROUPS), understoodAs: understoodAs(groups) };
    },

    suggestions(prefix: string | undefined): SuggestionsResponse {
      return { suggestions: prefix ? suggest(prefix, MAX_SUGGESTIONS, CANDIDATES) : [], hot: SYNONYMS.hot };
    },

    /** The item types and themes that have items in the region: the list shows only those chips. */
    async facets(regionCode: string | undefined): Promise<FacetsResponse> {
      const region = await knownRegion(regionCode);
      const types = new Map<string, number>();
      const themes = new Map<string, number>();
      for (const { summary } of await rows()) {
        if (summary.regionCode !== region) continue;
        types.set(summary.itemType, (types.get(summary.itemType) ?? 0) + 1);
        for (const theme of summary.themes) themes.set(theme, (themes.get(theme) ?? 0) + 1);
      }
      const list = (counts: Map<string, number>) => [...counts].map(([code, count]) => ({ code, count })).sort((a, b) => a.code.localeCompare(b.code));
      return { region, types: list(types), themes: list(themes) };
    },

    /** 一件事: each step's item as the region implements it (or, for a province-level step, the province's). */
    async scenarios(regionCode: string | undefined): Promise<ScenariosResponse> {
      const region = await knownRegion(regionCode);
      const all = (await rows()).map((row) => row.summary);
      return {
        region,
        scenarios: SCENARIOS.scenarios.map((scenario) => ({
          code: scenario.code,
          name: scenario.name,
          summary: scenario.summary,
          steps: scenario.steps.map((step) => {
            const implementations = all.filter((s) => s.basicCode === step.basicCode);
            const implementation =
              implementations.find((s) => s.regionCode === region) ?? implementations.find((s) => s.regionCode === PROVINCE_REGION_CODE) ?? null;
            return {
              basicCode: step.basicCode,
              title: step.title,
              why: step.why,
              implementation,
              levels: LEVEL_ORDER.filter((level) => implementations.some((s) => s.level === level)),
            };
          }),
        })),
      };
    },
  };
}

export type CatalogSearch = ReturnType<typeof catalogSearch>;
