import { currentGuides, guideVersions, type CurrentGuides, type GuideVersions } from './guide-cache';
import { catalogService, type CatalogService } from './service';
import { dynamoCatalogStore, type CatalogStore } from './store';

/*
 * The catalog wired to DynamoDB, each part created on first use and kept for the container's life. The
 * guide caches are one pair per container, whoever reads guides (the catalog routes, the case functions).
 */
let store: CatalogStore | undefined;
let caches: { versions: GuideVersions; current: CurrentGuides } | undefined;
let instance: CatalogService | undefined;

export function catalogStore(): CatalogStore {
  store ??= dynamoCatalogStore();
  return store;
}

export function guideCaches() {
  if (!caches) {
    const versions = guideVersions(catalogStore());
    caches = { versions, current: currentGuides(catalogStore(), versions) };
  }
  return caches;
}

export function catalog(): CatalogService {
  instance ??= catalogService(catalogStore(), guideCaches().current, Date.now, guideCaches().versions);
  return instance;
}
