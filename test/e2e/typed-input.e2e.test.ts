import { toHalfWidth } from '@ah-tourism/shared';
import { cityItem, validResidentId } from '../support/applications';
import { openPhone, screenshot, visible } from '../support/browser';
import { switchPersona } from '../support/lifecycle-phone';
import { openApp } from '../support/login-phone';
import { photoJpeg } from '../support/material-files';

/**
 * Fewer supplements (H5, Chromium, 375×812): numbers are read as people paste or type them, and a photo
 * that breaks the guide's own spec is refused before it is uploaded, in the guide's words.
 */

/** The full-width form of ASCII text, as a Chinese keyboard types it. */
const fullWidth = (text: string) => text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('typing numbers and choosing a photo as people do (H5, Chromium)', () => {
  let phone: Awaited<ReturnType<typeof openPhone>>;
  afterAll(async () => phone?.close());

  it('reads a pasted mobile with spaces and full-width digits as the same number, and a full-width identity number with a small x', async () => {
    const item = await cityItem('导游证核发');
    phone = await openPhone();
    const { page } = phone;
    await switchPersona(page, 'citizen');
    await openApp(page, `pages/cases/apply/index?code=${encodeURIComponent(item.implementationCode)}`);
    const mobile = page.getByLabel('申请人手机号码').filter({ visible: true });
    await visible(mobile, 45_000);

    await mobile.fill('139 5591 2345');
    expect(await mobile.inputValue()).toBe('13955912345');
    await mobile.fill('');
    await mobile.fill(fullWidth('13955912345'));
    expect(await mobile.inputValue()).toBe('13955912345');
    expect(toHalfWidth(fullWidth('13955912345'))).toBe('13955912345');

    // An identity number ending in X, typed full-width and with a small x.
    let first17 = '34100219950812120';
    for (let n = 0; !validResidentId(first17).endsWith('X'); n += 1) first17 = `341002199508121${String(n).padStart(2, '0')}`;
    const idNumber = validResidentId(first17);
    const id = page.getByLabel('申请人身份证号码').filter({ visible: true });
    await id.fill(fullWidth(idNumber.toLowerCase()));
    expect(await id.inputValue()).toBe(idNumber);
    await screenshot(page, 'typed-input-01-numbers');
  }, 120_000);

  it('refuses an undersized photo before uploading it, quoting the guide’s spec; a photo within it is uploaded', async () => {
    const { page } = phone;
    const uploads: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/uploads$/.test(new URL(request.url()).pathname)) uploads.push(request.url());
    });
    const slot = page.getByRole('group', { name: '近期免冠证件照片', exact: true });
    await slot.scrollIntoViewIfNeeded();
    // 300×360 pixels, about 90 KB: the size is right, the pixels are not.
    await slot.getByLabel('上传近期免冠证件照片', { exact: true }).setInputFiles({ name: '证件照-小.jpg', mimeType: 'image/jpeg', buffer: photoJpeg(300, 360, 90) });
    const refusal = slot.getByRole('alert');
    await visible(refusal, 15_000);
    expect(await refusal.textContent()).toBe('“近期免冠证件照片”须为JPG格式，不低于358×441像素，20KB至200KB，所选图片为300×360像素');
    expect(uploads).toEqual([]);
    await screenshot(page, 'typed-input-02-photo-refused');

    await slot.getByLabel('上传近期免冠证件照片', { exact: true }).setInputFiles({ name: '证件照.jpg', mimeType: 'image/jpeg', buffer: photoJpeg(358, 441) });
    await visible(slot.getByText('证件照.jpg', { exact: true }), 30_000);
    expect(uploads).toHaveLength(1);
  }, 120_000);
});
