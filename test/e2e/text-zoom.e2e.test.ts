import type { Page } from 'playwright-core';
import { openPhone, screenshot, visible } from '../support/browser';
import { openApp } from '../support/login-phone';

/**
 * Text at 200 % on a 375×812 phone: the region name on home, the type chips on 办事 and the tab bar keep
 * all their text in view (nothing cut off), and the tab bar's labels are at least 12 px at 100 %.
 *
 * How "200 % text zoom" is made here: people enlarge text (WeChat's and the phone's font size, a
 * browser's text size), not the page, so the viewport and every length other than text stay as they are.
 * Doubling the root font size would not do: Taro turns every px of our styles into rem on H5, so that
 * would enlarge the whole layout. Instead, once the page has loaded, every element's computed font size
 * (and its line height, which browsers compute in px) is read, and then set to twice that, all reads
 * before any write so that inherited sizes are not doubled twice. Then, for each named element and every
 * element inside it, nothing may be cut off: scrollWidth <= clientWidth and scrollHeight <= clientHeight
 * (1 px of rounding allowed), and it must lie within the screen's width.
 */

const ZOOM = 2;

/** Runs in the page (as source text: the test project has no DOM types). */
const ZOOM_TEXT = (factor: number) => `(() => {
  const elements = Array.from(document.querySelectorAll('body *'));
  const sizes = elements.map((el) => {
    const style = getComputedStyle(el);
    return { font: parseFloat(style.fontSize), line: style.lineHeight === 'normal' ? null : parseFloat(style.lineHeight) };
  });
  elements.forEach((el, i) => {
    el.style.setProperty('font-size', (sizes[i].font * ${factor}) + 'px', 'important');
    if (sizes[i].line !== null) el.style.setProperty('line-height', (sizes[i].line * ${factor}) + 'px', 'important');
  });
})()`;

async function zoomText(page: Page, factor: number): Promise<void> {
  await page.evaluate(ZOOM_TEXT(factor));
}

interface Cut {
  element: string;
  text: string;
  scroll: string;
  client: string;
  right: number;
}

/**
 * The elements matching `selector` (those shown), and every element with text inside them, that cut their
 * text off (a box that hides overflow with content larger than itself) or, with `withinScreen`, run past
 * the screen's edges. Runs in the page.
 */
const CUT_OFF = (selector: string, withinScreen: boolean) => `(() => {
  const width = window.innerWidth;
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const roots = Array.from(document.querySelectorAll(${JSON.stringify(selector)})).filter(shown);
  const cuts = [];
  let checked = 0;
  for (const root of roots) {
    for (const el of [root, ...Array.from(root.querySelectorAll('*'))].filter(shown)) {
      if (!el.textContent.trim()) continue;
      checked += 1;
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
      const wider = el.scrollWidth > el.clientWidth + 1;
      const taller = el.scrollHeight > el.clientHeight + 1;
      const offScreen = ${withinScreen} && (rect.right > width + 1 || rect.left < -1);
      if ((clips && (wider || taller)) || offScreen) {
        cuts.push({
          element: el.tagName.toLowerCase() + '.' + Array.from(el.classList).join('.'),
          text: el.textContent.trim().slice(0, 30),
          scroll: el.scrollWidth + '×' + el.scrollHeight,
          client: el.clientWidth + '×' + el.clientHeight,
          right: Math.round(rect.right),
        });
      }
    }
  }
  return { checked, cuts };
})()`;

/** `withinScreen`: also fail for text past the screen's edges (not for a row that scrolls sideways by design). */
async function expectNothingCut(page: Page, selector: string, what: string, withinScreen = true): Promise<void> {
  const { checked, cuts } = await page.evaluate<{ checked: number; cuts: Cut[] }>(CUT_OFF(selector, withinScreen));
  expect({ what, checked: checked > 0 }).toEqual({ what, checked: true });
  expect({ what, cuts }).toEqual({ what, cuts: [] });
}

describe('text at 200 % is not cut off (H5, Chromium, 375×812)', () => {
  let phone: Awaited<ReturnType<typeof openPhone>>;

  beforeAll(async () => {
    phone = await openPhone();
  }, 120_000);

  afterAll(async () => {
    await phone?.close();
  });

  it('the tab bar labels are at least 12 px at 100 %', async () => {
    const { page } = phone;
    await openApp(page, 'pages/home/index');
    await visible(page.locator('.weui-tabbar__label').first());
    const sizes = await page.evaluate<number[]>(`Array.from(document.querySelectorAll('.weui-tabbar__label'), (l) => parseFloat(getComputedStyle(l).fontSize))`);
    expect(sizes).toHaveLength(3);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(12);
  }, 120_000);

  it('home: the region name and the tab bar', async () => {
    const { page } = phone;
    await openApp(page, 'pages/home/index');
    await visible(page.getByRole('button', { name: '切换地区，当前为安徽省' }).filter({ visible: true }).first());
    await page.waitForLoadState('networkidle');
    await zoomText(page, ZOOM);
    await screenshot(page, 'zoom-01-home');
    await expectNothingCut(page, '.region-switcher', 'region switcher on home');
    await expectNothingCut(page, '.taro-tabbar__tabbar', 'tab bar');
  }, 120_000);

  it('办事: the type chips (each chip whole; the row itself scrolls sideways) and the tab bar', async () => {
    const { page } = phone;
    await openApp(page, 'pages/items/index');
    await visible(page.getByRole('radiogroup', { name: '类型' }).filter({ visible: true }));
    await page.waitForLoadState('networkidle');
    await zoomText(page, ZOOM);
    await screenshot(page, 'zoom-02-items');
    await expectNothingCut(page, '.filter-chips__chip, .filter-chips__label', 'type chips', false);
    await expectNothingCut(page, '.taro-tabbar__tabbar', 'tab bar');
  }, 120_000);
});
