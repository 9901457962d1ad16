import type { ItemSummary, Level, Region } from '@ah-tourism/shared';
import { catalogSearch, SEARCH_INDEX_FRESH_MS } from './search';
import type { CatalogStore, IndexedSummary } from './store';

const summary = (basicCode: string, name: string, level: Level, regionCode: string, itemType = '01', themes = ['travel_agency']): IndexedSummary => ({
  summary: {
    implementationCode: `${basicCode}${level}${regionCode}`,
    basicCode,
    name,
    itemType,
    level,
    regionCode,
    organisationName: regionCode === '340000' ? '安徽省文化和旅游厅' : `${regionCode}文化和旅游局`,
    themes,
    frequent: false,
    promisedWorkingDays: 10,
    visitsRequired: 0,
    onlineDepth: 4,
    negativeListed: false,
  } as ItemSummary,
  searchText: `${name} 旅行社`.toLowerCase(),
});

const ROWS: Record<Level, IndexedSummary[]> = {
  national: [],
  province: [summary('0100120000', '导游证核发', 'province', '340000', '01', ['tour_guide']), summary('2000127000', '旅游投诉受理', 'province', '340000', '20', ['complaint'])],
  city: [
    summary('0100117000', '旅行社业务经营许可', 'city', '340100'),
    summary('0100117000', '旅行社业务经营许可', 'city', '341000'),
    summary('0100120000', '导游证核发', 'city', '341000', '01', ['tour_guide']),
    summary('2000124001', '旅行社质量保证金存缴', 'city', '341000', '20'),
  ],
  county: [],
};
const REGIONS = [{ code: '340000' }, { code: '340100' }, { code: '341000' }] as Region[];

function setup() {
  let clock = 1_000;
  const reads: Level[] = [];
  const store = {
    listLevelSummaries: jest.fn(async (level: Level) => {
      reads.push(level);
      return ROWS[level];
    }),
  } as unknown as CatalogStore;
  const search = catalogSearch(store, async () => REGIONS, () => clock);
  return { search, reads, advance: (ms: number) => (clock += ms) };
}

describe('catalog search (index in memory)', () => {
  it('groups an item across levels, marks its levels, and puts the chosen city first, then the province', async () => {
    const { search } = setup();
    const result = await search.search({ q: '导游证', region: '341000' });
    expect(result.groups).toHaveLength(1);
    const [group] = result.groups;
    expect(group).toMatchObject({ name: '导游证核发', levels: ['province', 'city'], inRegion: true });
    expect(group!.implementations.map((s) => s.regionCode)).toEqual(['341000', '340000']);
  });

  it('at the province finds the city-level item, not implemented by the province itself', async () => {
    const { search } = setup();
    const { groups } = await search.search({ q: '开旅行社' });
    expect(groups.map((g) => g.name)).toEqual(['旅行社业务经营许可']);
    expect(groups[0]).toMatchObject({ levels: ['city'], inRegion: false });
    expect(groups[0]!.implementations.map((s) => s.regionCode)).toEqual(['340100', '341000']);
  });

  it('ranks items whose name answers the query before those that only mention it', async () => {
    const { search } = setup();
    const { groups } = await search.search({ q: '旅行社', region: '341000' });
    expect(groups.slice(0, 2).map((g) => g.name)).toEqual(['旅行社业务经营许可', '旅行社质量保证金存缴']);
    expect(groups.map((g) => g.name)).toContain('导游证核发');
  });

  it('reads the level partitions once per freshness window', async () => {
    const { search, reads, advance } = setup();
    await search.search({ q: '导游' });
    await search.facets('341000');
    expect(reads).toEqual(['national', 'province', 'city', 'county']);
    advance(SEARCH_INDEX_FRESH_MS + 1);
    await search.search({ q: '导游' });
    expect(reads).toHaveLength(8);
  });

  it('rejects a region it does not know', async () => {
    const { search } = setup();
    await expect(search.search({ q: '导游', region: '110000' })).rejects.toMatchObject({ code: 'CATALOG_REGION_NOT_FOUND' });
  });

  it('offers only the chips that have items in the region', async () => {
    const { search } = setup();
    await expect(search.facets('341000')).resolves.toEqual({
      region: '341000',
      types: [{ code: '01', count: 2 }, { code: '20', count: 1 }],
      themes: [{ code: 'tour_guide', count: 1 }, { code: 'travel_agency', count: 2 }],
    });
    expect((await search.facets('340100')).types).toEqual([{ code: '01', count: 1 }]);
  });

  it('resolves each 一件事 step to the city’s implementation; a city-level step has none at the province', async () => {
    const { search } = setup();
    const open = (await search.scenarios('341000')).scenarios.find((s) => s.code === 'open-travel-agency')!;
    expect(open.steps.map((s) => s.implementation?.regionCode ?? null)).toEqual(['341000', '341000', null]);
    const atProvince = (await search.scenarios(undefined)).scenarios.find((s) => s.code === 'open-travel-agency')!;
    expect(atProvince.steps[0]).toMatchObject({ implementation: null, levels: ['city'] });
  });

  it('suggests from the data and always returns the hot searches', () => {
    const { search } = setup();
    const { suggestions, hot } = search.suggestions('开');
    expect(suggestions.map((s) => s.text)).toContain('开办旅行社');
    expect(hot).toContain('开旅行社');
    expect(search.suggestions(undefined).suggestions).toEqual([]);
  });
});
