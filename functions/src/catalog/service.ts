import {
  DEFAULT_PAGE_SIZE,
  PROVINCE_REGION_CODE,
  type ImplementationItem,
  type ListItemsQuery,
  type ListItemsResponse,
  type Region,
} from '@ah-tourism/shared';
import { AppError } from '../platform/errors';
import type { CurrentGuides, GuideVersions } from './guide-cache';
import type { CatalogStore, ItemFilter } from './store';

const REGION_CACHE_MS = 5 * 60 * 1000;

/**
 * Catalog use cases, independent of HTTP and of DynamoDB. Created once per container: guides are
 * answered from its memory (see guide-cache.ts), regions re-read every 5 minutes.
 */
export function catalogService(store: CatalogStore, guides: CurrentGuides, now: () => number = Date.now, versions?: GuideVersions) {
  let regions: { list: Region[]; loadedAt: number } | undefined;

  async function listRegions(): Promise<Region[]> {
    if (!regions || now() - regions.loadedAt > REGION_CACHE_MS) {
      regions = { list: await store.listRegions(), loadedAt: now() };
    }
    return regions.list;
  }

  return {
    listRegions,

    async listItems(query: ListItemsQuery): Promise<ListItemsResponse> {
      if (query.region && !(await listRegions()).some((r) => r.code === query.region)) {
        throw new AppError('CATALOG_REGION_NOT_FOUND');
      }
      const partition: ItemFilter['partition'] =
        query.region || !query.level ? { region: query.region ?? PROVINCE_REGION_CODE } : { level: query.level };
      return store.listItems(
        {
          partition,
          level: query.level,
          itemType: query.type,
          theme: query.theme,
          keyword: query.keyword,
          frequentOnly: query.frequent === 'true',
        },
        query.limit ?? DEFAULT_PAGE_SIZE,
        query.cursor,
      );
    },

    /** The current guide; read at most once per freshness window per container (CURRENT_GUIDE_FRESH_MS). */
    async getGuide(implementationCode: string): Promise<ImplementationItem> {
      const item = await guides.get(implementationCode);
      if (!item) throw new AppError('CATALOG_ITEM_NOT_FOUND');
      return item;
    },

    /** A published version (immutable: what a case applied under it keeps showing). */
    async getGuideVersion(implementationCode: string, version: number): Promise<ImplementationItem> {
      const item = versions ? await versions.get(implementationCode, version) : await store.getGuideVersion(implementationCode, version);
      if (!item) throw new AppError('CATALOG_ITEM_NOT_FOUND', '未找到该事项的这一版办事指南，请核对版本号');
      return item;
    },
  };
}

export type CatalogService = ReturnType<typeof catalogService>;
