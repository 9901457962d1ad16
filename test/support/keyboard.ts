import type { Page } from 'playwright-core';

/** What has keyboard focus: its role (or tag), its spoken name and whether it shows a focus ring. */
export interface Focused {
  tag: string;
  role: string;
  name: string;
  checked: string | null;
  ring: boolean;
}

/** Runs in the page (as source text: the test project has no DOM types). */
const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { tag: 'body', role: '', name: '', checked: null, ring: false };
  // A file input is visually hidden inside its label, which shows the ring.
  const ringOn = el.tagName === 'INPUT' && el.type === 'file' && el.closest('label') ? el.closest('label') : el;
  const style = getComputedStyle(ringOn);
  return {
    tag: el.tagName.toLowerCase(),
    role: el.getAttribute('role') || '',
    name: (el.getAttribute('aria-label') || el.textContent || '').trim(),
    checked: el.getAttribute('aria-checked'),
    ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
  };
})()`;

export async function focused(page: Page): Promise<Focused> {
  return page.evaluate<Focused>(FOCUSED);
}

const matches = (name: string, wanted: string | RegExp) => (typeof wanted === 'string' ? name === wanted : wanted.test(name));

/**
 * Presses Tab (or Shift+Tab) until the control named `name` has focus, as a keyboard user moves through a
 * page; fails with the names passed on the way when it is not reached within `limit` presses.
 */
export async function tabTo(page: Page, name: string | RegExp, options: { backwards?: boolean; limit?: number } = {}): Promise<Focused> {
  const passed: string[] = [];
  for (let i = 0; i < (options.limit ?? 150); i += 1) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (matches(now.name, name)) return now;
    passed.push(now.name || now.tag);
  }
  throw new Error(`Tab never reached "${String(name)}"; it passed: ${passed.slice(-40).join(' → ')}`);
}

/** Presses an arrow key until the control named `name` has focus (inside a radio group, tab list or list box). */
export async function arrowTo(page: Page, name: string, key: 'ArrowRight' | 'ArrowDown' = 'ArrowRight', limit = 20): Promise<Focused> {
  const passed: string[] = [];
  for (let i = 0; i < limit; i += 1) {
    const now = await focused(page);
    if (now.name === name) return now;
    passed.push(now.name || now.tag);
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached "${name}"; it passed: ${passed.join(' → ')}`);
}
