import { randomUUID } from 'node:crypto';
import { TRAVEL_AGENCY_FIELDS, completeApplication, signInAs, signInWithWechat, submitApplication, travelAgencyItem } from '../support/applications';
import { openPhone, screenshot, visible } from '../support/browser';
import { act } from '../support/lifecycle';
import { untilVisible } from '../support/lifecycle-phone';
import { openApp, useSessionOnPhone } from '../support/login-phone';

/**
 * Progress at a glance (H5, Chromium, 375×812): signed out, home has no 我的办件 and asks nothing about
 * cases; signed in as a person whose case awaits 补正, home leads with 待我处理, the case and its next
 * step in one line, and a tap opens the case.
 */

const ITEM = '旅行社业务经营许可';
const SECTION = /^(待我处理|我的办件)/;

describe('progress at a glance on home (H5, Chromium)', () => {
  let phone: Awaited<ReturnType<typeof openPhone>>;
  /** Requests the phone made for the home's 我的办件. */
  const overviewRequests: string[] = [];

  beforeAll(async () => {
    phone = await openPhone();
    phone.page.on('request', (request) => {
      if (new URL(request.url()).pathname.endsWith('/me/case-overview')) overviewRequests.push(request.url());
    });
  }, 60_000);
  afterAll(async () => phone?.close());

  it('signed out: home shows no 我的办件 section and makes no request for it', async () => {
    const { page } = phone;
    await openApp(page, 'pages/home/index');
    await visible(page.getByRole('heading', { name: '皖旅政务', level: 1 }).filter({ visible: true }));
    await visible(page.getByRole('link', { name: '办件进度查询' }).filter({ visible: true }));
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('heading', { name: SECTION }).filter({ visible: true }).count()).toBe(0);
    expect(overviewRequests).toEqual([]);
    await screenshot(page, 'home-progress-01-signed-out');
  }, 90_000);

  it('signed in with a case awaiting 补正: home shows it with its next step, and opens it', async () => {
    const { page } = phone;
    // A person of their own (a fresh WeChat user), so the cases on home are exactly theirs.
    const session = await signInWithWechat(`home-${randomUUID().replace(/-/g, '')}`);
    const item = await travelAgencyItem();
    const submitted = await submitApplication(session.accessToken, await completeApplication(session.accessToken, item, TRAVEL_AGENCY_FIELDS));
    expect(submitted.status).toBe(201);
    const caseNumber = submitted.body.caseNumber as string;
    const preReviewer = (await signInAs('city-pre_review')).accessToken;
    const material = item.guide.materials.find((m) => m.source === 'applicant')!;
    expect((await act(preReviewer, caseNumber, { action: 'request_supplement', defects: [{ materialId: material.id, reason: '复印件不清晰，请上传清晰的扫描件' }] })).status).toBe(200);

    await useSessionOnPhone(page, session);
    await openApp(page, 'pages/home/index');
    const card = page.getByRole('link', { name: `${ITEM}，待补正，下一步：上传告知书所列的材料，重新提交，办件编号${caseNumber}` }).filter({ visible: true });
    await untilVisible(page, card);
    await visible(page.getByRole('heading', { name: /^待我处理\s*1件$/ }).filter({ visible: true }));
    // The link is the card's title part; the next step follows it in the card.
    await visible(page.locator('.case-card', { has: card }).getByText('下一步：上传告知书所列的材料，重新提交', { exact: true }));
    expect(overviewRequests.length).toBeGreaterThan(0);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'home-progress-02-awaiting-supplement');

    await card.click();
    await visible(page.getByRole('heading', { name: ITEM, level: 1 }).filter({ visible: true }));
    await visible(page.getByText(caseNumber, { exact: true }).filter({ visible: true }).first());
    await visible(page.getByText('下一步：上传告知书所列的材料，重新提交', { exact: true }).filter({ visible: true }));
  }, 120_000);
});
