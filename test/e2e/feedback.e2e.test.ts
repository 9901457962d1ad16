import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { api } from '../support/api';
import { TRAVEL_AGENCY_FIELDS, asUser, cityItem, completeApplication, signInAs, submitApplication, travelAgencyItem } from '../support/applications';
import { openPhone, screenshot, visible } from '../support/browser';
import { act } from '../support/lifecycle';
import { settle, switchPersona, untilVisible } from '../support/lifecycle-phone';
import { openApp } from '../support/login-phone';

/**
 * The 好差评 loop on a phone-sized H5 app (375×812) against the local stack:
 *  - the applicant (persona citizen) opens a finished case, gives 不满意 with a tag and a comment, and
 *    cannot evaluate the same case a second time;
 *  - the 黄山 organisation's administrator (city-org_admin) finds the rectification task in 工作台 ›
 *    差评整改, records the call-back and answers with 限期整改 and a date;
 *  - the applicant sees the organisation's answer on the case;
 *  - a 12301 operator (city-hotline_12301) records a complaint for a caller in 代为登记, and it appears
 *    in the organisation's 投诉处理 queue tagged 12301 热线.
 */

const APPLICANT = 'citizen';
const COMMENT = '网上提交后还是让我去窗口补签了一次字';
const RESPONSE = '已取消窗口补签环节，改为线上电子签名';

type Phone = Awaited<ReturnType<typeof openPhone>>;

/** A 黄山市 旅行社业务经营许可 of the citizen persona, taken through the whole lifecycle by the API. */
async function deliveredCase(): Promise<string> {
  const applicant = (await signInAs(APPLICANT)).accessToken;
  const body = await completeApplication(applicant, await travelAgencyItem(), TRAVEL_AGENCY_FIELDS);
  const submitted = await submitApplication(applicant, body);
  expect(submitted.status).toBe(201);
  const caseNumber = submitted.body.caseNumber as string;
  const as = async (persona: string) => (await signInAs(persona)).accessToken;
  expect((await act(await as('city-pre_review'), caseNumber, { action: 'accept', opinion: '材料齐全，符合法定形式' })).status).toBe(200);
  expect((await act(await as('city-review'), caseNumber, { action: 'complete_review', opinion: '符合条件' })).status).toBe(200);
  expect((await act(await as('city-decide'), caseNumber, { action: 'approve', opinion: '同意' })).status).toBe(200);
  expect((await act(await as('city-deliver'), caseNumber, { action: 'deliver', delivery: { method: 'electronic' } })).status).toBe(200);
  return caseNumber;
}

/** A rectification date two weeks ahead (China Standard Time). */
const inTwoWeeks = () => new Date(Date.now() + 8 * 3600_000 + 14 * 24 * 3600_000).toISOString().slice(0, 10);

/** untilVisible, with a screenshot of what was on screen instead when it does not show. */
async function see(page: Page, target: Locator, name: string): Promise<void> {
  try {
    await untilVisible(page, target);
  } catch (error) {
    await screenshot(page, `feedback-failed-${name}`);
    throw error;
  }
}

async function openCase(page: Page, caseNumber: string): Promise<void> {
  await openApp(page, `pages/cases/detail/index?caseNumber=${caseNumber}`);
  await untilVisible(page, page.getByText(caseNumber).first());
}

async function openWorkbenchLink(page: Page, name: string): Promise<void> {
  await openApp(page, 'pages/staff/inbox/index');
  const link = page.getByRole('link', { name, exact: true }).filter({ visible: true });
  await untilVisible(page, link);
  await link.first().click();
  await settle(page);
}

describe('好差评 on the phone (H5, Chromium)', () => {
  let phone: Phone;
  let page: Page;
  let caseNumber = '';

  beforeAll(async () => {
    phone = await openPhone();
    page = phone.page;
    caseNumber = await deliveredCase();
  }, 120_000);

  afterAll(async () => {
    await phone?.close();
  });

  it('the applicant gives 不满意 with a tag and a comment, once', async () => {
    await switchPersona(page, APPLICANT);
    await openCase(page, caseNumber);
    const evaluateButton = page.getByRole('button', { name: '评价本次服务' }).filter({ visible: true });
    await visible(evaluateButton);
    await evaluateButton.first().click();

    const form = page.getByRole('radiogroup', { name: '总体评价' }).filter({ visible: true });
    await visible(form);
    await form.getByRole('radio', { name: '不满意', exact: true }).click();
    await page.getByRole('radiogroup', { name: '办事便捷度' }).filter({ visible: true }).getByRole('radio', { name: '不满意', exact: true }).click();
    await page.getByRole('checkbox', { name: '多次跑动' }).filter({ visible: true }).click();
    await page.getByRole('textbox', { name: '评价内容' }).filter({ visible: true }).fill(COMMENT);
    await screenshot(page, 'feedback-evaluate');
    await page.getByRole('button', { name: '提交评价' }).filter({ visible: true }).click();

    // Back on the case: the evaluation as given (its tags listed), and no second invitation to evaluate.
    const givenTags = page.getByRole('list', { name: '标签', exact: true }).filter({ visible: true });
    await see(page, givenTags, 'evaluated');
    await expect(givenTags.first().textContent()).resolves.toContain('多次跑动');
    await expect(page.getByText(COMMENT).filter({ visible: true }).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: '评价本次服务' }).filter({ visible: true }).count()).resolves.toBe(0);
    await screenshot(page, 'feedback-case-evaluated');

    // Opening the evaluation page again (an old link) does not let the same applicant evaluate twice.
    await openApp(page, `pages/feedback/evaluate/index?caseNumber=${caseNumber}`);
    await see(page, page.getByText(/已评价|只能评价一次/).filter({ visible: true }), 'evaluate-again');
    await expect(page.getByRole('button', { name: '提交评价' }).filter({ visible: true }).count()).resolves.toBe(0);
    // And the API says the same to a retry of the request.
    const token = (await signInAs(APPLICANT)).accessToken;
    const again = await api(`/cases/${caseNumber}/evaluation`, {
      method: 'POST',
      headers: asUser(token, { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }),
      body: JSON.stringify({ level: 'satisfied' }),
    });
    expect(again.body.code).toBe('EVALUATION_ALREADY_GIVEN');
  }, 180_000);

  it('the organisation calls back and answers with 限期整改; the applicant sees the answer', async () => {
    await switchPersona(page, 'city-org_admin');
    await openWorkbenchLink(page, '差评整改');
    const task = page.getByRole('link', { name: new RegExp(caseNumber) }).filter({ visible: true });
    await see(page, task, 'task-list');
    // The link is the card's title; the card around it shows the level.
    await expect(page.locator('.case-card', { has: task.first() }).textContent()).resolves.toContain('不满意');
    await task.first().click();
    await settle(page);

    // The call-back first.
    const callBack = page.getByRole('radiogroup', { name: '回访方式' }).filter({ visible: true });
    await see(page, callBack, 'call-back');
    await callBack.getByRole('radio', { name: '电话回访' }).click();
    const reached = page.getByRole('switch', { name: /是否联系上/ }).filter({ visible: true }).first();
    if ((await reached.getAttribute('aria-checked')) !== 'true') await reached.click();
    await page.getByRole('textbox', { name: '回访情况' }).filter({ visible: true }).fill('已电话联系经办人，确认窗口要求补签');
    await page.getByRole('button', { name: '保存回访' }).filter({ visible: true }).click();
    await see(page, page.getByText('电话回访 · 已联系上').filter({ visible: true }), 'called-back');

    // Then the answer: 限期整改 with a date.
    const outcome = page.getByRole('radiogroup', { name: '答复方式' }).filter({ visible: true });
    await visible(outcome);
    await outcome.getByRole('radio', { name: '限期整改' }).click();
    await page.getByRole('textbox', { name: '答复内容' }).filter({ visible: true }).fill(RESPONSE);
    await page.getByLabel('整改期限').filter({ visible: true }).first().fill(inTwoWeeks());
    await screenshot(page, 'feedback-rectification-answer');
    await page.getByRole('button', { name: '提交答复' }).filter({ visible: true }).click();
    await see(page, page.getByText('整改中').filter({ visible: true }), 'answered');
    await screenshot(page, 'feedback-rectification-answered');

    await switchPersona(page, APPLICANT);
    await openCase(page, caseNumber);
    const answer = page.getByRole('region', { name: '单位答复' }).filter({ visible: true });
    await see(page, answer, 'applicant-answer');
    await expect(answer.textContent()).resolves.toEqual(expect.stringContaining('限期整改'));
    await expect(answer.textContent()).resolves.toEqual(expect.stringContaining(RESPONSE));
    await screenshot(page, 'feedback-applicant-sees-answer');
  }, 180_000);

  it('a 12301 operator records a complaint for a caller; it appears in the queue with its channel', async () => {
    await switchPersona(page, 'city-hotline_12301');
    await openWorkbenchLink(page, '代为登记');
    await untilVisible(page, page.getByRole('textbox', { name: '当事人姓名' }).filter({ visible: true }));
    await page.getByRole('textbox', { name: '当事人姓名' }).filter({ visible: true }).fill('周立');
    await page.getByRole('textbox', { name: '当事人手机号码' }).filter({ visible: true }).fill('13866661234');
    await page.getByRole('tab', { name: '投诉' }).or(page.getByRole('radio', { name: '投诉', exact: true })).filter({ visible: true }).first().click();

    const business = `黄山${Date.now().toString(36)}旅行社有限公司`;
    await untilVisible(page, page.getByRole('textbox', { name: '被投诉单位名称' }).filter({ visible: true }));
    await page.getByLabel('被投诉单位所在地区').filter({ visible: true }).first().selectOption({ label: '黄山市' });
    await page.getByRole('textbox', { name: '被投诉单位名称' }).filter({ visible: true }).fill(business);
    await page.getByRole('radio', { name: '旅行社', exact: true }).filter({ visible: true }).click();
    await page.getByLabel('行程开始日期').filter({ visible: true }).first().fill('2026-10-02');
    await page.getByLabel('行程结束日期').filter({ visible: true }).first().fill('2026-10-04');
    await page.getByRole('textbox', { name: /投诉事由/ }).filter({ visible: true }).fill('合同约定的黄山风景区门票未包含在内，导游要求现场另行付费。');
    await page.getByRole('textbox', { name: /投诉请求/ }).filter({ visible: true }).fill('退还门票费用');
    await screenshot(page, 'feedback-12301-complaint');
    await page.getByRole('button', { name: /登记投诉/ }).filter({ visible: true }).click();
    const number = page.getByText(/TS\d{14}[0-9A-Z]{8}/).filter({ visible: true });
    await untilVisible(page, number);
    const complaintNumber = ((await number.first().textContent()) ?? '').match(/TS\d{14}[0-9A-Z]{8}/)![0];

    await openWorkbenchLink(page, '投诉处理');
    const row = page.getByRole('link', { name: new RegExp(business) }).filter({ visible: true });
    await untilVisible(page, row);
    await expect(page.locator('.case-card', { has: row.first() }).textContent()).resolves.toContain('12301 热线');
    await screenshot(page, 'feedback-complaint-queue');

    const staff = (await signInAs('city-pre_review')).accessToken;
    const seen = await api(`/staff/complaints/${complaintNumber}`, { headers: asUser(staff) });
    expect(seen.body).toMatchObject({ channel: 'hotline_12301', complainantName: '周*', businessName: business, status: 'received' });
  }, 180_000);

  it('the 旅游投诉受理 guide leads to the complaint flow (我要投诉), not to an application form', async () => {
    await switchPersona(page, 'citizen');
    const item = await cityItem('旅游投诉受理');
    await openApp(page, `pages/guide/index?code=${encodeURIComponent(item.implementationCode)}`);
    const complain = page.getByRole('button', { name: '我要投诉：填写旅游投诉' }).filter({ visible: true });
    await untilVisible(page, complain);
    expect(await page.getByRole('button', { name: /^在线申请/ }).filter({ visible: true }).count()).toBe(0);
    await screenshot(page, 'feedback-complaint-guide');
    await complain.click();
    await untilVisible(page, page.getByRole('textbox', { name: '被投诉单位名称' }).filter({ visible: true }));

    // A stray link to that item's application form goes on to the complaint flow too.
    await openApp(page, `pages/cases/apply/index?code=${encodeURIComponent(item.implementationCode)}`);
    await untilVisible(page, page.getByRole('textbox', { name: '被投诉单位名称' }).filter({ visible: true }));
    expect(await page.getByRole('button', { name: '提交申请' }).filter({ visible: true }).count()).toBe(0);
  }, 120_000);
});
