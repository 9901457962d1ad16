import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ImplementationItem } from '@ah-tourism/shared';
import { openPhone, screenshot, visible } from '../support/browser';

/**
 * On the phone (H5, Chromium): open a guide, see its blank form with type, pages and size, download it
 * and get the very file the guide names; the result sample is offered the same way.
 */
const SEED_FILE = path.resolve(__dirname, '../../data/guide-files/lvxingshe-xuke-shenqingshu-blank.pdf');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function huangshanTravelAgencyGuide(): Promise<ImplementationItem> {
  const list = await fetch(`${process.env.API_URL}/catalog/items?region=341000&keyword=${encodeURIComponent('旅行社业务经营许可')}`);
  const { items } = (await list.json()) as { items: { implementationCode: string; name: string }[] };
  const code = items.find((i) => i.name === '旅行社业务经营许可')!.implementationCode;
  return (await (await fetch(`${process.env.API_URL}/catalog/items/${code}`)).json()) as ImplementationItem;
}

describe('downloading a guide\'s blank form (H5, Chromium)', () => {
  let phone: Awaited<ReturnType<typeof openPhone>>;

  beforeAll(async () => {
    phone = await openPhone();
  }, 60_000);

  afterAll(async () => {
    await phone?.close();
  });

  it('opens 旅行社业务经营许可 and downloads its blank application form: the same PDF, saved under its name', async () => {
    const { page } = phone;
    const item = await huangshanTravelAgencyGuide();
    const blankForm = item.guide.materials.find((m) => m.blankForm?.name === '旅行社业务经营许可申请书（空白表格）')!.blankForm!;
    await page.goto(`${process.env.H5_URL}/#/pages/guide/index?code=${item.implementationCode}`);
    await visible(page.getByRole('heading', { name: '旅行社业务经营许可', level: 1 }));

    const button = page.getByRole('button', { name: `下载空白表格：旅行社业务经营许可申请书（空白表格），PDF，1页，${Math.round(blankForm.size / 1024)} KB` });
    await visible(button);
    await button.scrollIntoViewIfNeeded();
    await visible(page.getByText(`PDF，1页，${Math.round(blankForm.size / 1024)} KB`).first());
    await visible(page.getByRole('button', { name: /^查看示例样表：旅行社业务经营许可申请书（示例样表）/ }));
    await visible(page.getByRole('button', { name: /^查看结果样本：旅行社业务经营许可证（样本）/ }));
    await screenshot(page, 'guide-files-01-blank-form');

    const linkAnswer = page.waitForResponse((response) => response.url().includes(`/versions/${item.version}/files/${blankForm.fileId}`));
    const download = page.waitForEvent('download');
    await button.click();
    expect((await linkAnswer).status()).toBe(200);
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('旅行社业务经营许可申请书（空白表格）.pdf');
    const bytes = readFileSync((await saved.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(sha256(bytes)).toBe(blankForm.fileId);
    expect(bytes.equals(readFileSync(SEED_FILE))).toBe(true);
    // The button is ready again and says nothing went wrong.
    await visible(button);
    expect(await page.getByRole('alert').filter({ hasText: '下载未成功' }).count()).toBe(0);
  }, 120_000);
});
