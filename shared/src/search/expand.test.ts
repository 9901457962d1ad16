import { expandQuery, matchesAll, nameScore, normaliseQuery, pinyinMatches, suggest, SYNONYMS, synonymFileSchema, pinyinFileSchema, scenarioFileSchema, PINYIN, SCENARIOS } from './expand';

/** Search texts as the catalog builds them (name, keywords, organisation, type, themes; lower case). */
const TEXTS = {
  licence: '旅行社业务经营许可 旅行社 设立旅行社 开办旅行社 经营许可 国内旅游 入境旅游 许可证 黄山市文化和旅游局 行政许可 旅行社',
  guide: '导游证核发 导游 导游证 电子导游证 申领导游证 导游资格 安徽省文化和旅游厅 行政许可 导游',
  scenic: 'a级旅游景区质量等级评定 景区 a级景区 4a 3a 景区评级 质量等级评定 安徽省文化和旅游厅 行政确认 景区',
  deposit: '旅行社质量保证金存缴 旅行社 质保金 质量保证金 存缴 增存 银行担保 黄山市文化和旅游局 其他 旅行社',
};
const find = (query: string) => Object.entries(TEXTS).filter(([, text]) => matchesAll(text, expandQuery(query))).map(([key]) => key);

describe('search query understanding', () => {
  it('the data files are valid', () => {
    expect(() => synonymFileSchema.parse(SYNONYMS)).not.toThrow();
    expect(() => pinyinFileSchema.parse(PINYIN)).not.toThrow();
    expect(() => scenarioFileSchema.parse(SCENARIOS)).not.toThrow();
  });

  it('normalises full-width letters, case, punctuation and spaces', () => {
    expect(normaliseQuery('  评Ａ，  导游证　补办 ')).toBe('评a 导游证 补办');
  });

  it('reads common phrasings as the item they mean', () => {
    expect(find('开旅行社')).toEqual(['licence']);
    expect(find('办旅行社')).toEqual(['licence']);
    expect(find('评A')).toEqual(['scenic']);
    expect(find('我想开旅行社')).toContain('licence');
  });

  it('导游证 补办, with or without the space, finds the guide licence: every word must match', () => {
    expect(find('导游证 补办')).toEqual(['guide']);
    expect(find('导游证补办')).toEqual(['guide']);
    expect(find('旅行社 质保金')).toEqual(['deposit']);
    expect(find('导游 景区')).toEqual([]);
  });

  it('spells item names and keywords in pinyin and initials', () => {
    expect(pinyinMatches('daoyou')).toEqual(expect.arrayContaining(['导游', '导游证核发']));
    expect(pinyinMatches('dyz')).toEqual(expect.arrayContaining(['导游证', '导游证核发']));
    expect(pinyinMatches('lxs')).toContain('旅行社');
    expect(pinyinMatches('a')).toEqual([]);
    expect(find('daoyou')).toEqual(['guide']);
    expect(find('dyz')).toEqual(['guide']);
    expect(find('lvxingshe')).toEqual(expect.arrayContaining(['licence', 'deposit']));
    expect(find('zhibaojin')).toEqual(['deposit']);
  });

  it('ranks results naming what was asked first', () => {
    const groups = expandQuery('开旅行社');
    expect(nameScore('旅行社业务经营许可', groups)).toBeGreaterThan(nameScore('旅行社质量保证金存缴', groups));
  });

  it('suggests while typing: names and phrasings starting with the text, then pinyin', () => {
    expect(suggest('旅行社').map((s) => s.text)).toContain('旅行社业务经营许可');
    expect(suggest('开').map((s) => s.text)).toEqual(expect.arrayContaining(['开办旅行社', '开旅行社']));
    expect(suggest('开办')[0]).toEqual({ text: '开办旅行社', kind: 'scenario', scenarioCode: 'open-travel-agency' });
    expect(suggest('dy').map((s) => s.text)).toContain('导游证核发');
    expect(suggest('开旅行社').map((s) => s.text)).toEqual(['开旅行社', '旅行社业务经营许可']);
    expect(suggest('')).toEqual([]);
    expect(suggest('旅行社', 3)).toHaveLength(3);
  });
});
