import { readFileSync } from 'node:fs';
import { searchText } from '../../functions/src/catalog/keys';
import { SCENARIOS, SYNONYMS, expandQuery, matchesAll, suggestionCandidates } from '../../shared/src/search/expand';
import { loadCatalogSeed } from './catalog-data';
import { searchDataProblems } from './search-data';
import { PINYIN_FILE, buildPinyinFile, pinyinOf } from './search-pinyin';

/** The search data files checked against the seed catalog: nothing in them may lead nowhere. */
describe('search data (synonyms, pinyin, 一件事)', () => {
  const { items } = loadCatalogSeed();
  const texts = items.map((item) => ({ item, text: searchText(item) }));
  const finds = (query: string) => texts.filter(({ text }) => matchesAll(text, expandQuery(query)));

  it('the committed pinyin file is generated from the current items (npx tsx scripts/seed/search-pinyin.ts)', () => {
    expect(readFileSync(PINYIN_FILE, 'utf8')).toBe(buildPinyinFile());
    expect(pinyinOf('旅行社')).toEqual({ text: '旅行社', full: 'lvxingshe', initials: 'lxs' });
  });

  it('every phrasing, hot search and suggestion finds at least one item', () => {
    const queries = [...SYNONYMS.synonyms.flatMap((entry) => entry.phrases), ...SYNONYMS.hot, ...suggestionCandidates().map((c) => c.text)];
    const dead = queries.filter((query) => finds(query).length === 0);
    expect(dead).toEqual([]);
  });

  it('every 一件事 step names an item of the catalog, once per scenario', () => {
    for (const scenario of SCENARIOS.scenarios) {
      const codes = scenario.steps.map((step) => step.basicCode);
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) expect(items.some((item) => item.basicCode === code)).toBe(true);
    }
    expect(new Set(SCENARIOS.scenarios.map((s) => s.code)).size).toBe(SCENARIOS.scenarios.length);
  });

  it('seeding checks the files and refuses a 一件事 step naming no item', () => {
    expect(searchDataProblems(items)).toEqual([]);
    const withoutDeposit = items.filter((item) => item.name !== '旅行社质量保证金存缴');
    expect(searchDataProblems(withoutDeposit)).toEqual([
      expect.objectContaining({ file: 'shared/src/search/scenarios.json', entries: ['开办旅行社'], message: '事项目录中没有基本编码为 2000124001 的事项' }),
      expect.objectContaining({ entries: ['旅行社开展出境游'] }),
    ]);
  });

  it('开办旅行社 is 许可, 质保金, 网点备案 in that order', () => {
    const open = SCENARIOS.scenarios.find((s) => s.name === '开办旅行社');
    const names = open?.steps.map((step) => items.find((item) => item.basicCode === step.basicCode)?.name);
    expect(names).toEqual(['旅行社业务经营许可', '旅行社质量保证金存缴', '旅行社服务网点设立备案']);
  });

  it('the issue’s queries find what a newcomer means', () => {
    const names = (query: string) => [...new Set(finds(query).map(({ item }) => item.name))];
    expect(names('开旅行社')).toEqual(['旅行社业务经营许可']);
    expect(names('评A')).toEqual(['A级旅游景区质量等级评定']);
    expect(names('导游证 补办')).toEqual(['导游证核发']);
    expect(names('daoyou')).toEqual(['导游证核发']);
    expect(names('dyz')).toEqual(['导游证核发']);
    expect(names('旅行社')).toContain('旅行社业务经营许可');
  });
});
