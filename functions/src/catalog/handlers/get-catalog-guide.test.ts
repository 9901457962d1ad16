import type { ImplementationItem } from '@ah-tourism/shared';
import type { HttpEvent } from '../../platform/http';
import type { CatalogStore } from '../store';

/** The handler's container, with a counting store in place of DynamoDB. */
const store = {
  getGuide: jest.fn<Promise<ImplementationItem | undefined>, [string]>(),
  getGuideVersion: jest.fn<Promise<ImplementationItem | undefined>, [string, number]>(),
  listItems: jest.fn(),
  listRegions: jest.fn(),
  listLevelSummaries: jest.fn(),
} satisfies Record<keyof CatalogStore, jest.Mock>;
jest.mock('../store', () => ({ dynamoCatalogStore: () => store }));

import { handler } from './get-catalog-guide';

const CODE = '2000127000234000011340000003325011J';
const guide = (version: number) => ({ implementationCode: CODE, version, name: '旅游投诉受理' }) as unknown as ImplementationItem;

const get = async (headers: Record<string, string> = {}) =>
  (await handler({ pathParameters: { code: CODE }, headers, routeKey: 'GET /catalog/items/{code}' } as unknown as HttpEvent)) as {
    statusCode: number;
    headers: Record<string, string>;
    body?: string;
  };

beforeEach(() => {
  store.getGuide.mockReset().mockResolvedValue(guide(1));
  store.getGuideVersion.mockReset();
});

describe('GET /catalog/items/{code} from the container\'s memory', () => {
  it('answers repeated requests and the 304 path without reading the table again', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-01T00:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const first = await get();
      expect(first.statusCode).toBe(200);
      expect(JSON.parse(first.body!)).toEqual(guide(1));
      const etag = first.headers.ETag!;
      expect(etag).toMatch(/^"[\w-]{32}"$/);
      expect(first.headers['Cache-Control']).toBe('public, max-age=300');

      const again = await get();
      expect(again.body).toBe(first.body);
      expect(again.headers.ETag).toBe(etag);
      const notModified = await get({ 'If-None-Match': etag });
      expect(notModified.statusCode).toBe(304);
      expect(notModified.headers.ETag).toBe(etag);
      expect(notModified.body).toBeUndefined();
      expect(store.getGuide).toHaveBeenCalledTimes(1);
      expect(store.getGuideVersion).not.toHaveBeenCalled();

      // A new version published: shown once the freshness window has passed, with a new tag.
      store.getGuide.mockResolvedValue(guide(2));
      jest.advanceTimersByTime(30_000);
      const changed = await get({ 'If-None-Match': etag });
      expect(changed.statusCode).toBe(200);
      expect(JSON.parse(changed.body!).version).toBe(2);
      expect(changed.headers.ETag).not.toBe(etag);
      expect(store.getGuide).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });
});
