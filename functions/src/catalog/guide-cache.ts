import type { ImplementationItem } from '@ah-tourism/shared';
import type { CatalogStore } from './store';

/** Published guide versions never change: kept for the life of the container. */
export function guideVersions(store: Pick<CatalogStore, 'getGuideVersion'>) {
  const cache = new Map<string, Promise<ImplementationItem | undefined>>();
  return {
    get(implementationCode: string, version: number): Promise<ImplementationItem | undefined> {
      const key = `${implementationCode}#${version}`;
      let hit = cache.get(key);
      if (!hit) {
        hit = store.getGuideVersion(implementationCode, version).then((item) => {
          if (!item) cache.delete(key);
          return item;
        });
        hit.catch(() => cache.delete(key));
        cache.set(key, hit);
      }
      return hit;
    },
  };
}
