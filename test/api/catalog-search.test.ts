import { facetsResponseSchema, scenariosResponseSchema, searchResponseSchema, suggestionsResponseSchema, type SearchResponse } from '@ah-tourism/shared/src/search/api';
import { loadCatalogSeed } from '../../scripts/seed/catalog-data';
import { api, forRequests } from '../support/api';

const seed = loadCatalogSeed();
const HUANGSHAN = '341000';
const PROVINCE = '340000';

async function search(q: string, region?: string): Promise<SearchResponse> {
  const res = await api(`/catalog/search?q=${encodeURIComponent(q)}${region ? `&region=${region}` : ''}`);
  expect(res.status).toBe(200);
  return searchResponseSchema.parse(res.body);
}
const names = (result: SearchResponse) => result.groups.map((g) => g.name);

describe('GET /catalog/search (across levels, synonyms, pinyin)', () => {
  it('旅行社 at 安徽省 returns the city-level 旅行社业务经营许可, marked 市级, with every city implementing it', async () => {
    const result = await search('旅行社', PROVINCE);
    const licence = result.groups.find((g) => g.name === '旅行社业务经营许可');
    expect(licence).toBeDefined();
    expect(licence!.levels).toEqual(['city']);
    expect(licence!.inRegion).toBe(false);
    const seeded = seed.items.filter((i) => i.name === '旅行社业务经营许可').map((i) => i.regionCode).sort();
    expect(licence!.implementations.map((s) => s.regionCode).sort()).toEqual(seeded);
    expect(seeded).toHaveLength(16);
    // Items the province implements itself are in the same answer, their province entry first.
    const guide = result.groups.find((g) => g.name === '旅行社变更备案');
    expect(guide).toMatchObject({ levels: ['province', 'city'], inRegion: true });
    expect(guide!.implementations[0]!.regionCode).toBe(PROVINCE);
  });

  it('at 黄山市 the city’s own implementation comes first, then the province’s', async () => {
    const result = await search('导游证', HUANGSHAN);
    expect(names(result)[0]).toBe('导游证核发');
    const [first, second] = result.groups[0]!.implementations;
    expect(first).toMatchObject({ regionCode: HUANGSHAN, level: 'city', organisationName: '黄山市文化和旅游局' });
    expect(second).toMatchObject({ regionCode: PROVINCE, level: 'province' });
  });

  it.each([
    ['开旅行社', '旅行社业务经营许可'],
    ['daoyou', '导游证核发'],
    ['dyz', '导游证核发'],
    ['评A', 'A级旅游景区质量等级评定'],
    ['导游证 补办', '导游证核发'],
    ['ＤＡＯＹＯＵ', '导游证核发'],
  ])('%s finds %s', async (query, expected) => {
    const result = await search(query, PROVINCE);
    expect(names(result)[0]).toBe(expected);
    expect(result.understoodAs.length).toBeGreaterThan(0);
  });

  it('multi-word queries match all words; nothing matching is an empty answer, not an error', async () => {
    expect(names(await search('旅行社 质保金', HUANGSHAN))).toEqual(['旅行社质量保证金存缴', '旅行社质量保证金降低', '旅行社质量保证金退还']);
    expect((await search('火星签证', HUANGSHAN)).groups).toEqual([]);
  });

  it('refuses an empty or too long query and an unknown region, with a Chinese message', async () => {
    const empty = await api('/catalog/search?q=%20');
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('COMMON_VALIDATION_FAILED');
    expect(JSON.stringify(empty.body)).toMatch(/搜索词不能为空/);
    const long = await api(`/catalog/search?q=${encodeURIComponent('旅'.repeat(31))}`);
    expect(long.status).toBe(400);
    const region = await api(`/catalog/search?q=${encodeURIComponent('导游')}&region=110000`);
    expect(region.status).toBe(400);
    expect(region.body.code).toBe('CATALOG_REGION_NOT_FOUND');
  }, forRequests(3));
});

describe('GET /catalog/suggestions', () => {
  it('suggests item names, phrasings and 一件事 while typing, and always the hot searches', async () => {
    const res = await api(`/catalog/suggestions?prefix=${encodeURIComponent('开')}`);
    expect(res.status).toBe(200);
    const body = suggestionsResponseSchema.parse(res.body);
    expect(body.suggestions).toContainEqual({ text: '开办旅行社', kind: 'scenario', scenarioCode: 'open-travel-agency' });
    expect(body.suggestions.map((s) => s.text)).toContain('开旅行社');
    expect(body.hot).toContain('开旅行社');
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);

    const pinyin = suggestionsResponseSchema.parse((await api('/catalog/suggestions?prefix=lxs')).body);
    expect(pinyin.suggestions.map((s) => s.text)).toContain('旅行社业务经营许可');
    const none = suggestionsResponseSchema.parse((await api('/catalog/suggestions')).body);
    expect(none.suggestions).toEqual([]);
    expect(none.hot.length).toBeGreaterThan(3);
  }, forRequests(3));
});

describe('GET /catalog/facets', () => {
  it('lists only the item types and themes that have items in the region', async () => {
    const res = await api(`/catalog/facets?region=${HUANGSHAN}`);
    expect(res.status).toBe(200);
    const facets = facetsResponseSchema.parse(res.body);
    const seeded = seed.items.filter((i) => i.regionCode === HUANGSHAN);
    const types = [...new Set(seeded.map((i) => i.itemType))].sort();
    expect(facets.types.map((t) => t.code)).toEqual(types);
    for (const type of facets.types) expect(type.count).toBe(seeded.filter((i) => i.itemType === type.code).length);
    expect(facets.types.length).toBeLessThan(11);
  });
});

describe('GET /catalog/scenarios (一件事)', () => {
  it('开办旅行社 at 黄山市: 许可, 质保金, 网点备案 in order, each the city’s implementation', async () => {
    const res = await api(`/catalog/scenarios?region=${HUANGSHAN}`);
    expect(res.status).toBe(200);
    const { scenarios } = scenariosResponseSchema.parse(res.body);
    const open = scenarios.find((s) => s.name === '开办旅行社');
    expect(open?.steps.map((s) => s.implementation?.name)).toEqual(['旅行社业务经营许可', '旅行社质量保证金存缴', '旅行社服务网点设立备案']);
    for (const step of open!.steps) {
      expect(step.implementation?.regionCode).toBe(HUANGSHAN);
      expect(step.why.length).toBeGreaterThan(5);
    }
  });

  it('at 安徽省 the city-level steps have no implementation (the page asks for a city)', async () => {
    const { scenarios } = scenariosResponseSchema.parse((await api('/catalog/scenarios')).body);
    const open = scenarios.find((s) => s.name === '开办旅行社');
    expect(open?.steps.map((s) => s.implementation)).toEqual([null, null, null]);
    expect(open?.steps[0]?.levels).toEqual(['city']);
  });
});
