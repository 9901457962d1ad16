import { randomUUID } from 'node:crypto';
import { ERRORS, implementationItemSchema, type ImplementationItem } from '@ah-tourism/shared';
import { ERROR_MESSAGES_EN } from '../../shared/src/errors-en';
import { containsHan } from '../../shared/src/i18n/language';
import { loadCatalogSeed } from '../../scripts/seed/catalog-data';
import { api } from '../support/api';
import { TRAVEL_AGENCY_FIELDS, asUser, completeApplication, newUser, travelAgencyItem } from '../support/applications';

const seed = loadCatalogSeed();
const PROVINCE = '340000';
const HUANGSHAN = '341000';
const EN = { 'Accept-Language': 'en-US,en;q=0.9,zh-CN;q=0.5' };
const ZH = { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' };
const inRegion = (basicCode: string, region: string) => seed.items.find((i) => i.basicCode === basicCode && i.regionCode === region)!;
/** 外商投资旅行社业务许可 (province), 导游证核发 (黄山市), and 旅行社业务经营许可 (黄山市), which has no English. */
const FOREIGN_AGENCY = inRegion('0100119000', PROVINCE);
const GUIDE_LICENCE = inRegion('0100120000', HUANGSHAN);
const NO_ENGLISH = seed.items.find((i) => i.regionCode === HUANGSHAN && i.name === '旅行社业务经营许可')!;
const UNKNOWN_CODE = `${FOREIGN_AGENCY.basicCode.slice(0, 9)}9${FOREIGN_AGENCY.implementationCode.slice(10)}`;

describe('error answers in the language asked for', () => {
  it('answers an unknown item in English with the same code and status', async () => {
    const [zh, en] = await Promise.all([api(`/catalog/items/${UNKNOWN_CODE}`, { headers: ZH }), api(`/catalog/items/${UNKNOWN_CODE}`, { headers: EN })]);
    expect(zh.status).toBe(404);
    expect(en.status).toBe(404);
    expect(zh.body).toEqual({ code: 'CATALOG_ITEM_NOT_FOUND', message: ERRORS.CATALOG_ITEM_NOT_FOUND.message });
    expect(en.body).toEqual({ code: 'CATALOG_ITEM_NOT_FOUND', message: ERROR_MESSAGES_EN.CATALOG_ITEM_NOT_FOUND });
  });

  it('answers a signed-out request in English (401, AUTH_REQUIRED)', async () => {
    const res = await api('/cases', { headers: { 'Accept-Language': 'en' } });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'AUTH_REQUIRED', message: ERROR_MESSAGES_EN.AUTH_REQUIRED });
  });

  it('stays Chinese without Accept-Language, for other languages and when English is refused', async () => {
    for (const headers of [{}, { 'Accept-Language': 'fr-FR,de;q=0.8' }, { 'Accept-Language': 'en;q=0, *' }] as Record<string, string>[]) {
      const res = await api('/cases', { headers });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ code: 'AUTH_REQUIRED', message: ERRORS.AUTH_REQUIRED.message });
    }
  });

  it('gives field problems of a query in English, with the same paths', async () => {
    const [zh, en] = await Promise.all([
      api('/catalog/items?region=34abc&limit=500', { headers: ZH }),
      api('/catalog/items?region=34abc&limit=500', { headers: EN }),
    ]);
    expect(en.status).toBe(400);
    expect(en.body.code).toBe('COMMON_VALIDATION_FAILED');
    expect(en.body.message).toBe(ERROR_MESSAGES_EN.COMMON_VALIDATION_FAILED);
    expect(en.body.details.map((d: { path: string }) => d.path)).toEqual(zh.body.details.map((d: { path: string }) => d.path));
    expect(en.body.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['region', 'limit']));
    for (const detail of en.body.details) expect(containsHan(detail.message)).toBe(false);
    for (const detail of en.body.details) expect(detail.message.length).toBeGreaterThan(5);
    for (const detail of zh.body.details) expect(containsHan(detail.message)).toBe(true);
  });

  it('names a missing material of an application in English, and writes nothing', async () => {
    const user = await newUser();
    const item = await travelAgencyItem();
    const body = await completeApplication(user, item, TRAVEL_AGENCY_FIELDS);
    const missing = item.guide.materials.find((m) => m.source === 'applicant' && m.necessity === 'required')!;
    const submitInEnglish = (application: unknown) =>
      api('/cases', {
        method: 'POST',
        headers: asUser(user, { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID(), 'Accept-Language': 'en' }),
        body: JSON.stringify(application),
      });
    const { [missing.id]: _left, ...materials } = body.materials;
    const withoutMaterial = await submitInEnglish({ ...body, materials });
    expect(withoutMaterial.status).toBe(400);
    expect(withoutMaterial.body).toEqual({
      code: 'COMMON_VALIDATION_FAILED',
      message: ERROR_MESSAGES_EN.COMMON_VALIDATION_FAILED,
      details: [{ path: `materials.${missing.id}`, message: 'Upload this material.' }],
    });
    const badMobile = await submitInEnglish({ ...body, applicant: { ...body.applicant, agent: { ...body.applicant.agent, mobile: '2395591234' } } });
    expect(badMobile.status).toBe(400);
    expect(badMobile.body.details).toContainEqual({ path: 'applicant.agent.mobile', message: 'A mobile number has 11 digits and starts with 1.' });
    expect((await api('/cases', { headers: asUser(user) })).body.cases).toEqual([]);
  }, 90_000);
});

describe('guides in English', () => {
  it('serves 外商投资旅行社业务许可 in English, with the Chinese law titles glossed', async () => {
    const res = await api(`/catalog/items/${FOREIGN_AGENCY.implementationCode}`, { headers: EN });
    expect(res.status).toBe(200);
    expect(res.headers.get('vary')).toMatch(/Accept-Language/i);
    const guide = implementationItemSchema.parse(res.body) as ImplementationItem;
    expect(res.body.language).toBe('en');
    expect(res.body).not.toHaveProperty('untranslated');
    expect(res.body).not.toHaveProperty('translations');
    expect(guide.name).toBe('Travel agency business licence for foreign-invested enterprises');
    expect(guide.guide.legalBasis[0]!.law).toBe('《旅行社条例》 (Regulations on Travel Agencies)');
    expect(guide.guide.legalBasis[0]!.articles).toBe('Articles 6, 21, 22 and 23');
    expect(guide.applicationFields.map((f) => f.label)).toEqual(['Travel agency name', 'Investor nationality', 'Premises address']);
    for (const text of [...guide.guide.conditions, ...guide.guide.process.flatMap((p) => [p.step, p.description]), ...guide.guide.materials.map((m) => m.name)]) {
      expect(containsHan(text)).toBe(false);
    }
    // What does not change with the language: codes, keys, ids, figures.
    expect(guide.implementationCode).toBe(FOREIGN_AGENCY.implementationCode);
    expect(guide.guide.materials.map((m) => m.id)).toEqual(FOREIGN_AGENCY.guide.materials.map((m) => m.id));
    expect(guide.guide.promisedLimit.workingDays).toBe(FOREIGN_AGENCY.guide.promisedLimit.workingDays);
  });

  it('keeps a choice field submitting its Chinese values, with English labels to show', async () => {
    const res = await api(`/catalog/items/${GUIDE_LICENCE.implementationCode}`, { headers: EN });
    expect(res.status).toBe(200);
    expect(res.body.language).toBe('en');
    expect(res.body.name).toBe('Tour guide licence (issue)');
    const language = res.body.applicationFields.find((f: { key: string }) => f.key === 'language');
    expect(language.label).toBe('Guiding language');
    expect(language.options).toEqual(['中文', '英语', '日语', '韩语', '俄语', '其他语种']);
    expect(language.optionLabels).toEqual(['Chinese', 'English', 'Japanese', 'Korean', 'Russian', 'Other language']);
  });

  it('falls back to Chinese for an item without English, saying so', async () => {
    const res = await api(`/catalog/items/${NO_ENGLISH.implementationCode}`, { headers: EN });
    expect(res.status).toBe(200);
    expect(res.body.language).toBe('zh-CN');
    expect(res.body.name).toBe('旅行社业务经营许可');
    expect(res.body.guide.conditions).toEqual(NO_ENGLISH.guide.conditions);
  });

  it('stays Chinese by default, as stored, without the translations, under another ETag', async () => {
    const [plain, en] = await Promise.all([
      api(`/catalog/items/${FOREIGN_AGENCY.implementationCode}`),
      api(`/catalog/items/${FOREIGN_AGENCY.implementationCode}`, { headers: EN }),
    ]);
    expect(plain.status).toBe(200);
    const { translations: _translations, ...stored } = FOREIGN_AGENCY;
    expect(plain.body).toEqual(JSON.parse(JSON.stringify(stored)));
    expect(plain.headers.get('etag')).not.toBe(en.headers.get('etag'));
    const again = await api(`/catalog/items/${FOREIGN_AGENCY.implementationCode}`, { headers: { ...EN, 'If-None-Match': en.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('serves a published version in English too', async () => {
    const res = await api(`/catalog/items/${FOREIGN_AGENCY.implementationCode}/versions/${FOREIGN_AGENCY.version}`, { headers: EN });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ language: 'en', name: 'Travel agency business licence for foreign-invested enterprises', version: FOREIGN_AGENCY.version });
  });
});

describe('lists and search in English', () => {
  it('names the items that have English in English, the others in Chinese, each with its language', async () => {
    const res = await api(`/catalog/items?region=${PROVINCE}&limit=50`, { headers: EN });
    expect(res.status).toBe(200);
    const foreign = res.body.items.find((i: { implementationCode: string }) => i.implementationCode === FOREIGN_AGENCY.implementationCode);
    expect(foreign).toMatchObject({ name: 'Travel agency business licence for foreign-invested enterprises', language: 'en' });
    const chinese = res.body.items.filter((i: { language: string }) => i.language === 'zh-CN');
    expect(chinese.length).toBeGreaterThan(0);
    for (const item of chinese) expect(containsHan(item.name)).toBe(true);
    for (const item of res.body.items) expect(item).not.toHaveProperty('nameEn');
  });

  it('lists in Chinese by default, without language or English names', async () => {
    const res = await api(`/catalog/items?region=${PROVINCE}&limit=50`);
    const foreign = res.body.items.find((i: { implementationCode: string }) => i.implementationCode === FOREIGN_AGENCY.implementationCode);
    expect(foreign.name).toBe('外商投资旅行社业务许可');
    expect(foreign).not.toHaveProperty('language');
    expect(foreign).not.toHaveProperty('nameEn');
  });

  it('finds the guide licence by its English name and answers in English', async () => {
    const res = await api(`/catalog/search?q=${encodeURIComponent('tour guide')}&region=${HUANGSHAN}`, { headers: EN });
    expect(res.status).toBe(200);
    const group = res.body.groups.find((g: { basicCode: string }) => g.basicCode === GUIDE_LICENCE.basicCode);
    expect(group.name).toBe('Tour guide licence (issue)');
    expect(group.implementations[0]).toMatchObject({ regionCode: HUANGSHAN, language: 'en' });
  });
});
