import { catalogSearch, type CatalogSearch } from './search';
import { catalog, catalogStore } from './wiring';

/*
 * Kept apart from wiring.ts, which the case functions import for the guide caches: only the search
 * routes bundle the search data (synonyms, pinyin, 一件事).
 */
let searchInstance: CatalogSearch | undefined;

/** Search, suggestions, chips and 一件事, answered from one per-container index of the province's summaries. */
export function search(): CatalogSearch {
  searchInstance ??= catalogSearch(catalogStore(), () => catalog().listRegions());
  return searchInstance;
}
