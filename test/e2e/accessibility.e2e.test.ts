import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { STAFF_PERMISSIONS, type Session, type StaffPermission } from '@ah-tourism/shared';
import type { Page } from 'playwright-core';
import { api } from '../support/api';
import { asUser, signInAs, signInWithWechat, submitApplication } from '../support/applications';
import { expectAccessible } from '../support/axe';
import { openPhone } from '../support/browser';
import { evaluate, finishedCase } from '../support/evaluations';
import { complaintBody, fileComplaint } from '../support/feedback';
import { decide, myLicences, personApplication, provinceItem, staffOf } from '../support/licences';
import { applicantCase } from '../support/lifecycle';
import { openApp } from '../support/login-phone';
import { HUANGSHAN_BUREAU, newStaff } from '../support/notifications';

/**
 * Every page registered in app.config.ts, checked with axe-core at phone size (375×812) once it has
 * loaded its data: no serious or critical violation on any of them. Citizen pages are seen signed in as a
 * citizen who has real cases (a delivered 旅行社服务网点设立备案 with its documents and a 不满意 evaluation,
 * a decided 导游证核发 with its electronic licence, a complaint); staff pages signed in as a 黄山市 staff
 * member holding every permission (the licence page as the province's decider, whose organisation issued
 * it); the login page signed out. A page added to app.config.ts without a row here fails the first test.
 */

const SESSION_KEY = 'ah-tourism.session';
const APP_CONFIG = path.resolve(__dirname, '..', '..', 'miniapp', 'src', 'app.config.ts');

type Who = 'guest' | 'citizen' | 'cityStaff' | 'provinceStaff';

interface Fixtures {
  caseNumber: string;
  documentId: string;
  licenceCaseNumber: string;
  licenceId: string;
  complaintNumber: string;
  implementationCode: string;
  agencyNumber: string;
}

/** Every registered page: who looks at it and with what query (built from the fixtures). */
const PAGES: Record<string, { who: Who; query?: (f: Fixtures) => string }> = {
  'pages/home/index': { who: 'citizen' },
  'pages/items/index': { who: 'citizen' },
  'pages/mine/index': { who: 'citizen' },
  'pages/login/index': { who: 'guest' },
  'pages/guide/index': { who: 'citizen', query: (f) => `code=${f.implementationCode}` },
  'pages/scenario/index': { who: 'citizen', query: () => 'code=open-travel-agency' },
  'pages/cases/apply/index': { who: 'citizen', query: (f) => `code=${f.implementationCode}` },
  'pages/cases/detail/index': { who: 'citizen', query: (f) => `caseNumber=${f.caseNumber}` },
  'pages/cases/submitted/index': { who: 'citizen', query: (f) => `caseNumber=${f.caseNumber}` },
  'pages/cases/document/index': { who: 'citizen', query: (f) => `caseNumber=${f.caseNumber}&documentId=${f.documentId}` },
  'pages/cases/intake/index': { who: 'cityStaff' },
  'pages/cases/claim/index': { who: 'citizen' },
  'pages/account/messages/index': { who: 'citizen' },
  'pages/account/bind/index': { who: 'citizen' },
  'pages/account/staff/index': { who: 'cityStaff' },
  'pages/account/subscriptions/index': { who: 'citizen' },
  'pages/staff/inbox/index': { who: 'cityStaff' },
  'pages/staff/case/index': { who: 'cityStaff', query: (f) => `caseNumber=${f.caseNumber}` },
  'pages/staff/document/index': { who: 'cityStaff', query: (f) => `caseNumber=${f.caseNumber}&documentId=${f.documentId}` },
  'pages/staff/calendar/index': { who: 'cityStaff' },
  'pages/staff/rectifications/index': { who: 'cityStaff' },
  'pages/staff/rectification/index': { who: 'cityStaff', query: (f) => `subjectId=${f.caseNumber}` },
  'pages/staff/complaints/index': { who: 'cityStaff' },
  'pages/staff/complaint/index': { who: 'cityStaff', query: (f) => `complaintNumber=${f.complaintNumber}` },
  'pages/staff/consultations/index': { who: 'cityStaff' },
  'pages/staff/stats/index': { who: 'cityStaff' },
  'pages/staff/record/index': { who: 'cityStaff' },
  'pages/staff/licence/index': { who: 'provinceStaff', query: (f) => `licenceId=${encodeURIComponent(f.licenceId)}` },
  'pages/staff/assessment/index': { who: 'cityStaff' },
  'pages/staff/assessment-cases/index': {
    who: 'cityStaff',
    query: () => `figure=casesOnline&scope=${HUANGSHAN_BUREAU}&scopeName=${encodeURIComponent('黄山市文化和旅游局')}&from=2026-01-01&to=2026-12-31`,
  },
  'pages/staff/assessment-items/index': { who: 'cityStaff', query: () => `figure=itemsOnline&scope=${HUANGSHAN_BUREAU}&scopeName=${encodeURIComponent('黄山市文化和旅游局')}` },
  'pages/staff/lists/index': { who: 'cityStaff' },
  'pages/staff/list-edit/index': { who: 'cityStaff', query: (f) => `code=${f.implementationCode}` },
  'pages/staff/national-import/index': { who: 'cityStaff' },
  'pages/staff/reports/index': { who: 'cityStaff' },
  'pages/dev/pushes/index': { who: 'citizen' },
  'pages/feedback/evaluate/index': { who: 'citizen', query: (f) => `complaintNumber=${f.complaintNumber}` },
  'pages/feedback/consult/index': { who: 'citizen', query: (f) => `code=${f.implementationCode}` },
  'pages/feedback/consultations/index': { who: 'citizen' },
  'pages/feedback/complaint/index': { who: 'citizen' },
  'pages/feedback/complaint-detail/index': { who: 'citizen', query: (f) => `complaintNumber=${f.complaintNumber}` },
  'pages/feedback/complaints/index': { who: 'citizen' },
  'pages/public/progress/index': { who: 'guest' },
  'pages/public/assessment/index': { who: 'guest' },
  'pages/registry/agencies/index': { who: 'guest' },
  'pages/registry/guides/index': { who: 'guest' },
  'pages/registry/agency/index': { who: 'guest', query: (f) => `number=${encodeURIComponent(f.agencyNumber)}&region=341000` },
  'pages/licences/index': { who: 'citizen' },
  'pages/licences/detail/index': { who: 'citizen', query: (f) => `licenceId=${encodeURIComponent(f.licenceId)}` },
  'pages/licences/verify/index': { who: 'guest' },
};

/** The pages app.config.ts registers (main package and subpackages), read from its source. */
function registeredPages(): string[] {
  const source = readFileSync(APP_CONFIG, 'utf8');
  const quoted = (text: string) => Array.from(text.matchAll(/'([^']+)'/g), (m) => m[1]!);
  const main = quoted(/pages:\s*\[([^\]]*)\]/.exec(source)![1]!);
  const sub = Array.from(source.matchAll(/\{\s*root:\s*'([^']+)',\s*pages:\s*\[([^\]]*)\]\s*\}/g)).flatMap((m) => quoted(m[2]!).map((p) => `${m[1]}/${p}`));
  return [...main, ...sub];
}

/** A phone whose app storage holds this session from the first load on (as after signing in). */
async function phoneAs(session: Session | null) {
  const phone = await openPhone();
  if (session) await phone.context.addInitScript(([key, value]) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(key, value), [SESSION_KEY, JSON.stringify({ data: session })] as const);
  return phone;
}

/**
 * Loads a page afresh and waits until it has its data: the page on screen, no request in flight for a
 * moment (some pages poll, so this is not required) and no loading indicator left.
 */
async function openLoaded(page: Page, address: string): Promise<void> {
  await openApp(page, address);
  await page.locator('.taro_page').filter({ visible: true }).first().waitFor({ state: 'visible', timeout: 45_000 });
  await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
  await page.locator('.status-view--loading').filter({ visible: true }).first().waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
}

describe('accessibility: axe finds nothing serious on any page (H5, Chromium)', () => {
  const phones: Partial<Record<Who, Awaited<ReturnType<typeof openPhone>>>> = {};
  let fixtures: Fixtures;

  beforeAll(async () => {
    const citizen = await signInWithWechat(`a11y-${randomUUID().replace(/-/g, '')}`);
    const user = citizen.accessToken;

    // A delivered case with its documents, and a 不满意 evaluation of it (a rectification task at 黄山市).
    const { caseNumber } = await finishedCase(user);
    const detail = await applicantCase(user, caseNumber);
    const documentId = detail.documents[0]?.documentId;
    if (!documentId) throw new Error(`case ${caseNumber} has no document to show`);
    const evaluated = await evaluate(user, caseNumber, { level: 'very_dissatisfied', tags: ['attitude'] });
    if (evaluated.status !== 201 && evaluated.status !== 200) throw new Error(`evaluation: ${evaluated.status} ${JSON.stringify(evaluated.body)}`);

    // A decided 导游证核发: an electronic licence held by the citizen, issued by the province.
    const item = await provinceItem('导游证核发');
    const licenceCase = await submitApplication(user, await personApplication(user, item, { qualificationNumber: 'DYZG-2026-340000-0099', language: '中文', employer: '合肥徽行国际旅行社有限公司' }));
    if (licenceCase.status !== 201) throw new Error(`licence case: ${licenceCase.status} ${JSON.stringify(licenceCase.body)}`);
    await decide(await staffOf('province'), licenceCase.body.caseNumber);
    const licenceId = (await myLicences(user))[0]?.licence.licenceId;
    if (!licenceId) throw new Error('no licence was issued');

    const complaint = await fileComplaint(user, complaintBody(), randomUUID());
    if (complaint.status !== 201) throw new Error(`complaint: ${complaint.status} ${JSON.stringify(complaint.body)}`);

    const travelAgency = await api(`/catalog/items?region=341000&keyword=${encodeURIComponent('旅行社业务经营许可')}`, { headers: asUser(user) });
    const agencies = await api('/public/registries/travel-agencies?region=341000');
    fixtures = {
      caseNumber,
      documentId,
      licenceCaseNumber: licenceCase.body.caseNumber,
      licenceId,
      complaintNumber: complaint.body.complaintNumber,
      implementationCode: travelAgency.body.items[0].implementationCode,
      agencyNumber: agencies.body.items[0].number,
    };

    const everyPermission = Object.keys(STAFF_PERMISSIONS) as StaffPermission[];
    const cityStaff = (await newStaff(HUANGSHAN_BUREAU, everyPermission)).session;
    phones.guest = await phoneAs(null);
    phones.citizen = await phoneAs(citizen);
    phones.cityStaff = await phoneAs(cityStaff);
    phones.provinceStaff = await phoneAs(await signInAs('province-decide'));
  }, 360_000);

  afterAll(async () => {
    for (const phone of Object.values(phones)) await phone?.close();
  }, 60_000);

  it('has a row for every page app.config.ts registers', () => {
    expect(Object.keys(PAGES).sort()).toEqual(registeredPages().sort());
  });

  it.each(Object.keys(PAGES))('%s', async (pagePath) => {
    const { who, query } = PAGES[pagePath]!;
    const page = phones[who]!.page;
    const address = query ? `${pagePath}?${query(fixtures)}` : pagePath;
    await openLoaded(page, address);
    await expectAccessible(page, `${address} (as ${who})`);
  }, 90_000);
});

