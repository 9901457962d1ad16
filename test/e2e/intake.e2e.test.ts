import { commitmentTextHash, isCaseNumber, type ImplementationItem } from '@ah-tourism/shared';
import type { Page } from 'playwright-core';
import { api } from '../support/api';
import { asUser, signInAs, travelAgencyItem, validCreditCode, validResidentId } from '../support/applications';
import { leaveField, openGuideFromSearch, pdfFile, pngFile, upload } from '../support/apply-phone';
import { openPhone, screenshot, visible } from '../support/browser';
import { HUANGSHAN_BUREAU_NAME, TRAVEL_AGENCY, settle, slot, switchPersona, untilVisible } from '../support/lifecycle-phone';
import { chooseOnLoginPage, openApp, openMineEntry } from '../support/login-phone';

/**
 * 告知承诺制 and 线上线下联合办理 on a phone-sized H5 app (375×812) against the real local stack. A travel
 * business's 经办人 (the walk-in persona, 王五) applies online for 旅行社业务经营许可 and replaces 营业设施设备说明
 * by the guide's commitment: read and confirmed in the form, nothing uploaded; the pre-review clerk sees the
 * signed text and its SM3 hash. Then 王五 goes to the hall: the window (周窗口) enters the walk-in
 * application with scanned materials, confirms the commitment only with 申请人已当面签署, and hands over the
 * receipt; 王五 signs in on the phone, claims the case with the receipt's code and finds it under 我的办件.
 */

const PERSONA = 'walk-in';
const FACILITIES = '营业设施设备说明及经营场所照片';

/** The enterprise, its 经办人 and the item's fields, as typed on the form (online or at the window). */
async function fillTravelAgency(page: Page, enterprise: string, creditCodeBody: string) {
  await page.getByLabel('申请企业名称').fill(enterprise);
  await page.getByLabel('申请企业统一社会信用代码').fill(validCreditCode(creditCodeBody));
  await page.getByLabel('法定代表人姓名').fill('王建国');
  await page.getByLabel('经办人姓名').fill('王五');
  await page.getByLabel('经办人身份证号码').fill(validResidentId('34100219850412301'));
  await page.getByLabel('经办人手机号码').fill('13955918866');
  await page.getByLabel('旅行社中文名称').fill(enterprise);
  await page.getByLabel('经营场所地址').fill('黄山市屯溪区延安路9号');
  await page.getByRole('radio', { name: '自有产权' }).click();
  await page.getByLabel('注册资本（万元）').fill('40');
  await leaveField(page);
}

/** Every material but 营业设施, uploaded (on the phone: photos; at the window: scans). */
async function uploadOthers(page: Page) {
  await upload(slot(page, '旅行社业务经营许可申请书'), '上传旅行社业务经营许可申请书', pdfFile('申请书扫描件.pdf'));
  await upload(slot(page, '法定代表人履历表'), '上传法定代表人履历表', pdfFile('履历表扫描件.pdf'));
  await upload(slot(page, '经营管理人员和导游名单'), '上传经营管理人员和导游名单', pdfFile('人员名单扫描件.pdf'));
  await upload(slot(page, '授权委托书').filter({ hasText: '企业委托经办人办理的' }), '上传授权委托书（企业委托经办人办理的）', pdfFile('授权委托书扫描件.pdf'));
}

/** Chooses 告知承诺 for 营业设施: the slot then shows the text and the confirmation, and no upload. */
async function chooseCommitment(page: Page, text: string) {
  const facilities = slot(page, FACILITIES);
  await facilities.getByRole('radio', { name: '告知承诺（免提交）' }).click();
  await visible(facilities.getByRole('document', { name: `“${FACILITIES}”的承诺内容` }));
  await visible(facilities.getByText(text, { exact: true }));
  await visible(facilities.getByText(/^承诺不实的后果：/));
  expect(await facilities.locator('input[type=file]').count()).toBe(0);
  return facilities;
}

describe('告知承诺 in the form and hall intake (H5, Chromium)', () => {
  let phone: Awaited<ReturnType<typeof openPhone>>;
  let item: ImplementationItem;
  let text = '';
  let onlineCase = '';
  let receipt = { caseNumber: '', claimCode: '' };

  beforeAll(async () => {
    phone = await openPhone();
    item = await travelAgencyItem();
    text = item.guide.materials.find((m) => m.id === 'facilities')!.commitment!.text;
  }, 60_000);

  afterAll(async () => {
    await phone?.close();
  });

  it('the applicant confirms a commitment in the form instead of uploading, and the case shows it', async () => {
    const { page } = phone;
    await page.goto(process.env.H5_URL!);
    await openGuideFromSearch(page, TRAVEL_AGENCY, '黄山市', HUANGSHAN_BUREAU_NAME);
    await page.getByRole('button', { name: `在线申请${TRAVEL_AGENCY}` }).click();
    await chooseOnLoginPage(page, PERSONA);
    await visible(page.getByText(`受理单位：${HUANGSHAN_BUREAU_NAME}`));

    await fillTravelAgency(page, '黄山迎客松旅行社有限公司', '91341000MA2W8C5D6');
    await uploadOthers(page);
    const facilities = await chooseCommitment(page, text);
    await screenshot(page, 'intake-01-commitment-in-form');

    // Not yet confirmed: the slot says what is missing.
    await page.getByRole('button', { name: '提交申请' }).click();
    await visible(facilities.getByText(`请上传“${FACILITIES}”，或阅读并确认告知承诺`));
    await facilities.getByRole('checkbox', { name: '本人已阅读并承诺：以上承诺真实有效，愿意承担承诺不实的法律责任' }).click();
    await visible(facilities.getByRole('checkbox', { checked: true }));
    await page.getByRole('button', { name: '提交申请' }).click();
    await visible(page.getByRole('heading', { name: '提交成功', level: 1 }), 30_000);
    onlineCase = ((await page.locator('.submitted__number').textContent()) ?? '').trim();
    expect(isCaseNumber(onlineCase)).toBe(true);

    // The case page: 营业设施 is promised, with the time and the text, and no file.
    await openApp(page, `pages/cases/detail/index?caseNumber=${onlineCase}`);
    const material = page.getByRole('listitem').filter({ hasText: FACILITIES }).filter({ hasText: '已承诺（告知承诺制）' });
    await untilVisible(page, material);
    await visible(material.getByText(/^承诺时间：/));
    await visible(material.getByText(text, { exact: true }));
    expect(await material.getByText('未提交文件').count()).toBe(0);
    await material.scrollIntoViewIfNeeded();
    await screenshot(page, 'intake-02-case-shows-commitment');
  }, 180_000);

  it('staff see the signed text and its SM3 hash on the case', async () => {
    const { page } = phone;
    await switchPersona(page, 'city-pre_review');
    await openApp(page, `pages/staff/case/index?caseNumber=${onlineCase}`);
    const material = page.getByRole('listitem').filter({ hasText: FACILITIES }).filter({ hasText: '已承诺（告知承诺制）' });
    await untilVisible(page, material);
    await visible(material.getByText(text, { exact: true }));
    await visible(material.getByText(`承诺内容摘要（SM3）：${commitmentTextHash(text)}`));
    await visible(material.getByText('✓ 摘要与办事指南的承诺内容一致'));
    await material.scrollIntoViewIfNeeded();
    await screenshot(page, 'intake-03-staff-sees-signed-text');
  }, 120_000);

  it('the hall window enters a walk-in case and hands over the receipt', async () => {
    const { page } = phone;
    await switchPersona(page, 'city-hall_window');
    await openMineEntry(page, '工作台');
    const link = page.getByRole('link', { name: '窗口受理' }).filter({ visible: true });
    await untilVisible(page, link);
    await link.click();
    const choice = page.getByRole('button', { name: `受理${TRAVEL_AGENCY}`, exact: true });
    await untilVisible(page, choice);
    await settle(page);
    await screenshot(page, 'intake-04-choose-item');
    await choice.click();
    await untilVisible(page, page.getByText(`受理单位：${HUANGSHAN_BUREAU_NAME}`));

    await fillTravelAgency(page, '黄山迎客松旅行社有限公司', '91341000MA2W8C5D6');
    await uploadOthers(page);
    const facilities = await chooseCommitment(page, text);
    await facilities.getByRole('checkbox', { name: '申请人已阅读上述承诺内容，并已当面签署承诺书' }).click();

    // Without 申请人已当面签署 the window may not confirm a commitment for the person.
    await page.getByRole('button', { name: '提交窗口受理' }).click();
    const signed = page.locator('#f-signedInPerson');
    await visible(signed.getByRole('alert').filter({ hasText: '须由申请人当面签署' }));
    await signed.getByRole('checkbox', { name: '申请人已当面签署告知承诺书' }).click();
    await page.getByRole('button', { name: '提交窗口受理' }).click();

    const shown = page.getByRole('region', { name: '受理回执' });
    await visible(shown, 30_000);
    await visible(shown.getByText('服务大厅窗口', { exact: true }));
    await visible(shown.getByText('周窗口', { exact: true }));
    await visible(shown.getByText(`${FACILITIES}：告知承诺（申请人当面签署）`));
    receipt = {
      caseNumber: ((await shown.locator('.case-header__number').textContent()) ?? '').trim(),
      claimCode: ((await shown.locator('.intake__code').textContent()) ?? '').trim(),
    };
    expect(isCaseNumber(receipt.caseNumber)).toBe(true);
    expect(receipt.claimCode).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    await shown.scrollIntoViewIfNeeded();
    await screenshot(page, 'intake-05-receipt');

    // The case is in the same system: on the window channel, entered by the clerk, not yet claimed.
    const hall = (await signInAs('city-hall_window')).accessToken;
    const staffView = (await api(`/staff/cases/${receipt.caseNumber}`, { headers: asUser(hall) })).body;
    expect(staffView).toMatchObject({ channel: 'hall_window', enteredBy: '周窗口', claimed: false });
  }, 240_000);

  it('the person signs in on the phone, claims the case with the receipt and sees it under 我的办件', async () => {
    const { page } = phone;
    await switchPersona(page, PERSONA);
    const caseRow = page.getByRole('link', { name: new RegExp(`办件编号${receipt.caseNumber}`) });
    // Not theirs until claimed.
    await untilVisible(page, page.getByRole('link', { name: new RegExp(`办件编号${onlineCase}`) }).filter({ visible: true }));
    expect(await caseRow.count()).toBe(0);

    await openMineEntry(page, '认领窗口办件');
    await untilVisible(page, page.getByLabel('回执上的办件编号'));
    await page.getByLabel('回执上的办件编号').fill(receipt.caseNumber);
    await page.getByLabel('回执上的认领码').fill('ZZZZ-ZZZZ');
    await page.getByRole('button', { name: '认领', exact: true }).click();
    await visible(page.getByRole('alert').filter({ hasText: '还可尝试 4 次' }));
    await screenshot(page, 'intake-06-wrong-code');
    await page.getByLabel('回执上的认领码').fill(receipt.claimCode.toLowerCase());
    await page.getByRole('button', { name: '认领', exact: true }).click();

    // The case page of the claimed case, then 我的办件 lists it.
    await untilVisible(page, page.getByText(receipt.caseNumber, { exact: true }).filter({ visible: true }));
    await visible(page.getByText('服务大厅窗口', { exact: true }).filter({ visible: true }));
    await settle(page);
    await screenshot(page, 'intake-07-claimed-case');
    await openApp(page, 'pages/mine/index');
    await untilVisible(page, caseRow.filter({ visible: true }));
    await caseRow.filter({ visible: true }).scrollIntoViewIfNeeded();
    await screenshot(page, 'intake-08-my-cases');
  }, 180_000);
});
