import { isCaseNumber, type Session } from '@ah-tourism/shared';
import { validResidentId } from '../support/applications';
import { leaveField, openGuideFromSearch, pdfFile, upload } from '../support/apply-phone';
import { photoJpeg } from '../support/material-files';
import { openPhone, screenshot, visible } from '../support/browser';
import { answerSimulatedSubscribe, chooseOnLoginPage, openApp, openMineEntry, signInOnPhone } from '../support/login-phone';
import type { Locator, Page } from 'playwright-core';

/**
 * Messages and pushes on phone-sized H5 apps (375×812), one browser per person, against the local
 * stack with its WeChat stand-in:
 *  - a 黄山市 pre-reviewer (persona city-pre_review) turns on 工作提醒 in 消息订阅, answering the local
 *    simulation of WeChat's subscribe dialog;
 *  - a citizen (persona citizen) applies for a 导游证 with 黄山市, subscribes to progress notices on the
 *    submitted page, and finds "申请已提交" for that case in 消息, marked unread until opened;
 *  - the pre-reviewer finds the new case in 消息, and the push log lists the 新办件提醒 sent to them;
 *  - an access token the API refuses is renewed once (refresh tokens rotate); a refused refresh
 *    token sends the citizen to the login page and back to where they were;
 *  - the 黄山市 org admin (persona city-org_admin) invites a staff member; the code is shown once;
 *    the citizen redeems it on 工作人员绑定 and 我的 then shows them as 黄山市 staff; the admin sees
 *    them 已启用 and can 停用 them.
 */

const ITEM = '导游证核发';
const CITY_BUREAU = '黄山市文化和旅游局';
const APPLICANT_ID = validResidentId('34100219850612002');
const INVITEE = '陈晓雯';
/** 我的's 消息 entry, with or without its unread count (and not 消息订阅). */
const MESSAGES_ENTRY = /^消息(，\d+条未读)?$/;

type Phone = Awaited<ReturnType<typeof openPhone>>;

/** The app keeps its session in Taro storage, which H5 stores in localStorage as {"data": value}. */
const SESSION_KEY = 'ah-tourism.session';
type BrowserGlobal = { localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void } };

async function storedSession(page: Page): Promise<Session> {
  const raw = await page.evaluate((key) => (globalThis as unknown as BrowserGlobal).localStorage.getItem(key), SESSION_KEY);
  if (!raw) throw new Error('No session stored on this phone');
  return (JSON.parse(raw) as { data: Session }).data;
}

/** Changes the stored session as time or a server-side logout would (the next page load reads it). */
async function editStoredSession(page: Page, change: Partial<Session>): Promise<void> {
  const next = { ...(await storedSession(page)), ...change };
  await page.evaluate(([key, value]) => (globalThis as unknown as BrowserGlobal).localStorage.setItem(key, value), [SESSION_KEY, JSON.stringify({ data: next })] as const);
}

/** Taps 刷新 until `target` shows (messages and pushes arrive through the table stream, a moment later). */
async function refreshUntil(page: Page, refresh: Locator, target: Locator, timeout = 45_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    if (await target.isVisible()) return;
    if (Date.now() > until) throw new Error(`Expected to see ${target.toString()} within ${timeout} ms (refreshing)`);
    await refresh.click();
    await page.waitForTimeout(1_000);
  }
}

/** The count at the top of 消息中心 ("3条未读", or 0 for "全部已读"). */
async function unreadOnMessagesPage(page: Page): Promise<number> {
  const text = (await page.locator('.messages__unread').filter({ visible: true }).textContent()) ?? '';
  return Number(/(\d+)条未读/.exec(text)?.[1] ?? 0);
}

describe('subscriptions, the message centre and staff invitations (H5, Chromium)', () => {
  let staff: Phone;
  let citizen: Phone;
  let admin: Phone | undefined;
  let caseNumber = '';
  let inviteCode = '';

  beforeAll(async () => {
    staff = await openPhone();
    citizen = await openPhone();
  }, 60_000);

  afterAll(async () => {
    await staff?.close();
    await citizen?.close();
    await admin?.close();
  });

  it('a 黄山市 pre-reviewer signs in and turns on 工作提醒 through the (simulated) subscribe dialog', async () => {
    const { page } = staff;
    await signInOnPhone(page, 'city-pre_review');
    const header = page.locator('.mine__card').filter({ visible: true });
    await visible(header.getByText(CITY_BUREAU));
    await visible(header.getByText('网上预审'));
    await visible(header.getByText('工作人员', { exact: true }));
    // Staff see no 工作人员绑定, and only org admins see 人员管理.
    expect(await page.getByRole('link', { name: '工作人员绑定' }).filter({ visible: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '人员管理' }).filter({ visible: true }).count()).toBe(0);
    await screenshot(page, 'notify-01-staff-mine');

    await openMineEntry(page, '消息订阅');
    const reminders = page.getByRole('button', { name: '开启工作提醒' }).filter({ visible: true });
    await visible(reminders);
    await visible(page.getByText('新办件提醒').first());
    await reminders.click();
    const dialog = await answerSimulatedSubscribe(page, '允许');
    expect(dialog).toContain('新办件提醒');
    expect(dialog).toContain('办件时限提醒');
    expect(dialog).toContain('差评处理提醒');
    await visible(page.getByRole('status').filter({ hasText: '已订阅3项通知' }));
    await visible(page.getByText('已开启').first());
    expect(await page.getByText('已开启', { exact: true }).filter({ visible: true }).count()).toBe(3);
    await screenshot(page, 'notify-02-staff-subscribed');
  }, 120_000);

  it('a citizen applies for a 黄山市 导游证, signing in on the way, and subscribes to progress notices', async () => {
    const { page } = citizen;
    await page.goto(process.env.H5_URL!);
    await openGuideFromSearch(page, ITEM, '黄山市', CITY_BUREAU);
    await page.getByRole('button', { name: `在线申请${ITEM}` }).click();
    await chooseOnLoginPage(page, 'citizen');

    await visible(page.getByText(`受理单位：${CITY_BUREAU}`));
    await page.getByLabel('申请人姓名', { exact: true }).fill('张三');
    await page.getByLabel('申请人身份证号码', { exact: true }).fill(APPLICANT_ID);
    await page.getByLabel('申请人手机号码', { exact: true }).fill('13855912345');
    await page.getByLabel('导游资格证书编号', { exact: true }).fill('DYZG-2026-341000-0421');
    await page.getByRole('radio', { name: '中文', exact: true }).click();
    await page.getByLabel('执业单位（旅行社或旅游行业组织）', { exact: true }).fill('黄山某某旅行社有限公司');
    await leaveField(page);
    for (const material of ['与旅行社订立的劳动合同或在旅游行业组织注册的证明', '未患有传染性疾病的承诺书', '无过失犯罪以外的犯罪记录的承诺书']) {
      await upload(page.getByRole('group', { name: material, exact: true }), `上传${material}`, pdfFile(`${material}.pdf`));
    }
    await upload(page.getByRole('group', { name: '近期免冠证件照片', exact: true }), '上传近期免冠证件照片', { name: '证件照.jpg', mimeType: 'image/jpeg', buffer: photoJpeg(358, 441) });

    await page.getByRole('button', { name: '提交申请' }).click();
    await visible(page.getByRole('heading', { name: '提交成功', level: 1 }), 30_000);
    caseNumber = (await page.locator('.submitted__number').textContent())?.trim() ?? '';
    expect(isCaseNumber(caseNumber)).toBe(true);
    expect(caseNumber.slice(8, 14)).toBe('341000');

    await page.getByRole('button', { name: '订阅办理进度通知' }).click();
    const dialog = await answerSimulatedSubscribe(page, '允许');
    expect(dialog).toContain('办件进度通知');
    await visible(page.getByRole('status').filter({ hasText: '已订阅，办理进展将通过微信通知您' }));
    await screenshot(page, 'notify-03-citizen-submitted');
  }, 120_000);

  it('the citizen finds "申请已提交" for the case in 消息, with the unread count on 我的', async () => {
    const { page } = citizen;
    // Each 允许 of a one-time template is one push to come.
    await openMineEntry(page, '消息订阅');
    const once = page.getByText('剩余 1 次', { exact: true }).filter({ visible: true });
    await visible(once.first());
    expect(await once.count()).toBe(3);

    await openMineEntry(page, MESSAGES_ENTRY);
    const message = page.getByRole('link', { name: new RegExp(`申请已提交.*${caseNumber}`) }).filter({ visible: true });
    await refreshUntil(page, page.getByRole('button', { name: '刷新消息' }), message);
    await visible(message.getByText('申请已提交'));
    // A message-centre notice only (there is no subscribe template for it): no push note under it.
    expect(await message.getByText(/未订阅|未送达/).count()).toBe(0);
    await screenshot(page, 'notify-04-citizen-messages');

    // Back on 我的 the entry carries the unread count.
    await openApp(page, 'pages/mine/index');
    await visible(page.getByRole('link', { name: /^消息，\d+条未读$/ }).filter({ visible: true }));

    // Opening the message marks it read and shows the case.
    await openMineEntry(page, MESSAGES_ENTRY);
    const unread = page.getByRole('link', { name: new RegExp(`^未读，申请已提交.*${caseNumber}`) }).filter({ visible: true });
    await visible(unread);
    await unread.click();
    await visible(page.getByRole('heading', { name: ITEM, level: 1 }));
    await visible(page.getByText(caseNumber).filter({ visible: true }));
    await page.goBack();
    await visible(page.getByRole('link', { name: new RegExp(`^申请已提交.*${caseNumber}`) }).filter({ visible: true }));
  }, 120_000);

  it('the pre-reviewer finds the new case in 消息, and the push log lists the 新办件提醒 sent to them', async () => {
    const { page } = staff;
    await openMineEntry(page, MESSAGES_ENTRY);
    // Staff messages open the case in 工作台.
    const message = page.getByRole('link', { name: new RegExp(`新办件待预审.*${caseNumber}`) }).filter({ visible: true });
    await refreshUntil(page, page.getByRole('button', { name: '刷新消息' }), message);
    await visible(message.getByText('新办件待预审'));
    // Subscribed beforehand: pushed, so no note under it.
    expect(await message.getByText(/未订阅|未送达/).count()).toBe(0);
    const unreadBefore = await unreadOnMessagesPage(page);
    expect(unreadBefore).toBeGreaterThan(0);
    await screenshot(page, 'notify-05-staff-messages');
    await message.click();
    await page.waitForURL(new RegExp(`pages/staff/case/index\\?caseNumber=${caseNumber}`), { timeout: 30_000 });
    await visible(page.getByText(caseNumber).filter({ visible: true }).first(), 45_000);
    await openMineEntry(page, MESSAGES_ENTRY);
    await page.locator('.messages__unread').filter({ visible: true }).filter({ hasText: unreadBefore === 1 ? '全部已读' : `${unreadBefore - 1}条未读` }).waitFor();

    await openMineEntry(page, '微信推送记录（本地模拟）');
    await visible(page.getByRole('heading', { name: '微信推送记录（本地模拟）' }));
    // Other subscribed staff of the bureau (made by other tests) get the same push: this one is the persona's.
    const push = page.getByRole('listitem').filter({ hasText: '新办件提醒' }).filter({ hasText: caseNumber }).filter({ hasText: 'dev-openid-city-pre_review' });
    await refreshUntil(page, page.getByRole('button', { name: '刷新推送记录' }).first(), push);
    await visible(push.getByText(`character_string1: ${caseNumber}`));
    await visible(push.getByText('接收人 openid：dev-openid-city-pre_review'));
    await visible(push.getByText(`thing2: ${ITEM}`));
    await screenshot(page, 'notify-06-push-log');
  }, 120_000);

  it('renews a refused access token once and carries on; a refused refresh token leads to login and back', async () => {
    const { page } = citizen;
    const message = page.getByRole('link', { name: new RegExp(`申请已提交.*${caseNumber}`) }).filter({ visible: true });
    await openApp(page, 'pages/mine/index');
    // Let 我的 finish its own requests first, so nothing in flight writes the old session back.
    await page.waitForLoadState('networkidle');
    const before = await storedSession(page);

    // The API refuses the access token (AUTH_TOKEN_INVALID): one refresh, then the request again.
    await editStoredSession(page, { accessToken: 'not-a-valid-token' });
    await openApp(page, 'pages/account/messages/index');
    await visible(message);
    // The list may already be on screen from before; wait for the renewal itself to be stored.
    let renewed = await storedSession(page);
    for (const deadline = Date.now() + 20_000; renewed.accessToken === 'not-a-valid-token' && Date.now() < deadline; ) {
      await page.waitForTimeout(250);
      renewed = await storedSession(page);
    }
    expect(renewed.accessToken).not.toBe('not-a-valid-token');
    expect(renewed.refreshToken).not.toBe(before.refreshToken);

    // The refresh token is refused too: the login page, then back to 消息 as the same person.
    await page.waitForLoadState('networkidle');
    await editStoredSession(page, { accessToken: 'not-a-valid-token', refreshToken: 'not-a-valid-refresh-token' });
    await openApp(page, 'pages/account/messages/index');
    await chooseOnLoginPage(page, 'citizen');
    await visible(page.getByRole('heading', { name: '消息中心', level: 1 }));
    await visible(message);
    expect((await storedSession(page)).user.userId).toBe(before.user.userId);
  }, 120_000);

  it('a signed-out person opening the case from a message signs in on the way and lands on the case', async () => {
    const { page } = citizen;
    await page.waitForLoadState('networkidle');
    await page.evaluate((key) => (globalThis as unknown as { localStorage: { removeItem(key: string): void } }).localStorage.removeItem(key), SESSION_KEY);
    await openApp(page, `pages/cases/detail/index?caseNumber=${caseNumber}`);
    await chooseOnLoginPage(page, 'citizen');
    await visible(page.getByText(caseNumber, { exact: true }).filter({ visible: true }));
    await visible(page.getByRole('heading', { name: ITEM, level: 1 }));
    expect(await page.getByRole('button', { name: /重试|重新加载/ }).filter({ visible: true }).count()).toBe(0);
    await screenshot(page, 'notify-07-case-after-sign-in');
  }, 120_000);

  it('an org admin invites a staff member; the code is shown once, in large type, with its expiry', async () => {
    admin = await openPhone();
    const { page } = admin;
    await signInOnPhone(page, 'city-org_admin');
    await visible(page.locator('.mine__card').filter({ visible: true }).getByText('单位管理员'));
    await openMineEntry(page, '人员管理');
    await visible(page.getByRole('heading', { name: '人员管理', level: 1 }));
    await visible(page.getByText(CITY_BUREAU).filter({ visible: true }).first());

    // Nothing chosen: both problems at once, next to their fields.
    await page.getByRole('button', { name: '生成邀请码' }).click();
    await visible(page.locator('#f-name').getByRole('alert').filter({ hasText: '请填写工作人员姓名' }));
    await visible(page.locator('#f-permissions').getByRole('alert').filter({ hasText: '请至少选择一项权限' }));

    await page.getByLabel('被邀请人姓名').fill(INVITEE);
    await page.getByRole('checkbox', { name: '网上预审' }).click();
    await page.getByRole('checkbox', { name: '审查' }).click();
    await expect(page.getByRole('checkbox', { name: '网上预审' }).getAttribute('aria-checked')).resolves.toBe('true');
    await page.getByRole('button', { name: '生成邀请码' }).click();

    const card = page.getByRole('status').filter({ hasText: `${INVITEE}的邀请码` });
    await visible(card);
    inviteCode = ((await card.locator('.invitation__code').textContent()) ?? '').trim();
    expect(inviteCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await visible(card.getByText(/前有效，一次有效$/));
    await visible(card.getByText('邀请码只显示这一次，请立即当面或通过单位内部渠道转交本人。'));
    await visible(card.getByRole('button', { name: '复制邀请码' }));
    await screenshot(page, 'notify-07-invitation-code');

    await card.getByRole('button', { name: '我已转交，完成' }).click();
    await card.waitFor({ state: 'detached' });
    expect(await page.getByText(inviteCode).count()).toBe(0);
    const row = page.getByRole('listitem').filter({ hasText: INVITEE });
    await visible(row.getByText('待绑定'));
    await visible(row.getByText('网上预审、审查'));
    // Gone for good: opening the page again lists the invitation, never the code.
    await openMineEntry(page, '人员管理');
    await visible(page.getByRole('listitem').filter({ hasText: INVITEE }).getByText('待绑定'));
    expect(await page.getByText(inviteCode).count()).toBe(0);
  }, 120_000);

  it('the citizen redeems the code (typed in lower case) on 工作人员绑定 and 我的 shows them as staff', async () => {
    const { page } = citizen;
    await openMineEntry(page, '工作人员绑定');
    const input = page.getByLabel('工作人员邀请码');
    await visible(input);

    // A wrong code is explained next to the field, in Chinese.
    const wrong = inviteCode.startsWith('Z') ? 'YYYY-YYYY' : 'ZZZZ-ZZZZ';
    await input.fill(wrong);
    await page.getByRole('button', { name: '确认绑定' }).click();
    const error = page.locator('#f-code').getByRole('alert');
    await visible(error);
    expect(await error.textContent()).toMatch(/邀请码/);
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'notify-08-bind-wrong-code');

    await input.fill(inviteCode.toLowerCase());
    await page.getByRole('button', { name: '确认绑定' }).click();
    await visible(page.getByRole('heading', { name: '绑定成功', level: 1 }));
    await visible(page.getByText(CITY_BUREAU).filter({ visible: true }).first());
    await visible(page.getByText('审查', { exact: true }).filter({ visible: true }));
    await screenshot(page, 'notify-09-bound');

    await page.getByRole('button', { name: '返回我的' }).click();
    const header = page.locator('.mine__card').filter({ visible: true });
    await visible(header.getByText(CITY_BUREAU));
    await visible(header.getByText('网上预审'));
    await visible(header.getByText('工作人员', { exact: true }));
    expect(await page.getByRole('link', { name: '工作人员绑定' }).filter({ visible: true }).count()).toBe(0);
    await screenshot(page, 'notify-10-citizen-now-staff');
  }, 120_000);

  it('the org admin sees the new colleague 已启用 and can 停用 them after confirming', async () => {
    const { page } = admin!;
    await openMineEntry(page, '人员管理');
    const row = page.getByRole('listitem').filter({ hasText: INVITEE });
    await visible(row.getByText('已启用'));
    await row.getByRole('button', { name: `停用${INVITEE}` }).click();
    const confirm = page.locator('.taro-modal__content').filter({ hasText: '停用工作人员' });
    await visible(confirm);
    await confirm.getByText('停用', { exact: true }).click();
    await visible(page.getByRole('listitem').filter({ hasText: INVITEE }).getByText('已停用'));
    await screenshot(page, 'notify-11-revoked');
  }, 120_000);
});
