import path from 'node:path';
import type { Page } from 'playwright-core';
import { fromBase64Url, toBase64Url } from '@ah-tourism/shared/src/licences/token';
import { api } from '../support/api';
import { asUser, signInAs, submitApplication } from '../support/applications';
import { openPhone, screenshot, visible } from '../support/browser';
import { act } from '../support/lifecycle';
import { settle, untilVisible } from '../support/lifecycle-phone';
import { myLicences, personApplication, provinceItem } from '../support/licences';
import { openApp, openMineEntry, signInOnPhone } from '../support/login-phone';

/**
 * 电子证照 on phone-sized H5 apps, one story: a 导游证核发 case (submitted, accepted and reviewed
 * through the API) is approved by province-decide on the staff case page; the applicant (citizen)
 * finds the licence in 我的证照 with a QR code that decodes to the licence's token (and shows it full
 * screen); 电子证照核验 (no sign-in) says 真实有效 for that token, with the signature checked on the
 * phone (offline too, with the keys kept), and 被篡改 for the token with one byte of its payload changed; the staff member revokes the licence from the decision
 * document's link, and the same token then verifies as 已吊销.
 */

const APPLICANT = 'citizen';
const DECIDER = 'province-decide';
const ITEM = '导游证核发';
const JSQR = path.join(path.dirname(require.resolve('jsqr/package.json')), 'dist', 'jsQR.js');

type Phone = Awaited<ReturnType<typeof openPhone>>;

/** Starts the functions a step will use (locally each stops after a minute idle); the answers do not matter. */
async function warmUp(persona: string | null, requests: string[]): Promise<void> {
  const token = persona ? (await signInAs(persona)).accessToken : null;
  for (const request of requests) {
    const [method, route] = request.split(' ') as [string, string];
    const headers = { 'Content-Type': 'application/json', ...(token ? asUser(token) : {}) };
    await api(route, { method, headers, ...(method === 'GET' ? {} : { body: '{}' }) });
  }
}

/** The same token with one byte of its signed payload changed: the last digit of the licence number. */
function tamper(token: string, number: string): string {
  const [prefix, payload, signature] = token.split('.') as [string, string, string];
  const bytes = fromBase64Url(payload)!;
  const text = Buffer.from(bytes).toString('utf8');
  const at = Buffer.byteLength(text.slice(0, text.indexOf(number) + number.length - 1), 'utf8');
  bytes[at] = bytes[at] === 0x30 ? 0x31 : 0x30;
  return `${prefix}.${toBase64Url(bytes)}.${signature}`;
}

/** What the page script below uses of the browser (the test project has no DOM types). */
interface Canvas2d {
  drawImage(image: unknown, x: number, y: number, w: number, h: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
}
interface BrowserGlobals {
  document: { createElement(tag: 'canvas'): { width: number; height: number; getContext(kind: '2d'): Canvas2d } };
  jsQR: (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
}

/** The QR code on screen, drawn into a canvas and decoded with jsQR in the page; also how many pixels are dark. */
async function readQr(page: Page, label: RegExp): Promise<{ text: string | null; dark: number }> {
  const image = page.getByRole('img', { name: label }).filter({ visible: true }).locator('img');
  await visible(image);
  await page.addScriptTag({ path: JSQR });
  return image.evaluate(async (img: { decode(): Promise<void> }) => {
    const { document, jsQR } = globalThis as unknown as BrowserGlobals;
    await img.decode();
    const size = 600;
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext('2d');
    context.drawImage(img, 0, 0, size, size);
    const { data } = context.getImageData(0, 0, size, size);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark += 1;
    return { text: jsQR(data, size, size)?.data ?? null, dark };
  });
}

/** 首页 › 电子证照核验, the pasted content, 核验; waits for the verdict. */
async function verifyOnPhone(page: Page, token: string, verdict: string): Promise<void> {
  await openApp(page, 'pages/home/index');
  await page.getByRole('link', { name: '电子证照核验' }).click();
  await visible(page.getByRole('heading', { name: '电子证照核验', level: 1 }));
  await page.getByLabel('电子证照二维码内容').fill(token);
  await page.getByRole('button', { name: '核验', exact: true }).click();
  await visible(page.getByRole('status').filter({ hasText: verdict }));
}

describe('electronic licences on the phone (H5, Chromium)', () => {
  let applicant: Phone;
  let staff: Phone;
  let caseNumber = '';
  let citizen = '';

  beforeAll(async () => {
    citizen = (await signInAs(APPLICANT)).accessToken;
    const item = await provinceItem(ITEM);
    const submitted = await submitApplication(citizen, await personApplication(citizen, item, { qualificationNumber: 'DYZG-2026-340000-0199', language: '中文', employer: '安徽徽州国际旅行社有限公司' }));
    expect(submitted.status).toBe(201);
    caseNumber = submitted.body.caseNumber;
    const [pre, review] = await Promise.all(['province-pre_review', 'province-review'].map(async (p) => (await signInAs(p)).accessToken));
    expect((await act(pre!, caseNumber, { action: 'accept', opinion: '材料齐全，符合法定形式' })).status).toBe(200);
    expect((await act(review!, caseNumber, { action: 'complete_review', opinion: '经审查，符合导游证核发条件' })).status).toBe(200);
    applicant = await openPhone();
    staff = await openPhone();
  }, 90_000);

  afterAll(async () => {
    await applicant?.close();
    await staff?.close();
  });

  it('approves the case in the browser, issues the licence and verifies it by its QR code, pasted and altered', async () => {
    // The decision, on the staff case page.
    const { page } = staff;
    await warmUp(DECIDER, [`GET /staff/cases/${caseNumber}`, `POST /staff/cases/${caseNumber}/actions`, 'GET /staff/licences/warm-up']);
    await signInOnPhone(page, DECIDER);
    await openApp(page, `pages/staff/case/index?caseNumber=${caseNumber}`);
    await untilVisible(page, page.getByRole('button', { name: '准予许可', exact: true }));
    await page.getByRole('button', { name: '准予许可', exact: true }).click();
    await page.getByLabel('审批意见').fill('同意核发导游证');
    await page.getByRole('button', { name: '确认准予许可', exact: true }).click();
    await visible(page.getByRole('status').filter({ hasText: '已办理：准予许可' }));
    const licenceLink = page.getByRole('link', { name: /^电子证照：导游证 D-/ }).filter({ visible: true });
    await visible(licenceLink);
    const number = /导游证 ([^，]+)，/.exec((await licenceLink.getAttribute('aria-label')) ?? '')![1]!;
    await licenceLink.scrollIntoViewIfNeeded();
    await screenshot(page, 'licences-01-approved');

    const [held] = (await myLicences(citizen)).filter((l) => l.licence.number === number);
    expect(held).toMatchObject({ status: 'valid', usable: true, licence: { typeName: '导游证', holder: { name: '王小明' } } });
    const { token } = held!;

    // 我的 › 我的证照: the card, then the licence with its QR code.
    const phone = applicant.page;
    await warmUp(APPLICANT, ['GET /me/licences', `GET /cases/${caseNumber}`, 'GET /licences/keys', 'POST /licences/verify']);
    await signInOnPhone(phone, APPLICANT);
    await openMineEntry(phone, '我的证照');
    const card = phone.getByRole('link', { name: new RegExp(`^导游证，${number}，王小明，有效`) });
    await untilVisible(phone, card);
    await screenshot(phone, 'licences-02-mine');
    await card.click();
    await visible(phone.getByRole('heading', { name: '导游证', level: 1 }));
    const qr = await readQr(phone, /核验二维码$/);
    expect(qr.dark).toBeGreaterThan(1_000);
    expect(qr.text).toBe(token);
    await settle(phone);
    await screenshot(phone, 'licences-03-detail');
    // 出示: the code full screen, and back.
    await phone.getByRole('button', { name: '全屏出示证照二维码' }).click();
    const shown = phone.getByRole('dialog', { name: '出示电子证照' });
    await visible(shown.getByRole('img', { name: /核验二维码$/ }));
    await visible(shown.getByText(/^出示时间 \d{2}:\d{2}:\d{2}$/));
    await shown.getByRole('button', { name: '退出出示' }).click();
    await visible(phone.getByRole('button', { name: '全屏出示证照二维码' }));

    // The decision document on the case links to it too.
    await openApp(phone, `pages/cases/detail/index?caseNumber=${caseNumber}`);
    await untilVisible(phone, phone.getByRole('link', { name: `电子证照：导游证 ${number}，点击查看` }));
    await phone.getByRole('link', { name: `电子证照：导游证 ${number}，点击查看` }).click();
    await visible(phone.getByRole('heading', { name: '导游证', level: 1 }));
    await visible(phone.getByText(number, { exact: true }).filter({ visible: true }).first());

    // 电子证照核验: the token as issued, then with one payload byte changed.
    await verifyOnPhone(phone, token, '真实有效');
    await visible(phone.getByText(/已离线验证签名/));
    await visible(phone.getByText('王小明', { exact: true }).filter({ visible: true }).first());
    await screenshot(phone, 'licences-04-valid');
    // Without network the signature is still checked with the keys kept from the first check; the state is not known.
    await applicant.context.setOffline(true);
    try {
      await phone.getByRole('button', { name: '核验', exact: true }).click();
      await visible(phone.getByRole('status').filter({ hasText: '签名有效' }));
      await visible(phone.getByText(/无法联网查询证照当前状态/));
      await visible(phone.getByText(/已离线验证签名/));
    } finally {
      await applicant.context.setOffline(false);
    }
    await verifyOnPhone(phone, tamper(token, number), '被篡改');
    await visible(phone.getByText(/签名验证未通过/));
    expect(await phone.getByText('王小明', { exact: true }).filter({ visible: true }).count()).toBe(0);
    await screenshot(phone, 'licences-05-tampered');
  }, 240_000);

  it('the issuing organisation revokes it from the decision document, and the same QR then verifies as 已吊销', async () => {
    const { page } = staff;
    const licenceLink = page.getByRole('link', { name: /^电子证照：导游证 D-/ }).filter({ visible: true });
    await licenceLink.click();
    await visible(page.getByRole('heading', { name: '导游证', level: 1 }));
    await untilVisible(page, page.getByRole('button', { name: '吊销', exact: true }));
    await page.getByRole('button', { name: '吊销', exact: true }).click();
    await visible(page.getByRole('heading', { name: '吊销', level: 2 }));
    // Reason and legal basis are required.
    await page.getByRole('button', { name: '确认吊销', exact: true }).click();
    await visible(page.getByRole('alert').filter({ hasText: '请填写原因' }));
    await page.getByLabel('原因', { exact: true }).fill('以欺骗手段取得导游证');
    await page.getByLabel('法律依据', { exact: true }).fill('《导游管理办法》第三十条');
    await page.getByRole('button', { name: '确认吊销', exact: true }).click();
    const confirm = page.locator('.taro-modal__content').filter({ hasText: '立即失效且不能恢复' });
    await visible(confirm);
    await confirm.getByText('确认吊销', { exact: true }).click();
    await visible(page.getByRole('status').filter({ hasText: '已办理：吊销' }));
    await visible(page.getByRole('alert').filter({ hasText: '该证照已被吊销，不能再使用' }));
    await visible(page.getByText('原因：以欺骗手段取得导游证').filter({ visible: true }).first());
    await screenshot(page, 'licences-06-revoked');

    const [held] = (await myLicences(citizen)).filter((l) => l.licence.caseNumber === caseNumber);
    expect(held).toMatchObject({ status: 'revoked', usable: false });
    const phone = applicant.page;
    await verifyOnPhone(phone, held!.token, '已吊销');
    await visible(phone.getByText('原因：以欺骗手段取得导游证').filter({ visible: true }));
    await screenshot(phone, 'licences-07-verify-revoked');
  }, 120_000);
});
