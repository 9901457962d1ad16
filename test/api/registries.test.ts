import { request } from 'node:http';
import type { RegisteredTourGuide, RegisteredTravelAgency, RegisteredTravelAgencyDetail } from '@ah-tourism/shared';
import { loadCatalogSeed } from '../../scripts/seed/catalog-data';
import { loadRegistrySeed } from '../../scripts/seed/registry-data';
import { seededRegistry, type SeededLicence } from '../../scripts/seed/registry-records';
import { localLicenceKeys } from '../../scripts/local/licence-keys';
import { apiUrl, forRequests } from '../support/api';
import { cityItem, completeApplication, newUser, submitApplication, TRAVEL_AGENCY_FIELDS } from '../support/applications';
import { decide, personApplication, provinceItem, staffOf, verify } from '../support/licences';
import { applicantCase } from '../support/lifecycle';

interface Answer<T = any> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: T;
}

/** A GET from a given loopback address (127.0.0.0/8 all reach the local API): each test is its own client for the per-address limit. */
function get<T = any>(from: string, path: string, query: Record<string, string | number | undefined> = {}): Promise<Answer<T>> {
  const url = new URL(path, apiUrl());
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, String(value));
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: 'GET', localAddress: from }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end();
  });
}

let next = 10;
const newClient = () => `127.1.${Math.floor(Math.random() * 200) + 20}.${(next += 1)}`;
const AGENCIES = '/public/registries/travel-agencies';
const GUIDES = '/public/registries/tour-guides';
/** As serverless.yml's publicRegistryPerMinute (PUBLIC_REGISTRY_PER_MINUTE, 60). */
const LIMIT = Number(process.env.PUBLIC_REGISTRY_PER_MINUTE || 60);

/** What the seed put in the table (numbers, names and credit codes do not depend on the signing key). */
const catalog = loadCatalogSeed();
const keys = localLicenceKeys();
const seeded = seededRegistry(loadRegistrySeed(catalog.regions), { organisations: catalog.organisations, signing: keys.signing });
const listedIn = (region: string, kind: string) => seeded.licences.filter((l) => l.state.kind === kind && (l.state.registryRegion ?? l.state.regionCode) === region);
const byName = (name: string) => seeded.licences.find((l) => l.state.current.holder.name === name)!;
/** 宣城: no other test issues a licence there, so its registries are exactly the seed's. */
const XUANCHENG = '341800';

/** Every page of a registry query, following nextCursor to the end. */
async function allPages<T>(client: string, path: string, query: Record<string, string | number | undefined>) {
  const items: T[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await get<{ items: T[]; nextCursor: string | null }>(client, path, { ...query, cursor });
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeLessThanOrEqual(Number(query.limit ?? 20));
    items.push(...page.body.items);
    cursor = page.body.nextCursor ?? undefined;
    pages += 1;
  } while (cursor && pages < 50);
  return { items, pages };
}

describe('the travel agency registry (旅行社名录, no sign-in)', () => {
  it('pages through a city by the cursor: every agency of the seed once, none missing, in number order', async () => {
    const expected = listedIn(XUANCHENG, 'travel_agency').map((l) => l.state.number).sort();
    const { items, pages } = await allPages<RegisteredTravelAgency>(newClient(), AGENCIES, { region: XUANCHENG, limit: 2 });
    expect(items.map((a) => a.number)).toEqual(expected);
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(expected.length / 2));
    const outbound = items.find((a) => a.name === '宣城宛陵国际旅行社有限公司')!;
    expect(outbound).toMatchObject({ regionCode: XUANCHENG, outbound: true, status: 'valid', statusLabel: '有效', issuerName: '安徽省文化和旅游厅', licensedOn: '2020-01-14', address: '宣城市宣州区叠嶂中路203号' });
    expect(outbound.scope).toEqual(['国内旅游业务', '入境旅游业务', '出境旅游业务']);
    expect(outbound.creditCode).toBe(byName('宣城宛陵国际旅行社有限公司').state.current.holder.code);
  });

  it('finds agencies by a fragment of the name, however it is typed, also across filtered pages', async () => {
    const client = newClient();
    const fragment = await get<{ items: RegisteredTravelAgency[] }>(client, AGENCIES, { region: '341000', keyword: '徽墨' });
    expect(fragment.body.items.map((a) => a.name)).toEqual(['黄山徽墨行旅行社有限公司']);
    expect((await get(client, AGENCIES, { region: '341000', keyword: ' 栖云 徽行 ' })).body.items.map((a: RegisteredTravelAgency) => a.name)).toEqual(['黄山栖云徽行旅行社有限公司']);
    // Another city's registry does not list it.
    expect((await get(client, AGENCIES, { region: '340100', keyword: '徽墨' })).body.items).toEqual([]);
    // A filter that keeps most rows, one entry per page: still each once.
    const expected = listedIn(XUANCHENG, 'travel_agency').filter((l) => l.state.current.holder.name.includes('宣城')).map((l) => l.state.number).sort();
    const { items } = await allPages<RegisteredTravelAgency>(client, AGENCIES, { region: XUANCHENG, keyword: '宣城', limit: 1 });
    expect(items.map((a) => a.number)).toEqual(expected);
  });

  it('finds an agency by its exact licence number, typed in any case, within its city only', async () => {
    const client = newClient();
    const licence = byName('合肥徽澜国际旅行社有限公司').state;
    const found = await get<{ items: RegisteredTravelAgency[]; nextCursor: null }>(client, AGENCIES, { region: '340100', number: licence.number.toLowerCase() });
    expect(found.body).toEqual({ items: [expect.objectContaining({ number: licence.number, name: '合肥徽澜国际旅行社有限公司', outbound: true })], nextCursor: null });
    expect((await get(client, AGENCIES, { region: '340200', number: licence.number })).body.items).toEqual([]);
    expect((await get(client, AGENCIES, { region: '340100', number: `${licence.number.slice(0, -1)}9` })).body.items).toEqual([]);
  });

  it('shows suspended, revoked and cancelled agencies with their status and since when', async () => {
    const client = newClient();
    const status = async (region: string, name: string) => (await get(client, AGENCIES, { region, number: byName(name).state.number })).body.items[0];
    expect(await status('340400', '淮南淝水旅行社有限公司')).toMatchObject({ status: 'suspended', statusLabel: '已暂停', statusChangedOn: '2026-10-20' });
    expect(await status('341300', '宿州灵璧石韵旅行社有限公司')).toMatchObject({ status: 'revoked', statusLabel: '已吊销', statusChangedOn: '2024-11-05' });
    expect(await status('341600', '亳州芍花旅行社有限公司')).toMatchObject({ status: 'cancelled', statusLabel: '已注销', statusChangedOn: '2025-03-31' });
  });

  it('opens an agency with the branches and service outlets it filed (receipt numbers, no case numbers)', async () => {
    const client = newClient();
    const licence = byName('合肥徽澜国际旅行社有限公司').state;
    const detail = await get<RegisteredTravelAgencyDetail>(client, `${AGENCIES}/${licence.number}`, { region: '340100' });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ number: licence.number, name: '合肥徽澜国际旅行社有限公司', outbound: true });
    expect(detail.body.branches).toEqual([
      { kind: 'branch', name: '合肥徽澜国际旅行社有限公司芜湖分社', address: '芜湖市镜湖区中山北路72号', filedOn: '2022-03-08', filedWith: '芜湖市文化和旅游局', receiptNumber: expect.stringMatching(/^芜文旅备〔2022〕\d+号$/) },
    ]);
    expect(detail.body.outlets.map((o) => o.name)).toEqual(['合肥徽澜国际旅行社有限公司三孝口服务网点']);
    const caseNumbers = seeded.filings.filter((f) => f.creditCode === licence.current.holder.code).map((f) => f.caseNumber);
    for (const caseNumber of caseNumbers) expect(detail.text).not.toContain(caseNumber);
    // Without the city, the number's issuer region is looked in; another city's number is not found there.
    expect((await get(client, `${AGENCIES}/${licence.number}`)).body.number).toBe(licence.number);
    const missing = await get(client, `${AGENCIES}/${licence.number}`, { region: '340200' });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('REGISTRY_AGENCY_NOT_FOUND');
  });

  it('refuses a missing or unknown city and a cursor of another city', async () => {
    const client = newClient();
    expect((await get(client, AGENCIES, {})).status).toBe(400);
    expect((await get(client, AGENCIES, { region: '999900' })).body.code).toBe('CATALOG_REGION_NOT_FOUND');
    const other = await get(client, AGENCIES, { region: '340100', limit: 1 });
    const crossed = await get(client, AGENCIES, { region: '340200', cursor: other.body.nextCursor });
    expect(crossed.status).toBe(400);
    expect(crossed.body.code).toBe('COMMON_INVALID_CURSOR');
    expect((await get(client, AGENCIES, { region: '340100', cursor: 'not-a-cursor' })).body.code).toBe('COMMON_INVALID_CURSOR');
  });
});

describe('the tour guide registry (导游名录, no sign-in)', () => {
  it('pages through a city with names masked and no identity numbers', async () => {
    const guides = listedIn(XUANCHENG, 'tour_guide');
    const { items, pages } = await allPages<RegisteredTourGuide>(newClient(), GUIDES, { region: XUANCHENG, limit: 3 });
    expect(items.map((g) => g.number)).toEqual(guides.map((l) => l.state.number).sort());
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = JSON.stringify(items);
    for (const { state } of guides) {
      expect(text).not.toContain(state.current.holder.name);
      expect(text).not.toContain(state.current.holder.code);
    }
    for (const guide of items) expect(guide.name).toMatch(/^[^*]\*+$/);
    const first = guides.find((l) => l.state.number === items[0]!.number)!.state;
    expect(items[0]).toMatchObject({ name: `${[...first.current.holder.name][0]}${'*'.repeat([...first.current.holder.name].length - 1)}`, language: first.current.details['导游语种'], level: first.current.details['等级'], employer: first.current.details['执业单位'], regionCode: XUANCHENG });
  });

  it('lists a guide the department issued under the city of the employer, and finds guides by surname, full name, employer or number, never by the masked part', async () => {
    const client = newClient();
    const byDepartment = listedIn(XUANCHENG, 'tour_guide').find((l) => l.state.regionCode === '340000')!.state;
    expect(byDepartment.number).toMatch(/^D-AH-3400-/);
    const name = byDepartment.current.holder.name;
    const [surname, ...rest] = [...name];
    const numbers = async (query: Record<string, string>) => (await get<{ items: RegisteredTourGuide[] }>(client, GUIDES, { region: XUANCHENG, ...query })).body.items.map((g) => g.number);
    expect(await numbers({ keyword: surname! })).toContain(byDepartment.number);
    expect(await numbers({ keyword: name })).toEqual([byDepartment.number]);
    expect(await numbers({ keyword: rest.join('') })).not.toContain(byDepartment.number);
    expect(await numbers({ keyword: byDepartment.current.details['执业单位']!.slice(2, 6) })).toContain(byDepartment.number);
    expect(await numbers({ number: byDepartment.number })).toEqual([byDepartment.number]);
  });

  it('shows an expired 导游证 as 已过期 and a suspended one as 已暂停; the seeded licences verify as issued', async () => {
    const client = newClient();
    const expired = listedIn('340100', 'tour_guide').find((l) => l.state.status === 'valid' && l.state.current.validUntil! < '2026-01-01')!;
    const shown = (await get(client, GUIDES, { region: '340100', number: expired.state.number })).body.items[0];
    expect(shown).toMatchObject({ status: 'expired', statusLabel: '已过期', validUntil: expired.state.current.validUntil });
    const suspended = listedIn('341000', 'tour_guide').find((l) => l.state.status === 'suspended')!;
    expect((await get(client, GUIDES, { region: '341000', number: suspended.state.number })).body.items[0]).toMatchObject({ status: 'suspended', statusLabel: '已暂停', statusChangedOn: '2026-11-02' });
    // Signed with this machine's licence key, as the stack's seed is: POST /licences/verify judges them like issued ones.
    const token = (licence: SeededLicence) => licence.versions.at(-1)!.token;
    expect(await verify(token(expired))).toMatchObject({ result: 'expired' });
    expect(await verify(token(suspended))).toMatchObject({ result: 'suspended' });
    expect(await verify(token(byName('宣城宛陵国际旅行社有限公司')))).toMatchObject({ result: 'valid', licence: { scope: ['国内旅游业务', '入境旅游业务', '出境旅游业务'] } });
    expect(await verify(byName('宣城宛陵国际旅行社有限公司').versions[0]!.token)).toMatchObject({ result: 'superseded' });
  });
});

describe('what the system issues and files appears in the registries', () => {
  it('lists an agency licensed through a case, and an outlet it files by smart approval on its page', async () => {
    const client = newClient();
    const agent = await newUser();
    const submitted = await submitApplication(agent, await completeApplication(agent, await cityItem('旅行社业务经营许可'), TRAVEL_AGENCY_FIELDS));
    expect(submitted.status).toBe(201);
    await decide(await staffOf('city'), submitted.body.caseNumber);
    const number = (await applicantCase(agent, submitted.body.caseNumber)).documents.find((d) => d.kind === 'approval_decision')!.licence!.number;
    const listed = await get<{ items: RegisteredTravelAgency[] }>(client, AGENCIES, { region: '341000', number });
    expect(listed.body.items).toEqual([expect.objectContaining({ number, name: '黄山云海旅行社有限公司', issuerName: '黄山市文化和旅游局', status: 'valid', outbound: false })]);
    expect((await get(client, AGENCIES, { region: '341000', keyword: '云海' })).body.items.map((a: RegisteredTravelAgency) => a.number)).toContain(number);

    // 旅行社服务网点设立备案 passes every rule: approved at submission, and the outlet is on the agency's page.
    const outletName = `黄山云海旅行社有限公司屯溪老街${Date.now().toString(36).toUpperCase()}服务网点`;
    const filer = await newUser();
    const filed = await submitApplication(filer, await completeApplication(filer, await cityItem('旅行社服务网点设立备案'), { agencyName: '黄山云海旅行社有限公司', outletName, outletAddress: '黄山市屯溪区老街128号' }));
    expect(filed.body.status).toBe('delivered');
    const receipt = (await applicantCase(filer, filed.body.caseNumber)).documents.find((d) => d.kind === 'filing_receipt')!;
    const detail = await get<RegisteredTravelAgencyDetail>(client, `${AGENCIES}/${number}`, { region: '341000' });
    expect(detail.body.outlets).toContainEqual({ kind: 'outlet', name: outletName, address: '黄山市屯溪区老街128号', filedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), filedWith: '黄山市文化和旅游局', receiptNumber: receipt.number });
  }, forRequests(16));

  it('lists a 导游证 the department issues under the city of the guide’s employer, name masked', async () => {
    const client = newClient();
    const item = await provinceItem('导游证核发');
    const applicant = await newUser();
    const submitted = await submitApplication(applicant, await personApplication(applicant, item, { qualificationNumber: 'DYZG-2026-341000-0101', language: '日语', employer: '黄山云海旅行社有限公司' }));
    expect(submitted.status).toBe(201);
    await decide(await staffOf('province'), submitted.body.caseNumber);
    const number = (await applicantCase(applicant, submitted.body.caseNumber)).documents.find((d) => d.kind === 'approval_decision')!.licence!.number;
    expect(number).toMatch(/^D-AH-3400-/);
    const found = await get<{ items: RegisteredTourGuide[] }>(client, GUIDES, { region: '341000', number });
    expect(found.body.items).toEqual([expect.objectContaining({ number, name: '王**', language: '日语', level: '初级', employer: '黄山云海旅行社有限公司', regionCode: '341000', issuerName: '安徽省文化和旅游厅', status: 'valid' })]);
    expect(found.text).not.toContain('王小明');
    expect((await get(client, GUIDES, { region: '341000', keyword: '王小明' })).body.items.map((g: RegisteredTourGuide) => g.number)).toContain(number);
    expect((await get(client, GUIDES, { region: '340000', number })).body.items).toEqual([]);
  }, forRequests(12));
});

describe('the registries’ limit per client', () => {
  it(`answers request ${LIMIT + 1} in a minute from one address with 429 and Retry-After, while other addresses go on`, async () => {
    const client = newClient();
    for (let i = 0; i < LIMIT; i += 1) {
      const path = i % 3 === 2 ? GUIDES : AGENCIES;
      const res = await get(client, path, { region: '340100', limit: 1 });
      expect({ i, status: res.status }).toEqual({ i, status: 200 });
    }
    const limited = await get(client, `${AGENCIES}/L-AH-3401-2019-00001`, { region: '340100' });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ code: 'PUBLIC_REGISTRY_RATE_LIMITED', message: '名录查询过于频繁，请1分钟后再试' });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await get(client, GUIDES, { region: '340100' })).status).toBe(429);
    expect((await get(newClient(), GUIDES, { region: '340100', limit: 1 })).status).toBe(200);
  }, forRequests(LIMIT + 3));
});
