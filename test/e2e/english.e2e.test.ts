import type { Locator, Page } from 'playwright-core';
import { isCaseNumber } from '@ah-tourism/shared';
import { validCreditCode, validResidentId } from '../support/applications';
import { leaveField, pdfFile, pngFile } from '../support/apply-phone';
import { openPhone, screenshot, settled, visible } from '../support/browser';
import { devPersona, openApp } from '../support/login-phone';

/**
 * The app in English on a phone-sized H5 app (375×812), against the real local stack: a foreign-invested
 * travel business switches to English on home (the tab bar, the page titles and home follow), finds the
 * guide of 外商投资旅行社业务许可, applies through its agent and reaches "Submitted"; the choice survives a
 * reload, dates read "5 Dec 2026", and 中文 on "Me" switches back by keyboard.
 *
 * Only what the app itself renders is asserted in English: names, guides, form fields and messages the
 * API sends (in English where the server has them) are matched in either language or by their place.
 */

/** The item as the API names it: English where the server has its translation, else Chinese. */
const ITEM = /外商投资旅行社业务许可|Travel agency business licence for foreign-invested enterprises/;
const KEYWORD = '外商投资旅行社';
/** The enterprise persona (a business applying through its agent). */
const PERSONA = 'enterprise';
const CASE_NUMBER = /^\d{8}\d{6}[0-9A-Z]{8}$/;
const ENGLISH_DATE = /\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b/;

const tabLabels = (page: Page) => page.locator('.weui-tabbar__label').allTextContents();

/** Waits until the tab bar reads `labels` (H5's tab bar takes its English labels once it has loaded). */
async function tabBarReads(page: Page, labels: string[]): Promise<void> {
  try {
    await page.waitForFunction(
      (expected) => Array.from((globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> } }).document.querySelectorAll('.weui-tabbar__label')).map((el) => el.textContent).join('|') === expected.join('|'),
      labels,
      { timeout: 15_000 },
    );
  } catch {
    throw new Error(`The tab bar reads ${JSON.stringify(await tabLabels(page))}, not ${JSON.stringify(labels)}`);
  }
}

/** Waits until the document's title (the page title in the browser) is `title`. */
async function titled(page: Page, title: string): Promise<void> {
  try {
    await page.waitForFunction((expected) => (globalThis as unknown as { document: { title: string } }).document.title === expected, title, { timeout: 15_000 });
  } catch {
    throw new Error(`The page is titled "${await page.title()}", not "${title}"`);
  }
}

/** Taps a control that switches the language and waits for the app to load again in it. */
async function switchWith(page: Page, control: Locator, press?: 'Enter'): Promise<void> {
  const reloaded = page.waitForEvent('load', { timeout: 30_000 });
  if (press) {
    await control.focus();
    await page.keyboard.press(press);
  } else {
    await control.click();
  }
  await reloaded;
}

const storedLanguage = (page: Page) => page.evaluate<string | null>("window.localStorage.getItem('language')");

describe('the app in English (H5, Chromium)', () => {
  let phone: Awaited<ReturnType<typeof openPhone>>;
  let caseNumber = '';

  beforeAll(async () => {
    phone = await openPhone();
  }, 60_000);

  afterAll(async () => {
    await phone?.close();
  });

  it('switches to English with EN in home’s header: the tab bar, the title and home are in English', async () => {
    const { page } = phone;
    await page.goto(process.env.H5_URL!);
    await visible(page.getByRole('heading', { name: '皖旅政务', level: 1 }));
    await tabBarReads(page, ['首页', '办事', '我的']);
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('zh-CN');

    // The switch names itself in both languages and shows the language it leads to.
    const toEnglish = page.getByRole('button', { name: 'EN，语言 / Language：切换为English' }).filter({ visible: true });
    await visible(toEnglish);
    expect((await toEnglish.textContent())?.trim()).toBe('EN');
    await screenshot(page, 'english-00-home-chinese');
    await switchWith(page, toEnglish);

    await visible(page.getByRole('heading', { name: 'Anhui Tourism Services', level: 1 }));
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');
    expect(await storedLanguage(page)).toContain('en');
    await tabBarReads(page, ['Home', 'Services', 'Me']);
    await titled(page, 'Anhui Tourism Services');
    // Home's sections and categories.
    for (const section of [/^One-stop goals/, /^Public services/, /^Categories/, /^Popular services/]) {
      await visible(page.getByRole('heading', { name: section, level: 2 }).filter({ visible: true }));
    }
    for (const theme of ['Travel agencies', 'Tour guides', 'Tourist attractions', 'Star-rated hotels', 'Tourism complaints']) {
      await visible(page.getByText(theme, { exact: true }).filter({ visible: true }).first());
    }
    await visible(page.getByRole('button', { name: /^Change region, currently / }).filter({ visible: true }));
    // The way back, named in both languages, showing 中文.
    const toChinese = page.getByRole('button', { name: '中文, Language / 语言: switch to 中文' }).filter({ visible: true });
    await visible(toChinese);
    expect((await toChinese.textContent())?.trim()).toBe('中文');
    await screenshot(page, 'english-01-home-english');
  }, 300_000);

  it('finds the guide, signs in on the way and applies in English, up to “Submitted”', async () => {
    const { page } = phone;
    await page.getByPlaceholder('Search services, e.g. tour guide licence').fill(KEYWORD);
    await page.getByRole('button', { name: 'Search', exact: true }).filter({ visible: true }).click();
    await visible(page.getByText(`Results for "${KEYWORD}"`).filter({ visible: true }));
    await tabBarReads(page, ['Home', 'Services', 'Me']);
    const result = page.getByRole('link', { name: ITEM }).filter({ visible: true }).first();
    await visible(result);
    await screenshot(page, 'english-02-search');
    await result.click();

    await visible(page.getByRole('heading', { name: ITEM, level: 1 }));
    await titled(page, 'Service guide');
    const apply = page.getByRole('button', { name: /^Apply online for / }).filter({ visible: true });
    await visible(apply);
    await screenshot(page, 'english-03-guide');
    await apply.click();

    // Signed out: the developer sign-in, in English.
    const heading = page.getByRole('heading', { name: 'Local development sign-in' }).filter({ visible: true });
    await visible(heading);
    await titled(page, 'Sign in');
    const persona = await devPersona(PERSONA);
    const row = page.getByRole('button', { name: `${persona.label}, ${persona.description}`, exact: true });
    await visible(row);
    await settled(heading);
    await row.click();
    await heading.waitFor({ state: 'hidden', timeout: 45_000 });

    await visible(page.getByText(/^Handling office: /).filter({ visible: true }));
    await titled(page, 'Apply online');
    await page.getByLabel("Applying business's name").fill('Yunhai International Travel (Huangshan) Co., Ltd.');
    await page.getByLabel("Applying business's unified social credit code").fill(validCreditCode('91340000MA2W8X9Y1'));
    await page.getByLabel("Legal representative's name").fill('Anna Schmidt');
    await page.getByLabel('Name of the person handling it').fill('程晓雨');
    await page.getByLabel('ID card number of the person handling it').fill(validResidentId('34100219900307123'));
    await page.getByLabel('Mobile number of the person handling it').fill('13955912345');
    // The item's own fields are labelled by the API: found by their place on the form.
    await page.locator('#f-fields-agencyName input').fill('Yunhai International Travel (Huangshan) Co., Ltd.');
    await page.locator('#f-fields-investorCountry input').fill('Germany');
    await page.locator('#f-fields-premisesAddress').locator('input, textarea').first().fill('88 Xin’an North Road, Tunxi District, Huangshan');
    await leaveField(page);

    const uploads: [string, ReturnType<typeof pdfFile>][] = [
      ['application', pdfFile('application-form.pdf')],
      ['representative-resume', pdfFile('cv-anna-schmidt.pdf')],
      ['facilities', pngFile('premises.png')],
      ['agent-authorisation', pdfFile('power-of-attorney.pdf')],
    ];
    for (const [material, file] of uploads) {
      const slot = page.locator(`#f-materials-${material}`);
      await slot.scrollIntoViewIfNeeded();
      await slot.getByLabel(/^Upload /).first().setInputFiles(file);
      await visible(slot.getByText(file.name, { exact: true }), 15_000);
    }
    await screenshot(page, 'english-04-form');

    await page.getByRole('button', { name: 'Submit application' }).click();
    await visible(page.getByRole('heading', { name: 'Submitted', level: 1 }), 30_000);
    await titled(page, 'Submitted');
    caseNumber = (await page.locator('.submitted__number').textContent())?.trim() ?? '';
    expect(caseNumber).toMatch(CASE_NUMBER);
    expect(isCaseNumber(caseNumber)).toBe(true);
    await visible(page.getByText('Case number', { exact: true }).filter({ visible: true }).first());
    await visible(page.getByText(ENGLISH_DATE).filter({ visible: true }).first());
    await screenshot(page, 'english-05-submitted');
  }, 400_000);

  it('keeps English after a reload; “Me” lists the case in English with an English date', async () => {
    const { page } = phone;
    await page.reload();
    await visible(page.getByRole('heading', { name: 'Submitted', level: 1 }));
    await tabBarReads(page, ['Home', 'Services', 'Me']);
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');

    await openApp(page, 'pages/mine/index');
    await titled(page, 'Me');
    await tabBarReads(page, ['Home', 'Services', 'Me']);
    const card = page.getByRole('link', { name: new RegExp(`, case number ${caseNumber}$`) }).filter({ visible: true });
    await visible(card);
    // The link is the card's title part (item, status, number); the date follows it in the card.
    expect(await page.locator('.case-card', { has: card }).textContent()).toMatch(ENGLISH_DATE);
    await screenshot(page, 'english-06-mine');
  }, 240_000);

  it('switches back to 中文 on “Me” by keyboard: the pressed language is marked, and everything is Chinese again', async () => {
    const { page } = phone;
    const row = page.getByRole('group', { name: 'Language / 语言' }).filter({ visible: true });
    await visible(row);
    const english = row.getByRole('button', { name: 'English', exact: true });
    const chinese = row.getByRole('button', { name: '中文', exact: true });
    expect(await english.getAttribute('aria-pressed')).toBe('true');
    expect(await chinese.getAttribute('aria-pressed')).toBe('false');
    await chinese.scrollIntoViewIfNeeded();
    await screenshot(page, 'english-07-language-row');

    await switchWith(page, chinese, 'Enter');
    const rowInChinese = page.getByRole('group', { name: '语言 / Language' }).filter({ visible: true });
    await visible(rowInChinese);
    expect(await rowInChinese.getByRole('button', { name: '中文', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await tabBarReads(page, ['首页', '办事', '我的']);
    await titled(page, '我的');
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('zh-CN');
    expect(await storedLanguage(page)).toContain('zh-CN');
    await visible(page.getByRole('link', { name: new RegExp(`办件编号${caseNumber}$`) }).filter({ visible: true }));

    // Home is Chinese again, with EN offered in its header.
    await openApp(page, 'pages/home/index');
    await visible(page.getByRole('heading', { name: '皖旅政务', level: 1 }));
    await visible(page.getByRole('button', { name: 'EN，语言 / Language：切换为English' }).filter({ visible: true }));
    await screenshot(page, 'english-08-back-to-chinese');
  }, 240_000);
});
