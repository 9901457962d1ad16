import { randomUUID } from 'node:crypto';
import type { Session } from '@ah-tourism/shared';
import type { Page } from 'playwright-core';
import { api } from '../support/api';
import { asUser, signInWithWechat, validCreditCode, validResidentId } from '../support/applications';
import { leaveField, openGuideFromSearch, pdfFile, pngFile, upload } from '../support/apply-phone';
import { openPhone, screenshot, visible } from '../support/browser';
import { openApp } from '../support/login-phone';

/**
 * 长辈版 on a phone-sized H5 app (375×812). A first-time visitor is offered 长辈版 on home and takes it:
 * the type is at least 18 px, every target at least 48 px high, home is the simple one (big tiles and
 * 我的办件), nothing is wider than the screen. The choice survives a reload signed out; when the
 * person signs in (a fresh WeChat user, whose session the app finds in storage as after WeChat
 * sign-in) it goes up to the account. The whole apply story works in 长辈版, and on a second phone
 * (a fresh browser) the same person's sign-in brings 长辈版 with it, without the offer.
 */

const ITEM = '旅行社业务经营许可';
const SESSION_KEY = 'ah-tourism.session';
const TILES = ['查办事进度', '旅游投诉', '办导游证', '开旅行社', '我的证照'];

type Phone = Awaited<ReturnType<typeof openPhone>>;
type BrowserGlobal = { localStorage: { setItem(key: string, value: string): void } };

/** The Taro page on screen (tab pages stay mounted, hidden, in H5). */
const currentPage = (page: Page) => page.locator('.taro_page').filter({ visible: true }).last();

/** Puts a session in the app's storage, as WeChat sign-in leaves it (Taro storage wraps values in {data}). */
async function storeSession(page: Page, session: Session): Promise<void> {
  await page.evaluate(
    ([key, value]) => (globalThis as unknown as BrowserGlobal).localStorage.setItem(key, value),
    [SESSION_KEY, JSON.stringify({ data: session })] as const,
  );
}

/** The browser's own objects inside page functions (the tests compile without the DOM library). */
type Dom = any;

/** The smallest computed font size of any visible words on the current page, with a sample of what has it. */
async function smallestText(page: Page): Promise<{ size: number; text: string }> {
  return currentPage(page).evaluate((root: Dom) => {
    const g: Dom = globalThis;
    let smallest = { size: Infinity, text: '' };
    const walker = g.document.createTreeWalker(root, g.NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      // Words and numbers; decorative glyphs (›, ▾, ✓) are not read.
      if (!element || !/[\p{L}\p{N}]/u.test(node.textContent ?? '') || !element.checkVisibility()) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const size = parseFloat(g.getComputedStyle(element).fontSize);
      if (size < smallest.size) smallest = { size, text: String(node.textContent).trim().slice(0, 30) };
    }
    return smallest;
  });
}

/** Every visible control of the current page shorter than `min` px (name and height). */
async function smallTargets(page: Page, min: number): Promise<string[]> {
  return currentPage(page).evaluate((root: Dom, least: number) => {
    const controls: Dom[] = [...root.querySelectorAll('[role=button], [role=link], [role=switch], [role=radio], [role=checkbox], [role=tab], input, textarea')];
    return controls
      .filter((el) => el.checkVisibility() && el.getBoundingClientRect().width > 1)
      .map((el) => ({
        name: String(el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || el.tagName).trim().slice(0, 30),
        height: el.getBoundingClientRect().height as number,
      }))
      .filter((target) => target.height < least - 0.5)
      .map((target) => `${target.name} (${target.height.toFixed(1)} px)`);
  }, min);
}

/** Elements of the current page that reach past the right edge of the screen (clipped at 375 px). */
async function pastTheEdge(page: Page): Promise<string[]> {
  return currentPage(page).evaluate((root: Dom) => {
    const g: Dom = globalThis;
    const width = g.document.documentElement.clientWidth;
    // Inside a box that scrolls or clips on purpose (a wide table, an ellipsis), reaching past is by design.
    const insideScroller = (el: Dom) => {
      for (let up = el.parentElement; up && up !== root; up = up.parentElement) if (g.getComputedStyle(up).overflowX !== 'visible') return true;
      return false;
    };
    const all: Dom[] = [...root.querySelectorAll('*')];
    return all
      .filter((el) => el.checkVisibility() && el.getBoundingClientRect().right > width + 1)
      .filter((el) => !insideScroller(el))
      .map((el) => `${el.className || el.tagName}: right ${el.getBoundingClientRect().right.toFixed(0)}`);
  });
}

const rootFontSize = (page: Page, selector = 'body') =>
  page.locator(selector).first().evaluate((el: Dom) => parseFloat((globalThis as Dom).getComputedStyle(el).fontSize));
const fontSizeOf = (page: Page, selector: string) => rootFontSize(page, selector);

async function expectElderLayout(page: Page, what: string): Promise<void> {
  expect({ what, clipped: await pastTheEdge(page) }).toEqual({ what, clipped: [] });
  expect(await rootFontSize(page)).toBeGreaterThanOrEqual(18);
}

describe('长辈版 (H5, Chromium)', () => {
  let phone: Phone;
  const openid = `elder-${randomUUID().replace(/-/g, '')}`;
  let session: Session;
  let caseNumber = '';

  beforeAll(async () => {
    phone = await openPhone();
    session = await signInWithWechat(openid);
  }, 60_000);

  afterAll(async () => {
    await phone?.close();
  });

  it('offers 长辈版 the first time the app opens; taking it gives the simple home in large type', async () => {
    const { page } = phone;
    await page.goto(process.env.H5_URL!);
    const offer = page.getByRole('region', { name: '长辈版推荐' });
    await visible(offer);
    await visible(offer.getByText('切换到长辈版？'));
    await visible(offer.getByText('字更大、更简单'));
    await visible(offer.getByRole('button', { name: '暂不需要长辈版，继续使用标准版' }));
    // The standard home's body text, for comparison.
    expect(await rootFontSize(page)).toBeCloseTo(16, 0);
    await screenshot(page, 'elder-00-offer');

    await offer.getByRole('button', { name: '使用长辈版' }).click();
    await offer.waitFor({ state: 'detached' });
    const home = currentPage(page);
    await visible(home.getByRole('heading', { name: '常用服务', level: 2 }));
    for (const tile of TILES) await visible(home.getByRole('link', { name: new RegExp(`^${tile}：`) }));
    await visible(home.getByRole('heading', { name: '我的办件', level: 2 }));
    await visible(home.getByText('登录后可以看到您办的事'));
    // None of the standard home's dense sections.
    for (const dense of ['一件事', '事项分类', '常用事项', '便民服务']) expect(await home.getByText(dense, { exact: true }).count()).toBe(0);
    await screenshot(page, 'elder-01-simple-home');
  }, 60_000);

  it('sets body text of at least 18 px, nothing under 16 px, targets of at least 48 px, and nothing past the screen edge', async () => {
    const { page } = phone;
    expect(await rootFontSize(page)).toBeGreaterThanOrEqual(18);
    expect(await fontSizeOf(page, '.elder-home__tile-note')).toBeGreaterThanOrEqual(18);
    expect(await fontSizeOf(page, '.elder-home__tile-name')).toBeGreaterThan(20);
    const smallest = await smallestText(page);
    expect({ ...smallest, atLeast16: smallest.size >= 16 }).toMatchObject({ atLeast16: true });
    expect(await smallTargets(page, 48)).toEqual([]);
    for (const tile of TILES) {
      const box = await page.getByRole('link', { name: new RegExp(`^${tile}：`) }).boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(48);
      expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    }
    expect(await pastTheEdge(page)).toEqual([]);
  }, 30_000);

  it('keeps 长辈版 after a reload, without offering it again', async () => {
    const { page } = phone;
    await page.reload();
    await visible(page.getByRole('link', { name: /^查办事进度：/ }));
    expect(await page.getByRole('region', { name: '长辈版推荐' }).count()).toBe(0);
    expect(await page.locator('html').getAttribute('class')).toContain('elder-mode');
  }, 30_000);

  it('signed in, the choice made signed out goes up to the account', async () => {
    const { page } = phone;
    expect((await api('/me', { headers: asUser(session.accessToken) })).body.preferences).toEqual({ elderMode: false, language: 'zh-CN' });
    await storeSession(page, session);
    await page.reload();
    await visible(page.getByRole('link', { name: /^查办事进度：/ }));
    await visible(page.getByText('您还没有办过事'));
    const deadline = Date.now() + 15_000;
    let preferences = (await api('/me', { headers: asUser(session.accessToken) })).body.preferences;
    while (!preferences.elderMode && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      preferences = (await api('/me', { headers: asUser(session.accessToken) })).body.preferences;
    }
    expect(preferences).toEqual({ elderMode: true, language: 'zh-CN' });
  }, 30_000);

  it('the whole apply story works in 长辈版: guide, 在线申请, fill in, submit, 提交成功', async () => {
    const { page } = phone;
    await openGuideFromSearch(page, ITEM, '黄山市', '黄山市文化和旅游局');
    await expectElderLayout(page, 'guide');
    await screenshot(page, 'elder-02-guide');
    await page.getByRole('button', { name: `在线申请${ITEM}` }).click();
    await visible(page.getByText('受理单位：黄山市文化和旅游局'));
    await expectElderLayout(page, 'form');
    expect(await smallTargets(page, 44)).toEqual([]);

    await page.getByLabel('申请企业名称').fill('黄山松风旅行社有限公司');
    await page.getByLabel('申请企业统一社会信用代码').fill(validCreditCode('91341000MA2T7E6C5'));
    await page.getByLabel('法定代表人姓名').fill('程松');
    await page.getByLabel('经办人姓名').fill('胡秀英');
    await page.getByLabel('经办人身份证号码').fill(validResidentId('34100219580412346'));
    await leaveField(page);
    await page.getByLabel('经办人手机号码').fill('13955916688');
    await page.getByLabel('旅行社中文名称').fill('黄山松风旅行社有限公司');
    await page.getByLabel('经营场所地址').fill('黄山市屯溪区滨江中路6号');
    await page.getByRole('radio', { name: '自有产权' }).click();
    await page.getByLabel('注册资本（万元）').fill('30');
    await screenshot(page, 'elder-03-form');

    const slot = (material: string) => page.getByRole('group', { name: material, exact: true });
    await upload(slot(`${ITEM}申请书`), `上传${ITEM}申请书`, pdfFile(`${ITEM}申请书.pdf`));
    await upload(slot('法定代表人履历表'), '上传法定代表人履历表', pdfFile('法定代表人履历表.pdf'));
    await upload(slot('营业设施设备说明及经营场所照片'), '上传营业设施设备说明及经营场所照片', pngFile('经营场所.png'));
    await upload(slot('经营管理人员和导游名单'), '上传经营管理人员和导游名单', pdfFile('经营管理人员和导游名单.pdf'));
    await upload(slot('授权委托书').filter({ hasText: '企业委托经办人办理的' }), '上传授权委托书（企业委托经办人办理的）', pdfFile('授权委托书.pdf'));
    await expectElderLayout(page, 'form with materials');

    await page.getByRole('button', { name: '提交申请' }).click();
    await visible(page.getByRole('heading', { name: '提交成功', level: 1 }), 30_000);
    caseNumber = (await page.locator('.submitted__number').textContent())?.trim() ?? '';
    expect(caseNumber).toMatch(/^\d{14}[0-9A-Z]{8}$/);
    await expectElderLayout(page, 'submitted');
    await screenshot(page, 'elder-04-submitted');
  }, 180_000);

  it('on a second phone the same person\'s sign-in brings 长辈版, with 我的办件 on the simple home', async () => {
    const other = await openPhone();
    try {
      const { page } = other;
      // Signed out this phone is new: standard home and the offer.
      await page.goto(process.env.H5_URL!);
      await visible(page.getByRole('region', { name: '长辈版推荐' }));
      // WeChat sign-in on this phone: a new session for the same person.
      const again = await signInWithWechat(openid);
      expect(again.user.preferences.elderMode).toBe(true);
      await storeSession(page, again);
      await openApp(page, 'pages/home/index');
      await visible(page.getByRole('link', { name: /^查办事进度：/ }));
      expect(await page.getByRole('region', { name: '长辈版推荐' }).count()).toBe(0);
      expect(await rootFontSize(page)).toBeGreaterThanOrEqual(18);
      const card = page.getByRole('link', { name: new RegExp(`${ITEM}，待预审，办件编号${caseNumber}`) });
      await visible(card);
      await screenshot(page, 'elder-05-second-phone');

      // 我的 › 显示设置 turns it off here, and for the account.
      await openApp(page, 'pages/mine/index');
      const toggle = page.getByRole('switch', { name: '长辈版', exact: true });
      await visible(toggle);
      expect(await toggle.getAttribute('aria-checked')).toBe('true');
      await expectElderLayout(page, '我的');
      await toggle.click();
      await expect(toggle.getAttribute('aria-checked')).resolves.toBe('false');
      expect(await rootFontSize(page)).toBeCloseTo(16, 0);
      const deadline = Date.now() + 15_000;
      let preferences = (await api('/me', { headers: asUser(again.accessToken) })).body.preferences;
      while (preferences.elderMode && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        preferences = (await api('/me', { headers: asUser(again.accessToken) })).body.preferences;
      }
      expect(preferences.elderMode).toBe(false);
    } finally {
      await other.close();
    }
  }, 120_000);
});
