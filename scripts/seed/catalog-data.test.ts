import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ImplementationItem } from '../../shared/src/catalog/guide';
import { isValidCreditCode } from '../../shared/src/identity/credit-code';
import { guideKey, guideVersionKey } from '../../functions/src/catalog/keys';
import { guideVersions } from '../../functions/src/catalog/guide-cache';
import { catalogRecords } from '../local/seed';
import {
  DEFAULT_DATA_DIR,
  formatProblem,
  loadCatalogSeed,
  SeedValidationError,
  validateCatalogItemFile,
  validateCatalogSeed,
  type CatalogSeed,
  type CatalogSeedSources,
} from './catalog-data';

const PROVINCE = '340000';
const HUANGSHAN = '341000';
const DAOYOU_FILE = 'data/items/daoyouzheng.json';

/** Every item of the domain's table, sub items spelled out. */
const DOMAIN_ITEMS = [
  '旅行社业务经营许可',
  '旅行社经营出境旅游业务许可',
  '外商投资旅行社业务许可',
  '旅行社分社设立备案',
  '旅行社服务网点设立备案',
  '旅行社变更备案',
  '旅行社终止经营备案',
  '旅行社质量保证金存缴',
  '旅行社质量保证金降低',
  '旅行社质量保证金退还',
  '导游证核发',
  'A级旅游景区质量等级评定',
  '星级饭店评定',
  '旅游投诉受理',
];
const PROVINCE_ITEMS = [
  '旅行社经营出境旅游业务许可',
  '外商投资旅行社业务许可',
  '旅行社变更备案',
  '旅行社终止经营备案',
  '导游证核发',
  'A级旅游景区质量等级评定',
  '星级饭店评定',
  '旅游投诉受理',
];
const CITY_ITEMS = DOMAIN_ITEMS.filter((name) => !['旅行社经营出境旅游业务许可', '外商投资旅行社业务许可'].includes(name));

function readDataFile(relative: string): unknown {
  return JSON.parse(readFileSync(path.join(DEFAULT_DATA_DIR, '..', relative), 'utf8'));
}

/** A fresh, mutable copy of the real 导游证核发 file. */
function daoyouFile(): any {
  return readDataFile(DAOYOU_FILE);
}

function sourcesWith(items: CatalogSeedSources['items']): CatalogSeedSources {
  return {
    regions: { file: 'data/regions.json', json: readDataFile('data/regions.json') },
    organisations: { file: 'data/organisations.json', json: readDataFile('data/organisations.json') },
    items,
  };
}

function seedErrorOf(run: () => unknown): SeedValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof SeedValidationError) return error;
    throw error;
  }
  throw new Error('expected a SeedValidationError');
}

describe('the catalog seed in data/', () => {
  let seed: CatalogSeed;
  beforeAll(() => {
    seed = loadCatalogSeed();
  });
  const itemsIn = (regionCode: string) => seed.items.filter((item) => item.regionCode === regionCode);

  it('loads the province, its 16 cities, their 17 bureaus and 200 implementations', () => {
    expect(seed.regions).toHaveLength(17);
    expect(seed.regions.filter((r) => r.level === 'city').map((r) => r.parentCode)).toEqual(Array(16).fill(PROVINCE));
    expect(seed.organisations).toHaveLength(17);
    expect(seed.items).toHaveLength(200);
    expect(itemsIn(PROVINCE)).toHaveLength(PROVINCE_ITEMS.length);
    for (const city of seed.regions.filter((r) => r.level === 'city')) {
      expect(itemsIn(city.code)).toHaveLength(CITY_ITEMS.length);
    }
  });

  it('uses the region codes of the domain', () => {
    expect(Object.fromEntries(seed.regions.map((r) => [r.code, r.name]))).toEqual({
      '340000': '安徽省',
      '340100': '合肥市',
      '340200': '芜湖市',
      '340300': '蚌埠市',
      '340400': '淮南市',
      '340500': '马鞍山市',
      '340600': '淮北市',
      '340700': '铜陵市',
      '340800': '安庆市',
      '341000': '黄山市',
      '341100': '滁州市',
      '341200': '阜阳市',
      '341300': '宿州市',
      '341500': '六安市',
      '341600': '亳州市',
      '341700': '池州市',
      '341800': '宣城市',
    });
  });

  it('gives every bureau a valid credit code registered in its own region and a local phone', () => {
    for (const org of seed.organisations) {
      expect(isValidCreditCode(org.creditCode)).toBe(true);
      expect(org.creditCode.slice(2, 8)).toBe(org.regionCode);
    }
    const huangshan = seed.organisations.find((o) => o.regionCode === HUANGSHAN);
    expect(huangshan).toMatchObject({ name: '黄山市文化和旅游局', level: 'city' });
    expect(huangshan?.consultPhone).toMatch(/^0559-/);
    expect(seed.organisations.find((o) => o.regionCode === PROVINCE)?.name).toBe('安徽省文化和旅游厅');
  });

  it('contains every tourism item of the domain, with one basic code each', () => {
    const names = new Set(seed.items.map((item) => item.name));
    expect([...names].sort()).toEqual([...DOMAIN_ITEMS].sort());
    const basicCodeByName = new Map<string, Set<string>>();
    for (const item of seed.items) {
      basicCodeByName.set(item.name, (basicCodeByName.get(item.name) ?? new Set()).add(item.basicCode));
    }
    expect([...basicCodeByName.values()].every((codes) => codes.size === 1)).toBe(true);
    expect(new Set(seed.items.map((item) => item.basicCode)).size).toBe(DOMAIN_ITEMS.length);
  });

  it('has unique implementation codes', () => {
    expect(new Set(seed.items.map((item) => item.implementationCode)).size).toBe(seed.items.length);
  });

  it('implements 导游证核发 at province level, findable by 导游', () => {
    const guide = seed.items.find((item) => item.name === '导游证核发' && item.regionCode === PROVINCE);
    expect(guide).toMatchObject({
      implementationCode: '0100120000234000011340000003325011J',
      basicCode: '0100120000',
      level: 'province',
      organisation: { name: '安徽省文化和旅游厅', creditCode: '11340000003325011J' },
    });
    expect(guide?.keywords).toContain('导游');
    expect(guide?.themes).toEqual(['tour_guide']);
    const materials = guide?.guide.materials ?? [];
    expect(materials.find((m) => m.name === '导游人员资格证书')).toMatchObject({ source: 'issued_licence' });
    expect(materials.find((m) => m.name === '居民身份证')).toMatchObject({ source: 'issued_licence', issuer: '公安机关' });
  });

  it('gives 黄山市 its city items, handled at the city bureau', () => {
    const huangshan = itemsIn(HUANGSHAN);
    expect(huangshan.map((item) => item.name).sort()).toEqual([...CITY_ITEMS].sort());
    for (const item of huangshan) {
      expect(item.level).toBe('city');
      expect(item.organisation.name).toBe('黄山市文化和旅游局');
      expect(item.implementationCode.slice(10, 17)).toBe(`3${HUANGSHAN}`);
      expect(item.guide.place.address).toMatch(/^黄山市/);
      expect(item.guide.consultPhones[0]).toMatch(/^0559-/);
    }
  });

  it('keeps at most two items on the negative list, each with its reason; all others need no visit', () => {
    const listed = seed.items.filter((item) => item.guide.negativeList.listed);
    expect(new Set(listed.map((item) => item.name))).toEqual(new Set(['A级旅游景区质量等级评定', '星级饭店评定']));
    for (const item of listed) {
      expect(item.guide.negativeList.reason).toBeTruthy();
      expect(item.guide.visitsRequired).toBe(1);
    }
    for (const item of seed.items.filter((i) => !i.guide.negativeList.listed)) {
      expect(item.guide.visitsRequired).toBe(0);
      expect(item.guide.online.depth).toBe(4);
    }
  });

  it('promises public-service items within 1 working day and licences within their statutory limit', () => {
    for (const item of seed.items.filter((i) => i.itemType === '20')) {
      expect(item.guide.promisedLimit.workingDays).toBeLessThanOrEqual(1);
    }
    const withoutStatutoryLimit = seed.items.filter((i) => i.guide.statutoryLimit.workingDays === null);
    expect(withoutStatutoryLimit.length).toBeGreaterThan(0);
    expect(withoutStatutoryLimit.every((i) => i.guide.statutoryLimit.note)).toBe(true);
  });

  it('cites the legal basis the domain gives', () => {
    const basis = (name: string) =>
      seed.items.find((i) => i.name === name)?.guide.legalBasis.map((b) => `${b.law}${b.articles}`).join('；');
    expect(basis('旅行社业务经营许可')).toContain('《中华人民共和国旅游法》第二十八条');
    expect(basis('旅行社业务经营许可')).toContain('《旅行社条例》第六条、第七条');
    expect(basis('导游证核发')).toContain('《中华人民共和国旅游法》第三十七条');
    expect(basis('旅游投诉受理')).toContain('《旅游投诉处理办法》第十五条、第十六条');
  });

  it('fills defaults from the shared schema', () => {
    const foreignInvested = seed.items.find((i) => i.name === '外商投资旅行社业务许可');
    expect(foreignInvested?.frequent).toBe(false);
    expect(foreignInvested?.guide.materials.every((m) => m.copies >= 1)).toBe(true);
  });
});

describe('validating an item file', () => {
  let context: Pick<CatalogSeed, 'regions' | 'organisations'>;
  beforeAll(() => {
    context = loadCatalogSeed();
  });

  it('accepts the real file and composes one entry per implementing region', () => {
    const { items, problems } = validateCatalogItemFile(daoyouFile(), DAOYOU_FILE, context);
    expect(problems).toEqual([]);
    expect(items).toHaveLength(17);
  });

  it('rejects a vague "其他材料", naming file, implementation and path', () => {
    const file = daoyouFile();
    file.implementations = [{ level: 'city', regions: [HUANGSHAN], guide: { promisedLimit: { workingDays: 3 }, scope: '全市' } }];
    file.guide.materials[2].name = '其他材料';
    const { items, problems } = validateCatalogItemFile(file, DAOYOU_FILE, context);
    expect(items).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      'data/items/daoyouzheng.json › 黄山市 › guide.materials[2].name: ' +
        '材料名称表述模糊：不得使用“其他材料”“相关材料”等兜底表述，请写明具体材料及其适用情形',
    ]);
  });

  it('reports a problem of the shared guide once, naming every implementation it affects', () => {
    const file = daoyouFile();
    file.guide.materials[0].name = '相关材料';
    const { problems } = validateCatalogItemFile(file, DAOYOU_FILE, context);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.entries).toHaveLength(17);
    expect(problems[0]?.entries).toEqual(expect.arrayContaining(['安徽省', '黄山市', '宣城市']));
  });

  it('rejects a guide without conditions, in Chinese', () => {
    const file = daoyouFile();
    delete file.guide.conditions;
    const { problems } = validateCatalogItemFile(file, DAOYOU_FILE, context);
    expect(problems.map((p) => [p.path, p.message])).toEqual([['guide.conditions', '缺少受理条件']]);
  });

  it('rejects a guide with no consultation phone', () => {
    const file = daoyouFile();
    file.guide.consultPhones = [];
    const { problems } = validateCatalogItemFile(file, DAOYOU_FILE, context);
    expect(problems.map((p) => [p.path, p.message])).toEqual([['guide.consultPhones', '咨询电话不能为空']]);
  });

  it('takes place and phones from the implementing organisation', () => {
    const { items } = validateCatalogItemFile(daoyouFile(), DAOYOU_FILE, context);
    const province = items.find((item) => item.regionCode === PROVINCE);
    const bureau = context.organisations.find((o) => o.regionCode === PROVINCE);
    expect(province?.guide.place).toEqual({ address: bureau?.address, hours: bureau?.hours });
    expect(province?.guide.consultPhones).toEqual([bureau?.consultPhone]);
    expect(province?.guide.complaintPhones).toEqual([bureau?.complaintPhone]);
  });

  it('rejects a negative-listed item without its reason', () => {
    const file = daoyouFile();
    file.guide.negativeList = { listed: true };
    file.guide.visitsRequired = 1;
    const { problems } = validateCatalogItemFile(file, DAOYOU_FILE, context);
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0]!)).toMatch(
      /^data\/items\/daoyouzheng\.json › 安徽省、.*黄山市.* › guide\.negativeList\.reason: 列入网上审批负面清单的事项须写明必须现场办理的原因$/,
    );
  });

  it('rejects visits by an item that is not on the negative list', () => {
    const file = daoyouFile();
    file.guide.visitsRequired = 1;
    const { problems } = validateCatalogItemFile(file, DAOYOU_FILE, context);
    expect(problems.map((p) => p.path)).toEqual(['guide.visitsRequired']);
  });

  it('rejects a promise longer than the statutory limit only where it is made', () => {
    const file = daoyouFile();
    file.implementations[1].guide.promisedLimit = { workingDays: 12 };
    const { problems } = validateCatalogItemFile(file, DAOYOU_FILE, context);
    expect(problems.map(formatProblem)).toEqual([
      'data/items/daoyouzheng.json › 黄山市 › guide.promisedLimit: 承诺办结时限不得超过法定办结时限',
    ]);
  });

  it('rejects regions that do not exist or are of another level, and unknown guide fields', () => {
    const file = daoyouFile();
    file.implementations = [{ level: 'city', regions: ['341900', PROVINCE], guide: { promisedLimit: { workingDays: 5 }, scope: '全市', remarks: '无' } }];
    const { problems } = validateCatalogItemFile(file, DAOYOU_FILE, context);
    expect(problems.map(formatProblem)).toEqual([
      'data/items/daoyouzheng.json › implementations[0].guide.remarks: 办事指南没有字段“remarks”',
    ]);
    delete file.implementations[0].guide.remarks;
    const second = validateCatalogItemFile(file, DAOYOU_FILE, context).problems.map(formatProblem);
    expect(second).toEqual([
      'data/items/daoyouzheng.json › implementations[0].regions[0]: 行政区划 341900 不在 regions.json 中',
      'data/items/daoyouzheng.json › 安徽省 › implementations[0].regions[1]: 安徽省的层级与实施层级（市级）不一致',
    ]);
  });

  it('rejects a file without implementations', () => {
    const file = daoyouFile();
    delete file.implementations;
    const { problems } = validateCatalogItemFile(file, DAOYOU_FILE, context);
    expect(problems.map((p) => [p.path, p.message])).toEqual([['implementations', '缺少实施信息']]);
  });
});

describe('validating the whole catalog', () => {
  it('lists every problem of every file at once', () => {
    const vague = daoyouFile();
    vague.guide.materials[3].name = '其他证明材料';
    const noReason = readDataFile('data/items/xingjifandian-pingding.json') as any;
    delete noReason.guide.negativeList.reason;
    const error = seedErrorOf(() =>
      validateCatalogSeed(
        sourcesWith([
          { file: DAOYOU_FILE, json: vague },
          { file: 'data/items/xingjifandian-pingding.json', json: noReason },
        ]),
      ),
    );
    expect(error.problems.map((p) => `${p.file} › ${p.path}`)).toEqual([
      'data/items/daoyouzheng.json › guide.materials[3].name',
      'data/items/xingjifandian-pingding.json › guide.negativeList.reason',
    ]);
    expect(error.message).toContain('共 2 个问题');
    expect(error.message).toContain('data/items/daoyouzheng.json › 安徽省、');
    expect(error.message).toContain('guide.negativeList.reason: 列入网上审批负面清单的事项须写明必须现场办理的原因');
  });

  it('rejects two files with the same basic code', () => {
    const copy = daoyouFile();
    copy.name = '导游证补发';
    const error = seedErrorOf(() =>
      validateCatalogSeed(sourcesWith([
        { file: DAOYOU_FILE, json: daoyouFile() },
        { file: 'data/items/daoyouzheng-bufa.json', json: copy },
      ])),
    );
    expect(error.problems.map(formatProblem)).toEqual(
      expect.arrayContaining([
        'data/items/daoyouzheng-bufa.json › basicCode: 基本编码 0100120000 与 data/items/daoyouzheng.json 重复',
      ]),
    );
  });

  it('rejects an implementation listed twice', () => {
    const twice = daoyouFile();
    twice.implementations[1].regions = [HUANGSHAN, HUANGSHAN];
    const error = seedErrorOf(() => validateCatalogSeed(sourcesWith([{ file: DAOYOU_FILE, json: twice }])));
    expect(error.problems.map(formatProblem)).toEqual([
      'data/items/daoyouzheng.json › 黄山市 › implementationCode: 实施编码 01001200003341000113410000039113649 重复（另见 data/items/daoyouzheng.json）',
    ]);
  });

  it('rejects a bureau whose credit code is invalid, and items it would implement', () => {
    const organisations = readDataFile('data/organisations.json') as any[];
    const huangshan = organisations.find((o) => o.regionCode === HUANGSHAN);
    huangshan.creditCode = `${huangshan.creditCode.slice(0, 17)}0`;
    const sources = sourcesWith([{ file: DAOYOU_FILE, json: daoyouFile() }]);
    sources.organisations.json = organisations;
    const messages = seedErrorOf(() => validateCatalogSeed(sources)).problems.map(formatProblem);
    expect(messages).toEqual([
      'data/organisations.json › 黄山市文化和旅游局 › creditCode: 统一社会信用代码无效（GB 32100 校验位不符）',
      'data/items/daoyouzheng.json › 黄山市: organisations.json 中没有黄山市的实施主体',
    ]);
  });

  it('names the file on disk when loading a broken data directory', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'catalog-seed-'));
    try {
      const dataDir = path.join(dir, 'data');
      cpSync(DEFAULT_DATA_DIR, dataDir, { recursive: true });
      writeFileSync(path.join(dataDir, 'items', 'broken.json'), '{ "basicCode": ');
      const file = daoyouFile();
      file.guide.materials[1].name = '其他材料';
      writeFileSync(path.join(dataDir, 'items', 'daoyouzheng.json'), JSON.stringify(file));
      const error = seedErrorOf(() => loadCatalogSeed(dataDir));
      expect(error.problems.map((p) => `${p.file} › ${p.path}`)).toEqual([
        'data/items/broken.json › ',
        'data/items/daoyouzheng.json › guide.materials[1].name',
      ]);
      expect(error.problems[0]?.message).toMatch(/^无法读取或解析 JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the records the catalog seed writes', () => {
  let seed: CatalogSeed;
  let records: Record<string, any>[];
  beforeAll(() => {
    seed = loadCatalogSeed();
    records = catalogRecords(seed);
  });
  const at = (key: { pk: string; sk: string }) => records.filter((r) => r.pk === key.pk && r.sk === key.sk);

  it('store every item\'s published version immutably next to its current guide', () => {
    for (const item of seed.items) {
      const [current, ...others] = at(guideKey(item.implementationCode));
      expect(others).toEqual([]);
      expect(current?.item).toEqual(item);
      const [version, ...duplicates] = at(guideVersionKey(item.implementationCode, item.version));
      expect(duplicates).toEqual([]);
      expect(version).toEqual({ ...guideVersionKey(item.implementationCode, item.version), entity: 'GuideVersion', item });
      expect(version?.sk).toBe(`GUIDE#V${String(item.version).padStart(6, '0')}`);
    }
    expect(records.filter((r) => String(r.sk).startsWith('GUIDE#V'))).toHaveLength(seed.items.length);
    // Version records are not list entries: only summaries carry index keys.
    expect(records.filter((r) => String(r.sk).startsWith('GUIDE') && (r.gsi1pk || r.gsi2pk))).toEqual([]);
  });

  it('let the guide-version cache find the version of every item', async () => {
    const byKey = new Map(records.map((r) => [`${r.pk}|${r.sk}`, r]));
    const versions = guideVersions({
      getGuideVersion: async (code, version) => {
        const key = guideVersionKey(code, version);
        return byKey.get(`${key.pk}|${key.sk}`)?.item as ImplementationItem | undefined;
      },
    });
    for (const item of seed.items) expect(await versions.get(item.implementationCode, item.version)).toEqual(item);
  });
});
