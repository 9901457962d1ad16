import { ERRORS, implementationItemSchema, listItemsResponseSchema, type ImplementationItem, type ItemSummary } from '@ah-tourism/shared';
import { buildOpenApiDocument } from '../../shared/src/api/openapi';
import { loadCatalogSeed } from '../../scripts/seed/catalog-data';
import { api } from '../support/api';

const seed = loadCatalogSeed();
const HUANGSHAN = '341000';
const PROVINCE = '340000';

/** Follows nextCursor until the end, asserting each page is well-formed. */
async function allPages(query: string, limit: number): Promise<{ items: ItemSummary[]; pages: number }> {
  const items: ItemSummary[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await api(`/catalog/items?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    const page = listItemsResponseSchema.parse(res.body);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
    expect(pages).toBeLessThan(100);
  } while (cursor);
  return { items, pages };
}

const codesOf = (items: { implementationCode: string }[]) => items.map((i) => i.implementationCode).sort();
const seededIn = (region: string) => seed.items.filter((i) => i.regionCode === region);

describe('GET /regions', () => {
  it('lists the province and its 16 cities', async () => {
    const res = await api('/regions');
    expect(res.status).toBe(200);
    expect(res.body.regions).toHaveLength(17);
    expect(res.body.regions).toContainEqual(expect.objectContaining({ code: HUANGSHAN, name: '黄山市', level: 'city', parentCode: PROVINCE }));
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
  });
});

describe('GET /catalog/items', () => {
  it('lists every seeded province-level item by default, page by page, without duplicates', async () => {
    const { items, pages } = await allPages('', 3);
    expect(pages).toBeGreaterThan(1);
    expect(codesOf(items)).toEqual(codesOf(seededIn(PROVINCE)));
    expect(new Set(codesOf(items)).size).toBe(items.length);
  });

  it("lists every seeded item of a city for that city's region", async () => {
    const { items } = await allPages(`region=${HUANGSHAN}`, 4);
    expect(items.length).toBeGreaterThan(0);
    expect(codesOf(items)).toEqual(codesOf(seededIn(HUANGSHAN)));
    expect(items.every((i) => i.regionCode === HUANGSHAN && i.level === 'city')).toBe(true);
  });

  it('lists city-level items across all cities by level', async () => {
    const { items } = await allPages('level=city', 20);
    expect(codesOf(items)).toEqual(codesOf(seed.items.filter((i) => i.level === 'city')));
  });

  it('finds items by keyword, in names and keywords', async () => {
    const res = await api(`/catalog/items?keyword=${encodeURIComponent('导游')}`);
    expect(res.status).toBe(200);
    const names = res.body.items.map((i: ItemSummary) => i.name);
    expect(names).toContain('导游证核发');
    expect(names.every((n: string) => typeof n === 'string')).toBe(true);
    const expected = seededIn(PROVINCE).filter((i) => [i.name, ...i.keywords].join(' ').includes('导游'));
    expect(codesOf(res.body.items)).toEqual(expect.arrayContaining(codesOf(expected)));
  });

  it('filters by item type, theme and frequent use, paging through filtered results', async () => {
    const licences = await allPages(`region=${HUANGSHAN}&type=01`, 2);
    expect(codesOf(licences.items)).toEqual(codesOf(seededIn(HUANGSHAN).filter((i) => i.itemType === '01')));

    const agencies = await allPages('theme=travel_agency', 2);
    expect(codesOf(agencies.items)).toEqual(codesOf(seededIn(PROVINCE).filter((i) => i.themes.includes('travel_agency'))));

    const frequent = await allPages(`region=${HUANGSHAN}&frequent=true`, 2);
    expect(codesOf(frequent.items)).toEqual(codesOf(seededIn(HUANGSHAN).filter((i) => i.frequent)));
  });

  it('returns an empty page, not an error, when nothing matches', async () => {
    const res = await api(`/catalog/items?keyword=${encodeURIComponent('不存在的事项名称')}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], nextCursor: null });
  });

  it.each([
    ['a malformed region', 'region=34abc', 'region'],
    ['an unknown level', 'level=town', 'level'],
    ['an unknown item type', 'type=99', 'type'],
    ['a page size over the limit', 'limit=500', 'limit'],
    ['an unsupported parameter', 'sort=name', ''],
  ])('rejects %s with 400 and a Chinese message', async (_why, query, path) => {
    const res = await api(`/catalog/items?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('COMMON_VALIDATION_FAILED');
    expect(res.body.message).toBe(ERRORS.COMMON_VALIDATION_FAILED.message);
    expect(res.body.details[0].path).toBe(path);
    expect(res.body.details[0].message).toMatch(/[\u4e00-\u9fa5]/);
    expect(Object.keys(res.body).sort()).toEqual(['code', 'details', 'message']);
  });

  it('rejects a region outside the province', async () => {
    const res = await api('/catalog/items?region=110000');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'CATALOG_REGION_NOT_FOUND', message: ERRORS.CATALOG_REGION_NOT_FOUND.message });
  });

  it('rejects a forged cursor and a cursor from another region', async () => {
    const garbage = await api('/catalog/items?cursor=not-a-cursor');
    expect(garbage.status).toBe(400);
    expect(garbage.body.code).toBe('COMMON_INVALID_CURSOR');

    const first = await api(`/catalog/items?region=${HUANGSHAN}&limit=1`);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const elsewhere = await api(`/catalog/items?region=${PROVINCE}&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.code).toBe('COMMON_INVALID_CURSOR');
  });

  it('allows the H5 origin by CORS', async () => {
    const origin = process.env.H5_URL ?? 'http://127.0.0.1:10186';
    const res = await fetch(`${process.env.API_URL}/catalog/items`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' },
    });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
  });
});

describe('GET /catalog/items/{code}', () => {
  const guide: ImplementationItem = seed.items.find((i) => i.name === '导游证核发' && i.regionCode === PROVINCE)!;

  it('returns the full guide as seeded, with ETag and Cache-Control', async () => {
    const res = await api(`/catalog/items/${guide.implementationCode}`);
    expect(res.status).toBe(200);
    // As stored, less the translations (only an English answer uses them: languages.test.ts).
    const { translations: _translations, ...served } = guide;
    expect(implementationItemSchema.parse(res.body)).toEqual(served);
    expect(res.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    expect(res.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
  });

  it('answers 304 Not Modified when the ETag still matches', async () => {
    const first = await api(`/catalog/items/${guide.implementationCode}`);
    const etag = first.headers.get('etag')!;
    const again = await api(`/catalog/items/${guide.implementationCode}`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    const stale = await api(`/catalog/items/${guide.implementationCode}`, { headers: { 'If-None-Match': '"outdated"' } });
    expect(stale.status).toBe(200);
  });

  it('answers 404 for a well-formed code that is not in the catalog', async () => {
    const unknown = `0199999000${guide.implementationCode.slice(10)}`;
    const res = await api(`/catalog/items/${unknown}`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'CATALOG_ITEM_NOT_FOUND', message: ERRORS.CATALOG_ITEM_NOT_FOUND.message });
  });

  it('answers 400 for a malformed code, without internals', async () => {
    const res = await api('/catalog/items/not-a-code');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('COMMON_VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|node_modules|Error:/);
  });
});

describe('GET /openapi.json', () => {
  it('serves the generated OpenAPI document', async () => {
    const res = await api('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });
});
