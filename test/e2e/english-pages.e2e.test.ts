import type { Page } from 'playwright-core';
import { openPhone, screenshot, visible } from '../support/browser';
import { provinceItem } from '../support/licences';

/**
 * The citizen pages in English (H5, 375×812), without signing in: a person whose stored language is
 * English sees home, 办件进度查询, 电子证照核验, 网上考核公开, a service guide, 我的 and the sign-in page
 * with English headings, labels, buttons and page titles. Service data (item names, organisations) stays
 * as the province publishes it; this story checks only what the app itself says.
 */
const HAN = /\p{Script=Han}/u;

/** The words the app shows on the current page (its Taro page), without the service data named in `data`. */
async function appText(page: Page, data: string[] = []): Promise<string> {
  const text = await page.locator('.taro_page').filter({ visible: true }).last().innerText();
  return data.reduce((rest, value) => rest.split(value).join(' '), text);
}

/** Waits until the page's title (set when a page shows) is `title`. */
async function titled(page: Page, title: string): Promise<void> {
  try {
    await page.waitForFunction((expected) => (globalThis as unknown as { document: { title: string } }).document.title === expected, title, { timeout: 30_000 });
  } catch {
    throw new Error(`Expected the page title "${title}", it is "${await page.title()}"`);
  }
}

describe('the citizen pages in English (H5, Chromium)', () => {
  let phone: Awaited<ReturnType<typeof openPhone>>;

  beforeAll(async () => {
    phone = await openPhone();
    // The language a person chose earlier, kept on the device as the app keeps it (Taro storage).
    await phone.context.addInitScript(`window.localStorage.setItem('language', ${JSON.stringify(JSON.stringify({ data: 'en' }))});`);
  }, 60_000);

  afterAll(async () => {
    await phone?.close();
  }, 60_000);

  it('home and the public services read in English, with English page titles', async () => {
    const { page } = phone;
    await page.goto(process.env.H5_URL!);
    await visible(page.getByRole('heading', { name: 'Anhui Tourism Services', level: 1 }));
    await visible(page.getByText('Department of Culture and Tourism of Anhui Province · Government services'));
    await visible(page.getByText('Public services', { exact: true }));
    await visible(page.getByRole('link', { name: 'Track a case' }));
    await visible(page.getByText('Tourism service hotline'));
    await titled(page, 'Anhui Tourism Services');
    await screenshot(page, 'english-pages-01-home');

    await page.getByRole('link', { name: 'Track a case' }).click();
    await visible(page.getByRole('heading', { name: 'Track a case', level: 1 }));
    await visible(page.getByText('Last 4 digits of mobile'));
    await visible(page.getByRole('button', { name: 'Search', exact: true }));
    await titled(page, 'Case progress');
    expect(await appText(page)).not.toMatch(HAN);
    await screenshot(page, 'english-pages-02-progress');

    await page.goBack();
    await page.getByRole('link', { name: 'Verify an e-licence' }).click();
    await visible(page.getByRole('heading', { name: 'Verify an e-licence', level: 1 }));
    await visible(page.getByText('QR code content', { exact: true }));
    await titled(page, 'Verify an e-licence');
    await screenshot(page, 'english-pages-03-verify');

    await page.goBack();
    await page.getByRole('link', { name: 'Online assessment results', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Online assessment of government services', level: 1 }));
    await visible(page.getByText('Area and period'));
    await screenshot(page, 'english-pages-04-assessment');
  }, 120_000);

  it('a service guide, 我的 and the sign-in page read in English', async () => {
    const { page } = phone;
    const item = await provinceItem('导游证核发');
    // The seed gives this guide in English too: the page shows the API's English name.
    const english = (await (await fetch(`${process.env.API_URL}/catalog/items/${item.implementationCode}`, { headers: { 'Accept-Language': 'en' } })).json()) as { name: string; language?: string };
    expect(english.language).toBe('en');
    item.name = english.name;
    await page.goto('about:blank');
    await page.goto(`${process.env.H5_URL}/#/pages/guide/index?code=${item.implementationCode}`);
    await visible(page.getByRole('heading', { name: item.name, level: 1 }));
    await visible(page.getByText('Acceptance conditions', { exact: true }));
    await visible(page.getByText(/^Handled by: /));
    await visible(page.getByRole('button', { name: `Apply online for ${item.name}` }));
    await titled(page, 'Service guide');
    await screenshot(page, 'english-pages-05-guide');

    await page.goto('about:blank');
    await page.goto(`${process.env.H5_URL}/#/pages/mine/index`);
    await visible(page.getByRole('heading', { name: 'Not signed in', level: 1 }));
    await visible(page.getByText('Sign in to apply online, follow your cases and receive notifications.').first());
    await page.getByRole('button', { name: 'Sign in to Anhui Tourism Services' }).first().click();
    await visible(page.getByRole('heading', { name: 'Sign in to Anhui Tourism Services', level: 1 }));
    await visible(page.getByText('Local development sign-in'));
    await titled(page, 'Sign in');
    await screenshot(page, 'english-pages-06-login');
  }, 120_000);
});
