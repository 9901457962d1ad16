import type { DevPersona, Session } from '@ah-tourism/shared';
import type { Page } from 'playwright-core';
import { api } from './api';
import { settled, visible } from './browser';

/**
 * Signing in on the H5 app as the local stage's developer personas (WeChat login cannot happen in a
 * browser). Tests name personas by id (citizen, enterprise, city-<permission>,
 * province-<permission>, province-admin); what a row says is read from GET /dev/personas, the same
 * list the login page shows, so a persona the API does not offer fails with the list it does offer.
 */
export async function devPersona(personaId: string): Promise<DevPersona> {
  const res = await api<{ personas: DevPersona[] }>('/dev/personas');
  if (res.status !== 200) throw new Error(`GET /dev/personas: ${res.status} ${JSON.stringify(res.body)}`);
  const found = res.body.personas.find((p) => p.personaId === personaId);
  if (!found) throw new Error(`No developer persona "${personaId}"; the API offers: ${res.body.personas.map((p) => p.personaId).join(', ')}`);
  return found;
}

/** The persona's row on the login page (a button named "<label>，<description>"). */
export async function personaRow(page: Page, personaId: string) {
  const persona = await devPersona(personaId);
  return page.getByRole('button', { name: `${persona.label}，${persona.description}`, exact: true });
}

/** On the login page: waits for the persona list, taps the persona and waits until the login page has gone. */
export async function chooseOnLoginPage(page: Page, personaId: string): Promise<void> {
  const heading = page.getByRole('heading', { name: '本地开发登录' }).filter({ visible: true });
  await visible(heading);
  const row = await personaRow(page, personaId);
  await visible(row);
  // Signing in goes back to the page that asked; before the login page has slid in, that page would stay blank.
  await settled(heading);
  await row.click();
  // Generous: the first sign-in also starts the function (serverless offline loads it on first use).
  await heading.waitFor({ state: 'hidden', timeout: 45_000 });
}

/**
 * Loads the app afresh at a page (`pages/mine/index`, …). Going through about:blank makes it a real
 * load even when only the hash differs, so the app starts from that page as after a deep link.
 */
export async function openApp(page: Page, path: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${process.env.H5_URL}/#/${path.replace(/^\//, '')}`);
}

/** Opens 我的, taps 登录 and signs in as the persona; back on 我的 with the persona's name at the top. */
export async function signInOnPhone(page: Page, personaId: string): Promise<void> {
  await openApp(page, 'pages/mine/index');
  await page.getByRole('button', { name: '登录皖旅政务' }).filter({ visible: true }).first().click();
  await chooseOnLoginPage(page, personaId);
  await visible(page.getByRole('button', { name: '退出登录' }).filter({ visible: true }));
}

/** Opens one of 我的's entries (消息, 消息订阅, 工作人员绑定, 人员管理, 微信推送记录（本地模拟）). */
export async function openMineEntry(page: Page, name: string | RegExp): Promise<void> {
  await openApp(page, 'pages/mine/index');
  const entry = page.getByRole('link', { name }).filter({ visible: true }).first();
  await visible(entry);
  await entry.click();
  await entry.waitFor({ state: 'hidden' });
}

/**
 * Accepts (允许) or refuses (拒绝) the local simulation of WeChat's subscribe dialog (Taro's H5
 * modal; its outer element has no box of its own, so the content box is what is looked for).
 */
export async function answerSimulatedSubscribe(page: Page, answer: '允许' | '拒绝'): Promise<string> {
  const dialog = page.locator('.taro-modal__content').filter({ hasText: '本地模拟：是否允许发送以下通知？' });
  await visible(dialog);
  const text = (await dialog.textContent()) ?? '';
  await dialog.getByText(answer, { exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  return text;
}

/** Where the app keeps its session: Taro storage, which H5 keeps in localStorage as {"data": value}. */
const SESSION_KEY = 'ah-tourism.session';

/**
 * Puts `session` on the phone as the app stores it after a WeChat sign-in (e.g. a fresh person made
 * through the API with signInWithWechat), so the next page opened is signed in as them.
 */
export async function useSessionOnPhone(page: Page, session: Session): Promise<void> {
  await openApp(page, 'pages/mine/index');
  await page.waitForLoadState('networkidle');
  await page.evaluate(
    ([key, value]) => (globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }).localStorage.setItem(key, value),
    [SESSION_KEY, JSON.stringify({ data: session })] as const,
  );
}
