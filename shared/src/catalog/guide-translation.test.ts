import { loadCatalogSeed, validateCatalogItemFile } from '../../../scripts/seed/catalog-data';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { containsHan } from '../i18n/language';
import { localiseItem, localiseSummary, translatableTexts } from './guide-translation';
import { implementationItemSchema, summarise, type ImplementationItem } from './guide';

const seed = loadCatalogSeed();
/** The items foreigners use: 外商投资旅行社业务许可, 导游证核发 (foreign-language guides), 旅游投诉受理. */
const ENGLISH_ITEMS = { '0100119000': '外商投资旅行社业务许可', '0100120000': '导游证核发', '2000127000': '旅游投诉受理' } as const;
const implementationsOf = (basicCode: string) => seed.items.filter((i) => i.basicCode === basicCode);
const foreignAgency = implementationsOf('0100119000')[0]!;

describe('the English guides of the seed', () => {
  it.each(Object.entries(ENGLISH_ITEMS))('%s %s: every implementation has English for every text', (basicCode, name) => {
    const items = implementationsOf(basicCode);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.name).toBe(name);
      const english = localiseItem(item, 'en');
      expect({ code: item.implementationCode, language: english.language, untranslated: english.untranslated }).toEqual({
        code: item.implementationCode,
        language: 'en',
        untranslated: undefined,
      });
      // The English answer keeps the contract of the Chinese one (label and hint lengths included).
      expect(() => implementationItemSchema.parse(english)).not.toThrow();
      for (const { path: at, text } of translatableTexts(item)) {
        const translated = item.translations?.en?.[text];
        expect({ at, translated: typeof translated }).toEqual({ at, translated: 'string' });
        // Law titles keep their Chinese title, with an English gloss; every other text is English only.
        if (/^guide\.legalBasis\[\d+\]\.law$/.test(at)) expect(translated).toMatch(/^《.+》 \([A-Z][^\u4e00-\u9fff]+\)$/);
        // A proper name may keep its Chinese in brackets after the English, e.g. an app's name: "…" (全国导游之家).
        else expect({ at, han: containsHan(translated!.replace(/ \(\p{Script=Han}+\)/gu, '')) }).toEqual({ at, han: false });
      }
    }
  });

  it('covers name, conditions, materials, process, fees, time limits, legal basis and form fields', () => {
    const paths = new Set(translatableTexts(implementationsOf('2000127000')[0]!).map((t) => t.path.replace(/\[\d+\]/g, '[]')));
    for (const at of ['name', 'applicationFields[].label', 'guide.conditions[]', 'guide.legalBasis[].law', 'guide.legalBasis[].articles', 'guide.legalBasis[].excerpt',
      'guide.statutoryLimit.note', 'guide.promisedLimit.note', 'guide.process[].step', 'guide.process[].description', 'guide.materials[].name',
      'guide.materials[].acceptanceStandard', 'guide.result.name', 'guide.scope']) {
      expect(paths).toContain(at);
    }
  });

  it('keeps only its own texts in each implementation', () => {
    for (const item of seed.items.filter((i) => i.translations)) {
      const texts = new Set(translatableTexts(item).map((t) => t.text));
      expect(Object.keys(item.translations!.en!).filter((chinese) => !texts.has(chinese))).toEqual([]);
    }
  });

  it('gives other items no translations', () => {
    const others = seed.items.filter((i) => !(i.basicCode in ENGLISH_ITEMS));
    expect(others.length).toBeGreaterThan(0);
    expect(others.filter((i) => i.translations)).toEqual([]);
  });
});

describe('localiseItem', () => {
  it('answers Chinese exactly as stored, less the translations', () => {
    const { translations: _translations, ...stored } = foreignAgency;
    expect(localiseItem(foreignAgency, 'zh-CN')).toEqual(stored);
  });

  it('falls back to Chinese per text once a later version changes the Chinese, naming what stayed Chinese', () => {
    const changed: ImplementationItem = {
      ...foreignAgency,
      version: foreignAgency.version + 1,
      guide: { ...foreignAgency.guide, conditions: ['已依法设立外商投资企业并取得营业执照（新表述）', ...foreignAgency.guide.conditions.slice(1)] },
    };
    const english = localiseItem(changed, 'en');
    expect(english.language).toBe('en');
    expect(english.untranslated).toEqual(['guide.conditions[0]']);
    expect(english.guide.conditions[0]).toBe('已依法设立外商投资企业并取得营业执照（新表述）');
    expect(english.guide.conditions[1]).toBe(foreignAgency.translations!.en![foreignAgency.guide.conditions[1]!]);
  });

  it('says zh-CN for an item with no English at all', () => {
    const plain = seed.items.find((i) => !i.translations)!;
    const english = localiseItem(plain, 'en');
    expect(english.language).toBe('zh-CN');
    expect(english.name).toBe(plain.name);
    expect(english).not.toHaveProperty('translations');
  });

  it('keeps the commitment text Chinese: the applicant confirms the Chinese text by its hash', () => {
    const item = seed.items.find((i) => i.guide.materials.some((m) => m.commitment))!;
    const material = item.guide.materials.find((m) => m.commitment)!;
    // Even a translation offered for the commitment text is not used.
    const translated = { ...item, translations: { en: { [material.name]: 'A material', [material.commitment!.text]: 'A commitment' } } };
    const english = localiseItem(translated, 'en').guide.materials.find((m) => m.id === material.id)!;
    expect(english.name).toBe('A material');
    expect(english.commitment).toEqual(material.commitment);
  });
});

describe('localiseSummary', () => {
  it('names a list entry in English when it has an English name, and never answers the stored nameEn', () => {
    const summary = summarise(foreignAgency);
    expect(summary.nameEn).toBe('Travel agency business licence for foreign-invested enterprises');
    expect(localiseSummary(summary, 'en')).toMatchObject({ name: summary.nameEn, language: 'en' });
    expect(localiseSummary(summary, 'en')).not.toHaveProperty('nameEn');
    const chinese = localiseSummary(summary, 'zh-CN');
    expect(chinese.name).toBe('外商投资旅行社业务许可');
    expect(chinese).not.toHaveProperty('nameEn');
    expect(chinese).not.toHaveProperty('language');
  });
});

describe('seed check of translations', () => {
  it('reports a translation whose Chinese the guide no longer contains', () => {
    const file = path.join(__dirname, '..', '..', '..', 'data', 'items', 'waishang-lvxingshe-xuke.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.translations.en['一句已经删掉的原文'] = 'A sentence since removed';
    const { problems } = validateCatalogItemFile(json, 'data/items/waishang-lvxingshe-xuke.json', { regions: seed.regions, organisations: seed.organisations });
    expect(problems.map((p) => p.message)).toEqual(['译文的中文原文不在本事项的办事指南中（原文可能已修改），请按现行原文更新译文']);
  });
});
