import { api } from '../support/api';
import { TRAVEL_AGENCY_FIELDS, asUser, completeApplication, signInAs, submitApplication, travelAgencyItem } from '../support/applications';
import { pdfFile, upload } from '../support/apply-phone';
import { openPhone, screenshot, visible } from '../support/browser';
import { act } from '../support/lifecycle';
import { applyForTravelAgency, findInInbox, openFromInbox, settle, slot, switchPersona, TRAVEL_AGENCY, untilVisible } from '../support/lifecycle-phone';
import { openApp, openMineEntry, signInOnPhone } from '../support/login-phone';
import type { Page } from 'playwright-core';

/**
 * The case lifecycle on phone-sized H5 apps (375×812), one browser per side, against the local
 * stack:
 *  - an applicant (persona citizen, applying for a travel business through its 经办人) submits a
 *    黄山市 旅行社业务经营许可 application;
 *  - the 黄山市 pre-reviewer (city-pre_review) finds it in 工作台 and sends a one-time notice for two
 *    materials, each with its reason;
 *  - the applicant sees the notice listing exactly those two, is told next to the material what is
 *    still missing, re-uploads both and resubmits;
 *  - the pre-reviewer accepts; switching persona in the same browser, 审查 (city-review) completes
 *    the review, 审批决定 (city-decide) approves and 送达 (city-deliver) delivers electronically, each
 *    offered only the actions of their role;
 *  - the applicant sees every step in 办理记录 and reads each document.
 * Then: a stale view (someone else acted first) is reloaded with the API's message; provincial staff
 * supervise 黄山市 read-only; the applicant withdraws another case; a provincial admin adds holidays
 * to a year without data.
 */

const APPLICANT = 'citizen';
const ENTERPRISE = '黄山迎客松旅行社有限公司';
const FLAGGED = ['旅行社业务经营许可申请书', '经营管理人员和导游名单'] as const;
const OTHER_REASON = '缺少导游证编号，请补充后重新上传';
const HISTORY = ['提交申请 · 待预审', '一次性告知补正 · 待补正', '补正后重新提交 · 待预审', '受理 · 已受理', '审查完成 · 待决定', '准予许可 · 准予许可', '送达 · 已送达'];
const DOCUMENTS = ['补正材料一次性告知书', '受理通知书', '准予行政许可决定书'];

type Phone = Awaited<ReturnType<typeof openPhone>>;

/**
 * Starts the functions a step is about to use: locally each stops after a minute idle, and several
 * cold starts at once on a small machine can outlast the app's 15 s request timeout. The answers
 * (404, 400…) do not matter.
 */
async function warmUp(persona: string, requests: string[]): Promise<void> {
  const token = (await signInAs(persona)).accessToken;
  for (const request of requests) {
    const [method, path] = request.split(' ') as [string, string];
    await api(path, { method, headers: asUser(token, { 'Content-Type': 'application/json' }), ...(method === 'GET' ? {} : { body: '{}' }) });
  }
}

const STAFF_ROUTES = ['GET /staff/cases', 'GET /staff/cases/20260101341000AAAAAAAA', 'POST /staff/cases/20260101341000AAAAAAAA/actions', 'GET /me'];
const APPLICANT_ROUTES = ['GET /cases/20260101341000AAAAAAAA', 'POST /cases/20260101341000AAAAAAAA/resubmit', 'POST /cases/20260101341000AAAAAAAA/withdraw', 'POST /uploads', 'GET /cases', 'GET /me'];

/** The staff case page's action button, then its form's submit button. */
async function actOnPhone(page: Page, action: string, fill: () => Promise<void>, submit: string): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  await visible(page.getByRole('heading', { name: action, level: 2, exact: true }));
  await fill();
  await page.getByRole('button', { name: submit, exact: true }).click();
  await visible(page.getByRole('status').filter({ hasText: `已办理：${action}` }));
}

/** The history section's steps, newest first, as read on screen. */
async function historySteps(page: Page): Promise<string[]> {
  const list = page.locator('.case-history').filter({ visible: true });
  return list.locator('.case-history__action').allTextContents();
}

describe('the case lifecycle on the phone (H5, Chromium)', () => {
  let applicant: Phone;
  let staff: Phone;
  let caseNumber = '';

  beforeAll(async () => {
    applicant = await openPhone();
    staff = await openPhone();
  }, 60_000);

  afterAll(async () => {
    await applicant?.close();
    await staff?.close();
  });

  it('the applicant submits a 黄山市 旅行社业务经营许可 application', async () => {
    caseNumber = await applyForTravelAgency(applicant.page, APPLICANT, { enterprise: ENTERPRISE, agent: '汪晓峰' });
    expect(caseNumber).toMatch(/^\d{8}341000[0-9A-Z]{8}$/);
    await screenshot(applicant.page, 'lifecycle-01-submitted');
  }, 150_000);

  it('the pre-reviewer finds the case in 工作台 with its deadline, and sends a one-time notice for two materials', async () => {
    const { page } = staff;
    await warmUp('city-pre_review', STAFF_ROUTES);
    await signInOnPhone(page, 'city-pre_review');
    // Staff have 工作台 at the top of 我的.
    await visible(page.getByRole('link', { name: '工作台' }).filter({ visible: true }));
    await screenshot(page, 'lifecycle-02-staff-mine');
    const row = await findInInbox(page, caseNumber, '待预审');
    await visible(row.getByText(/^剩余 \d+ 个工作日$/));
    await visible(row.getByText('待预审'));
    await screenshot(page, 'lifecycle-02-staff-inbox');

    await openFromInbox(page, caseNumber, '待预审');
    // Staff see the applicant in full (for the examination).
    await visible(page.getByText(ENTERPRISE).filter({ visible: true }).first());
    await visible(page.getByText('预审告知时限'));
    // Only the pre-reviewer's actions.
    for (const action of ['一次性告知补正', '受理', '不予受理', '移交有权机关']) await visible(page.getByRole('button', { name: action, exact: true }));
    expect(await page.getByRole('button', { name: '审查完成', exact: true }).count()).toBe(0);
    await screenshot(page, 'lifecycle-03-staff-case');

    await page.getByRole('button', { name: '一次性告知补正', exact: true }).click();
    await visible(page.getByRole('heading', { name: '一次性告知补正', level: 2, exact: true }));
    // Nothing chosen: the notice cannot go out empty.
    await page.getByRole('button', { name: '发出一次性告知书', exact: true }).click();
    await visible(page.getByRole('alert').filter({ hasText: '请至少列出一项需要补正的材料或条件' }));

    const first = slot(page, FLAGGED[0]);
    await first.getByRole('radio', { name: '需补正', exact: true }).click();
    await first.getByRole('radio', { name: '材料不清晰', exact: true }).click();
    const second = slot(page, FLAGGED[1]);
    await second.getByRole('radio', { name: '需补正', exact: true }).click();
    await second.getByRole('radio', { name: '其他', exact: true }).click();
    // 其他 needs the reason written out.
    await page.getByRole('button', { name: '发出一次性告知书', exact: true }).click();
    await visible(second.getByRole('alert').filter({ hasText: '请填写补正原因' }));
    await second.getByLabel(`${FLAGGED[1]}的补正说明`).fill(OTHER_REASON);
    await visible(page.getByText('已选 2 项需补正'));
    await second.scrollIntoViewIfNeeded();
    await screenshot(page, 'lifecycle-04-notice-form');

    await page.getByRole('button', { name: '发出一次性告知书', exact: true }).click();
    await visible(page.getByRole('status').filter({ hasText: '已办理：一次性告知补正' }));
    await visible(page.getByText('待补正').filter({ visible: true }).first());
    expect(await page.locator('.case-material__state--needs_supplement').filter({ visible: true }).count()).toBe(2);
    await visible(page.getByText(`补正原因：${OTHER_REASON}`));
    expect((await historySteps(page))[0]).toBe('一次性告知补正 · 待补正');
    await visible(page.getByText(/王预审/).filter({ visible: true }).first());
    // The pre-reviewer has nothing more to do until the applicant resubmits.
    await visible(page.getByText('当前状态下您没有可办理的事项'));
    await screenshot(page, 'lifecycle-05-notice-sent');
  }, 150_000);

  it('the applicant sees the one-time notice listing exactly those two, re-uploads them and resubmits', async () => {
    const { page } = applicant;
    await warmUp(APPLICANT, APPLICANT_ROUTES);
    await openApp(page, 'pages/mine/index');
    const card = page.getByRole('link', { name: `${TRAVEL_AGENCY}，待补正，办件编号${caseNumber}` });
    await visible(card);
    await card.click();
    await card.waitFor({ state: 'hidden' });

    const notice = page.getByRole('region', { name: /^需补正材料（一次性告知书 黄文旅补告〔\d{4}〕\d+号）$/ });
    await visible(notice);
    await visible(page.getByText('请按一次性告知书补正材料后重新提交').filter({ visible: true }));
    await visible(page.getByText('已暂停计时'));
    const slots = notice.getByRole('group');
    expect(await slots.count()).toBe(2);
    expect(await slots.evaluateAll((groups) => groups.map((g) => g.getAttribute('aria-label')))).toEqual([...FLAGGED]);
    await visible(slot(page, FLAGGED[0]).getByText('补正原因：材料不清晰'));
    await visible(slot(page, FLAGGED[1]).getByText(`补正原因：${OTHER_REASON}`));
    await screenshot(page, 'lifecycle-06-supplement-card');

    // The notice itself, with its table of defects.
    await page.getByRole('link', { name: /^补正材料一次性告知书，/ }).click();
    await visible(page.getByRole('heading', { name: '补正材料一次性告知书', level: 1 }));
    const table = page.getByRole('table', { name: '需要补正的内容' });
    await visible(table.getByRole('row').filter({ hasText: FLAGGED[0] }).getByText('材料不清晰'));
    await visible(table.getByRole('row').filter({ hasText: FLAGGED[1] }).getByText(OTHER_REASON));
    await visible(page.getByText('黄山市文化和旅游局', { exact: true }).filter({ visible: true }));
    await settle(page);
    await screenshot(page, 'lifecycle-07-notice-document');
    await page.goBack();
    await visible(notice);

    // One of two: told, next to the other material, what is still missing.
    await upload(slot(page, FLAGGED[0]), `上传补正后的${FLAGGED[0]}`, pdfFile('申请书（清晰扫描件）.pdf'));
    await page.getByRole('button', { name: '重新提交', exact: true }).click();
    await visible(slot(page, FLAGGED[1]).getByRole('alert').filter({ hasText: `请上传补正后的“${FLAGGED[1]}”` }));
    await upload(slot(page, FLAGGED[1]), `上传补正后的${FLAGGED[1]}`, pdfFile('人员名单（含导游证编号）.pdf'));
    await screenshot(page, 'lifecycle-08-resubmit-ready');

    await page.getByRole('button', { name: '重新提交', exact: true }).click();
    await visible(page.getByRole('status').filter({ hasText: '补正材料已重新提交，等待工作人员预审' }));
    await notice.waitFor({ state: 'detached' });
    await visible(page.getByText('申请书（清晰扫描件）.pdf'));
    await visible(page.getByText('人员名单（含导游证编号）.pdf'));
    await screenshot(page, 'lifecycle-09-resubmitted');
  }, 150_000);

  it('the pre-reviewer accepts; review, decision and delivery follow, each offered only its own actions', async () => {
    const { page } = staff;
    await warmUp('city-pre_review', STAFF_ROUTES);
    await openFromInbox(page, caseNumber, '待预审');
    expect(await page.locator('.case-material__state--resubmitted').filter({ visible: true }).count()).toBe(2);
    await actOnPhone(page, '受理', () => page.getByLabel('受理意见').fill('补正后材料齐全，符合法定形式'), '确认受理');
    await visible(page.getByText('承诺办结时限').filter({ visible: true }).first());
    await screenshot(page, 'lifecycle-10-accepted');

    await switchPersona(page, 'city-review');
    await openFromInbox(page, caseNumber, '已受理');
    await visible(page.getByRole('button', { name: '启动特别程序', exact: true }));
    expect(await page.getByRole('button', { name: '受理', exact: true }).count()).toBe(0);
    await actOnPhone(page, '审查完成', () => page.getByLabel('审查意见').fill('经审查，符合《旅行社条例》规定的条件'), '确认审查完成');

    await switchPersona(page, 'city-decide');
    await openFromInbox(page, caseNumber, '待决定');
    await visible(page.getByRole('button', { name: '不予许可', exact: true }));
    await page.getByRole('button', { name: '不予许可', exact: true }).click();
    // A refusal would carry the legal remedy, filled in already.
    await expect(page.getByLabel('救济途径').inputValue()).resolves.toContain('申请行政复议');
    await page.getByRole('button', { name: '取消', exact: true }).click();
    await actOnPhone(page, '准予许可', () => page.getByLabel('审批意见').fill('同意'), '确认准予许可');
    await screenshot(page, 'lifecycle-11-approved');

    await switchPersona(page, 'city-deliver');
    await openFromInbox(page, caseNumber, '准予许可');
    await actOnPhone(
      page,
      '送达',
      async () => {
        await expect(page.getByRole('radio', { name: '电子送达' }).getAttribute('aria-checked')).resolves.toBe('true');
        // 邮寄 asks for a tracking number; back to electronic.
        await page.getByRole('radio', { name: '邮寄送达' }).click();
        await visible(page.getByLabel('快递单号'));
        await page.getByRole('radio', { name: '电子送达' }).click();
      },
      '确认送达',
    );
    await visible(page.getByText('已送达').filter({ visible: true }).first());
    expect((await historySteps(page))[0]).toBe('送达 · 已送达');
    await visible(page.getByText(/孙送达/).filter({ visible: true }).first());
    await screenshot(page, 'lifecycle-12-delivered');
  }, 240_000);

  it('the applicant sees every step in 办理记录 and reads each document', async () => {
    const { page } = applicant;
    await warmUp(APPLICANT, APPLICANT_ROUTES);
    await openApp(page, `pages/cases/detail/index?caseNumber=${caseNumber}`);
    await untilVisible(page, page.getByRole('heading', { name: TRAVEL_AGENCY, level: 1 }));
    await visible(page.getByText('决定文书已送达，欢迎评价本次服务'));
    expect(await historySteps(page)).toEqual([...HISTORY].reverse());
    await page.locator('.case-history').scrollIntoViewIfNeeded();
    await screenshot(page, 'lifecycle-13-history');

    for (const title of DOCUMENTS) {
      const link = page.getByRole('link', { name: new RegExp(`^${title}，`) }).filter({ visible: true });
      await visible(link);
      await link.click();
      const heading = page.getByRole('heading', { name: title, level: 1 });
      await visible(heading);
      await visible(page.getByText(/^黄文旅.+〔\d{4}〕\d+号$/).filter({ visible: true }));
      await visible(page.getByText(new RegExp(caseNumber)).filter({ visible: true }).first());
      if (title === '受理通知书') await visible(page.getByText(/承诺办结时限/).filter({ visible: true }));
      await settle(page);
      await screenshot(page, `lifecycle-14-document-${DOCUMENTS.indexOf(title) + 1}`);
      await page.goBack();
      await heading.waitFor({ state: 'detached' });
    }
  }, 120_000);

  it('shows the API’s message and the case as it is now when someone else acted first', async () => {
    const item = await travelAgencyItem();
    const someone = (await signInAs('citizen')).accessToken;
    const created = await submitApplication(someone, await completeApplication(someone, item, TRAVEL_AGENCY_FIELDS));
    expect(created.status).toBe(201);
    const other = created.body.caseNumber as string;

    const { page } = staff;
    await warmUp('city-pre_review', STAFF_ROUTES);
    await warmUp(APPLICANT, APPLICANT_ROUTES);
    await switchPersona(page, 'city-pre_review');
    await openApp(page, `pages/staff/case/index?caseNumber=${other}`);
    await untilVisible(page, page.getByRole('button', { name: '受理', exact: true }));
    // Meanwhile a colleague accepts it.
    const colleague = (await signInAs('city-pre_review')).accessToken;
    expect((await act(colleague, other, { action: 'accept', opinion: '材料齐全' })).status).toBe(200);

    expect(await acceptOnStaleView(page)).toBe(409);
    await visible(page.getByRole('alert').filter({ hasText: '该办件已被他人处理，当前为“已受理”，请刷新后再办理' }));
    await visible(page.getByText('已受理').filter({ visible: true }).first());
    await visible(page.getByText('当前状态下您没有可办理的事项'));
    await screenshot(page, 'lifecycle-15-conflict');

    // The applicant withdraws it on their phone, with a reason.
    const phone = applicant.page;
    await openApp(phone, `pages/cases/detail/index?caseNumber=${other}`);
    await untilVisible(phone, phone.getByRole('button', { name: '撤回申请', exact: true }));
    await phone.getByRole('button', { name: '撤回申请', exact: true }).click();
    await phone.getByRole('button', { name: '确认撤回', exact: true }).click();
    await visible(phone.getByRole('alert').filter({ hasText: '请填写撤回原因' }));
    await phone.getByLabel('撤回申请的原因').fill('经营场所变更，重新申请');
    await phone.getByRole('button', { name: '确认撤回', exact: true }).click();
    const confirm = phone.locator('.taro-modal__content').filter({ hasText: '本次申请将终止办理' });
    await visible(confirm);
    await confirm.getByText('确认撤回', { exact: true }).click();
    await visible(phone.getByRole('status').filter({ hasText: '申请已撤回' }));
    await visible(phone.getByText('已撤回').filter({ visible: true }).first());
    expect(await phone.getByRole('button', { name: '撤回申请', exact: true }).count()).toBe(0);
    await screenshot(phone, 'lifecycle-16-withdrawn');
    const mine = await api(`/cases/${other}`, { headers: asUser(someone) });
    expect(mine.body.status).toBe('withdrawn');
  }, 150_000);

  it('provincial staff supervise 黄山市 read-only', async () => {
    const { page } = staff;
    await switchPersona(page, 'province-pre_review');
    await openMineEntry(page, '工作台');
    await visible(page.getByText('安徽省文化和旅游厅').filter({ visible: true }).first());
    await page.getByLabel('要查看的单位所在地区').selectOption({ label: '黄山市' });
    await visible(page.getByRole('status').filter({ hasText: '只读监督：正在查看黄山市文化和旅游局的办件' }));
    await page.getByRole('radio', { name: '已送达', exact: true }).click();
    await screenshot(page, 'lifecycle-17-supervision');
    await openApp(page, `pages/staff/case/index?caseNumber=${caseNumber}`);
    await untilVisible(page, page.getByText('只读监督：您可以查看本办件，但不能办理'));
    expect(await page.getByRole('heading', { name: '办理', level: 2, exact: true }).count()).toBe(0);
    // Masked details, and the files listed without a way to open them.
    await untilVisible(page, page.getByText('监督查看：文件名和身份信息已脱敏，材料原件仅限承办单位查看。'));
    expect(await page.getByRole('button', { name: /^下载/ }).filter({ visible: true }).count()).toBe(0);
  }, 120_000);

  it('a provincial admin adds holidays to a year without data from 我的 › 工作日历', async () => {
    const { page } = staff;
    await warmUp('province-admin', ['GET /admin/calendar/2030', 'PUT /admin/calendar/2030', 'GET /me']);
    await switchPersona(page, 'province-admin');
    await openMineEntry(page, '工作日历');
    await visible(page.getByRole('heading', { name: '工作日历', level: 1 }));
    await visible(page.getByRole('heading', { name: /^\d{4}年$/, level: 2 }));
    // A year without data yet (the API tests fill in 2031).
    const empty = await yearWithoutData();
    await openApp(page, `pages/staff/calendar/index?year=${empty}`);
    await untilVisible(page, page.getByText(`尚无 ${empty} 年节假日数据，办理时限暂按周一至周五计算，请在公布后补充`));
    await screenshot(page, 'lifecycle-18-calendar-empty');

    const input = page.getByLabel('要添加的日期');
    await input.fill(`${empty - 1}-12-31`);
    await page.getByRole('button', { name: '加入放假日期' }).click();
    await visible(page.getByRole('alert').filter({ hasText: `只能添加 ${empty} 年的日期` }));
    await input.fill(`${empty}-01-01`);
    await page.getByRole('button', { name: '加入放假日期' }).click();
    // A day cannot be both off and a working day; 调休 makes a weekend day a working day.
    await input.fill(`${empty}-01-01`);
    await page.getByRole('button', { name: '加入调休上班日期' }).click();
    await visible(page.getByRole('alert').filter({ hasText: '该日期已在放假日期中' }));
    const saturday = firstSaturday(empty);
    const friday = `${empty}-01-${String(Number(saturday.slice(-2)) + 6).padStart(2, '0')}`;
    await input.fill(friday);
    await page.getByRole('button', { name: '加入调休上班日期' }).click();
    await visible(page.getByRole('alert').filter({ hasText: '调休上班日期应为周六或周日' }));
    await input.fill(saturday);
    await page.getByRole('button', { name: '加入调休上班日期' }).click();
    await visible(page.getByText('有未保存的修改'));
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await visible(page.getByRole('status').filter({ hasText: '已保存' }));
    await visible(page.getByText('管理员补充', { exact: true }));
    await visible(page.getByRole('list', { name: '放假日期' }).getByText(`${empty}-01-01`));
    await visible(page.getByRole('list', { name: '调休上班日期' }).getByText(saturday));
    await screenshot(page, 'lifecycle-19-calendar-saved');
  }, 120_000);
});

/** The first year from 2040 on for which the calendar has neither official nor added data. */
async function yearWithoutData(): Promise<number> {
  const token = (await signInAs('province-admin')).accessToken;
  for (let year = 2040; year <= 2100; year += 1) {
    if ((await api(`/admin/calendar/${year}`, { headers: asUser(token) })).body.source === 'weekdays_only') return year;
  }
  throw new Error('Every year up to 2100 has calendar data');
}

/** YYYY-MM-DD of the first Saturday of a year after 1 January. */
function firstSaturday(year: number): string {
  const day = 2 + ((6 - new Date(Date.UTC(year, 0, 2)).getUTCDay() + 7) % 7);
  return `${year}-01-${String(day).padStart(2, '0')}`;
}

/** Tapping 受理 on a view that is out of date: the form, an opinion, and the API's 409. */
/** Accepts on a view that is no longer current; returns the HTTP status the API answered the action with. */
async function acceptOnStaleView(page: Page): Promise<number> {
  // The page's own requests first: a load that lands after the form opened would redraw it empty.
  await page.waitForLoadState('networkidle');
  const opinion = page.getByLabel('受理意见').filter({ visible: true });
  // Seen under load in CI: the opinion typed was gone a moment later (the form drawn again). Type it
  // again until it stays, so the confirm below is about the conflict, not an empty field.
  for (let attempt = 1; ; attempt += 1) {
    if (!(await opinion.count())) await page.getByRole('button', { name: '受理', exact: true }).click();
    await opinion.fill('材料齐全');
    await page.waitForTimeout(500);
    if ((await opinion.count()) && (await opinion.inputValue()) === '材料齐全') break;
    if (attempt === 3) throw new Error('The opinion typed into 受理意见 did not stay in the form');
  }
  const answer = page.waitForResponse((response) => response.request().method() === 'POST' && /\/staff\/cases\/[^/]+\/actions$/.test(new URL(response.url()).pathname), { timeout: 30_000 });
  await page.getByRole('button', { name: '确认受理', exact: true }).click();
  return (await answer).status();
}
