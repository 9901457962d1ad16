import type { BrowserContext, Locator, Page } from 'playwright-core';
import { MINIMAL_PDF, MINIMAL_PNG } from './applications';

/** Where the mini-program keeps its installation's identity (see miniapp/src/services/identity.ts). */
const LOCAL_USER_STORAGE_KEY = 'ah-tourism.local-user';

/**
 * Makes every page of this browser act as `user`: the app reads its identity from storage, which
 * Taro's H5 storage keeps in localStorage as {"data": value}.
 */
export async function actAs(context: BrowserContext, user: string): Promise<void> {
  const key = JSON.stringify(LOCAL_USER_STORAGE_KEY);
  const stored = JSON.stringify(JSON.stringify({ data: user }));
  await context.addInitScript({ content: `if (!localStorage.getItem(${key})) localStorage.setItem(${key}, ${stored});` });
}

/** A real (tiny) PDF or PNG to hand to a file input, with the name the user would see. */
export const pdfFile = (name: string) => ({ name, mimeType: 'application/pdf', buffer: MINIMAL_PDF });
export const pngFile = (name: string) => ({ name, mimeType: 'image/png', buffer: MINIMAL_PNG });

type FilePayload = ReturnType<typeof pdfFile>;

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
