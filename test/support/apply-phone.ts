import type { Locator, Page } from 'playwright-core';
import { MINIMAL_PDF, MINIMAL_PNG } from './applications';
import { visible } from './browser';

/**
 * From the home page: switches the region to `city`, searches `item` and opens its guide (the one of
 * that city's bureau, `organisation`).
 */
export async function openGuideFromSearch(page: Page, item: string, city: string, organisation: string): Promise<void> {
  await page.getByRole('button', { name: /切换地区/ }).filter({ visible: true }).click();
  await page.getByRole('radio', { name: city }).click();
  await page.getByPlaceholder('搜索事项名称，如：导游证').fill(item);
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  await visible(page.getByText(`“${item}”的搜索结果`));
  // The home tab (with its own list of frequent items) stays mounted, out of sight.
  const result = page.getByRole('link', { name: new RegExp(`${item}.*${organisation}`) }).filter({ visible: true }).first();
  await visible(result);
  await result.click();
  await visible(page.getByRole('heading', { name: item, level: 1 }));
}

/** A real (tiny) PDF or PNG to hand to a file input, with the name the user would see. */
export const pdfFile = (name: string) => ({ name, mimeType: 'application/pdf', buffer: MINIMAL_PDF });
export const pngFile = (name: string) => ({ name, mimeType: 'image/png', buffer: MINIMAL_PNG });

type FilePayload = { name: string; mimeType: string; buffer: Buffer };

/**
 * Chooses a file with the file input labelled `label` inside a material slot and waits until the
 * slot lists it; otherwise fails with what the slot tells the applicant (e.g. the upload failed).
 */
export async function upload(slot: Locator, label: string, file: FilePayload): Promise<void> {
  await slot.getByLabel(label, { exact: true }).setInputFiles(file);
  try {
    await slot.getByText(file.name, { exact: true }).waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    const shown = await slot.getByRole('alert').allTextContents();
    throw new Error(`Uploading ${file.name} did not finish; the slot says: ${shown.join(' / ') || '(nothing)'}`);
  }
}

/** Leaves the focused field, as a user moving on to the next one does. */
export async function leaveField(page: Page): Promise<void> {
  await page.keyboard.press('Tab');
}
