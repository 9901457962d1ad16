import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', 'test-results', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags this sandbox needs, at phone size (375×812). */
export async function openPhone(): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  // A fresh profile per test (playwright takes it as the persistent context's folder, not as a flag).
  const profile = mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/**
 * Fails (with the locator in the message) unless the element becomes visible within the timeout. The
 * default leaves room for a cold function start in serverless offline while the whole suite shares two
 * cores with the browser (15 s was seen to run out there, never when the same test ran alone).
 */
export async function visible(locator: Locator, timeout = 30_000): Promise<void> {
  try {
    await locator.waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`Expected to see ${locator.toString()} within ${timeout} ms${await whatIsShown(locator.page())}`);
  }
}

/**
 * What the page shows instead (its address, the pages Taro has on screen and their text), so a
 * failure in CI, where no screenshot survives, says what the user would have seen.
 */
async function whatIsShown(page: Page): Promise<string> {
  try {
    const shown = await page.locator('.taro_page').evaluateAll((pages: { className: string; innerText?: string }[]) =>
      pages.map((el) => ({ classes: el.className, text: (el.innerText || '').replace(/\s+/g, ' ').trim().slice(0, 300) })),
    );
    const pages = shown.map((p) => `  [${p.classes}] ${p.text || '(no visible text)'}`).join('\n');
    // Messages are what a failure is usually about, and they sit past the cut of a long page's text.
    const messages = await page
      .locator('[role=alert], [role=status], .taro__toast')
      .evaluateAll((els: { innerText?: string }[]) => els.map((el) => (el.innerText || '').replace(/\s+/g, ' ').trim()).filter(Boolean));
    const said = messages.length ? `\nMessages on screen:\n${messages.map((m) => `  ${m.slice(0, 200)}`).join('\n')}` : '';
    return `\nThe page at ${page.url()} shows:\n${pages || '  (no Taro page)'}${said}`;
  } catch {
    return '';
  }
}

/**
 * Waits until the page that holds `locator` has finished sliding in. Taro's H5 router animates page
 * changes and hides the page underneath on a timer; leaving the new page before that timer has run
 * (a quick tap that navigates back) leaves the page underneath hidden, i.e. blank.
 */
export async function settled(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.page().locator('.taro_page.taro_page_stationed').filter({ has: locator }).first().waitFor({ state: 'attached', timeout });
}
