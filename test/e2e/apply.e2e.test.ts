import { isCaseNumber } from '@ah-tourism/shared';
import { api } from '../support/api';
import { asUser, newUser, signInAs, validCreditCode, validResidentId } from '../support/applications';
import { leaveField, openGuideFromSearch, pdfFile, pngFile, upload } from '../support/apply-phone';
import { expectAccessible } from '../support/axe';
import { openPhone, screenshot, visible } from '../support/browser';
import { chooseOnLoginPage, openApp } from '../support/login-phone';

/**
 * The applicant's story on a phone-sized H5 app (375×812), against the real local stack: a travel
 * business in 黄山市 applies for 旅行社业务经营许可 through its 经办人, signed in as the local
 * stage's enterprise persona (WeChat login cannot happen in a browser). Tapping 在线申请 signed out
 * leads through the login page to the form. A wrong identity number is caught next to its field;
 * every material is a real file uploaded to (local) S3; the unfinished application survives leaving
 * the page and is found again by the same user in another browser; the submission creates one case,
 * which 我的办件 lists with its number and status.
 */

const ITEM = '旅行社业务经营许可';
const AGENT_ID = validResidentId('34100219900307123');
// Same birth date and sequence, wrong check character.
const AGENT_ID_WRONG_CHECK = `${AGENT_ID.slice(0, 17)}${AGENT_ID.endsWith('0') ? '1' : '0'}`;
const CREDIT_CODE = validCreditCode('91341000MA2T3K4L5');
const CASE_NUMBER = /^\d{8}\d{6}[0-9A-Z]{8}$/;
/** The enterprise persona (李四, 企业经办人); the citizen persona is the notifications test's. */
const PERSONA = 'enterprise';

describe('applying online for 旅行社业务经营许可 (H5, Chromium)', () => {
  let phone: Awaited<ReturnType<typeof openPhone>>;
  let caseNumber = '';
  /** The persona's own access token, to check what the server keeps. */
  let token = '';

  beforeAll(async () => {
    phone = await openPhone();
    token = (await signInAs(PERSONA)).accessToken;
  }, 60_000);

  afterAll(async () => {
    await phone?.close();
  });

  it('finds the 黄山市 guide; 在线申请 signed out goes through the login page to the form', async () => {
    const { page } = phone;
    await page.goto(process.env.H5_URL!);
    await openGuideFromSearch(page, ITEM, '黄山市', '黄山市文化和旅游局');
    await page.getByRole('button', { name: `在线申请${ITEM}` }).click();

    // Signed out: the developer login lists the personas by group.
    await visible(page.getByRole('heading', { name: '本地开发登录' }));
    for (const group of ['群众与企业', '市级工作人员', '省级工作人员']) await visible(page.getByRole('heading', { name: group, level: 3 }));
    await screenshot(page, 'apply-00-login');
    await chooseOnLoginPage(page, PERSONA);

    await visible(page.getByText('受理单位：黄山市文化和旅游局'));
    await visible(page.getByText('申请人信息'));
    await screenshot(page, 'apply-01-form');
    await expectAccessible(page, 'the application form');
  }, 120_000);

  it('explains a wrong identity number right under the field, and accepts the corrected one', async () => {
    const { page } = phone;
    await page.getByLabel('申请企业名称').fill('黄山云海旅行社有限公司');
    await page.getByLabel('申请企业统一社会信用代码').fill(CREDIT_CODE);
    await page.getByLabel('法定代表人姓名').fill('汪明');
    await page.getByLabel('经办人姓名').fill('程晓雨');

    const idField = page.locator('#f-applicant-agent-idNumber');
    const idInput = page.getByLabel('经办人身份证号码');
    await idInput.fill(AGENT_ID_WRONG_CHECK);
    await leaveField(page);
    const idError = idField.getByRole('alert');
    await visible(idError);
    expect(await idError.textContent()).toBe('身份证号码校验位不正确，请逐位核对后重新输入');
    expect(await idInput.getAttribute('aria-invalid')).toBe('true');
    await idInput.scrollIntoViewIfNeeded();
    await screenshot(page, 'apply-02-wrong-id-number');

    await idInput.fill(AGENT_ID);
    await leaveField(page);
    await idField.getByRole('alert').waitFor({ state: 'detached' });
    expect(await idInput.getAttribute('aria-invalid')).toBeNull();

    await page.getByLabel('经办人手机号码').fill('13955912345');
    await page.getByLabel('旅行社中文名称').fill('黄山云海旅行社有限公司');
    await page.getByLabel('经营场所地址').fill('黄山市屯溪区新安北路88号2楼');
    await page.getByRole('radio', { name: '自有产权' }).click();
    await page.getByLabel('注册资本（万元）').fill('30');
  }, 60_000);

  it('tells everything still missing at once, then uploads each material as a real file', async () => {
    const { page } = phone;
    // Issued licences are referenced, not uploaded (减证便民).
    const licence = page.getByRole('group', { name: '营业执照', exact: true });
    await visible(licence.getByText('免提交，由电子证照自动获取'));
    await visible(licence.getByText(/证照名称：营业执照/));
    expect(await licence.locator('input[type=file]').count()).toBe(0);

    await page.getByRole('button', { name: '提交申请' }).click();
    const applicationSlot = page.getByRole('group', { name: '旅行社业务经营许可申请书', exact: true });
    await visible(applicationSlot.getByText('请上传“旅行社业务经营许可申请书”'));
    await visible(page.getByRole('group', { name: '授权委托书', exact: true }).filter({ hasText: '企业委托经办人办理的' }).getByText('请上传“授权委托书”'));
    await screenshot(page, 'apply-03-missing-materials');

    const slot = (material: string) => page.getByRole('group', { name: material, exact: true });
    const agentLetter = slot('授权委托书').filter({ hasText: '企业委托经办人办理的' });
    await upload(applicationSlot, '上传旅行社业务经营许可申请书', pdfFile('旅行社业务经营许可申请书.pdf'));
    await upload(slot('法定代表人履历表'), '上传法定代表人履历表', pdfFile('法定代表人履历表.pdf'));
    await upload(slot('营业设施设备说明及经营场所照片'), '上传营业设施设备说明及经营场所照片', pngFile('营业场所门头.png'));
    // Named .pdf but not a PDF: only the server can tell (it reads the stored file's first bytes).
    const notPdf = { ...pdfFile('经营管理人员和导游名单.pdf'), buffer: Buffer.from('这不是PDF文件') };
    await upload(slot('经营管理人员和导游名单'), '上传经营管理人员和导游名单', notPdf);
    await upload(agentLetter, '上传授权委托书（企业委托经办人办理的）', pdfFile('经办人授权委托书.pdf'));
    await expect(applicationSlot.getByText('请上传“旅行社业务经营许可申请书”').count()).resolves.toBe(0);

    // A material can be replaced before submission.
    const photos = slot('营业设施设备说明及经营场所照片');
    await upload(photos, '替换文件营业场所门头.png', pngFile('营业场所门头-新.png'));
    expect(await photos.getByText('营业场所门头.png', { exact: true }).count()).toBe(0);
    await page.getByText('营业场所门头-新.png', { exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, 'apply-04-materials-uploaded');

    await visible(page.getByText('草稿已自动保存，可在“我的”中继续填写'));
  }, 90_000);

  it('keeps the unfinished application: leaving and reopening the item restores the form', async () => {
    const { page } = phone;
    const applyButton = page.getByRole('button', { name: `在线申请${ITEM}` });
    await page.goBack();
    await visible(applyButton);
    await page.goBack();
    await applyButton.waitFor({ state: 'detached' });
    await visible(page.getByText(`“${ITEM}”的搜索结果`));
    await page.getByRole('link', { name: new RegExp(`${ITEM}.*黄山市文化和旅游局`) }).filter({ visible: true }).first().click();
    await applyButton.click();

    await visible(page.getByText(/^已恢复您于.+保存的草稿$/));
    await expect(page.getByLabel('经办人身份证号码').inputValue()).resolves.toBe(AGENT_ID);
    await expect(page.getByLabel('申请企业名称').inputValue()).resolves.toBe('黄山云海旅行社有限公司');
    await expect(page.getByRole('radio', { name: '自有产权' }).getAttribute('aria-checked')).resolves.toBe('true');
    await visible(page.getByText('营业场所门头-新.png', { exact: true }));
    await visible(page.getByText('经办人授权委托书.pdf', { exact: true }));
    await screenshot(page, 'apply-05-draft-restored');

    // The server keeps it too, under this applicant only.
    const drafts = await api('/drafts', { headers: asUser(token) });
    expect(drafts.body.drafts).toEqual([expect.objectContaining({ itemName: ITEM })]);
    expect((await api('/drafts', { headers: asUser(await newUser()) })).body.drafts).toEqual([]);
  }, 60_000);

  it('resumes the draft in another browser signed in as the same persona, from 我的草稿', async () => {
    const other = await openPhone();
    try {
      const { page } = other;
      await openApp(page, 'pages/mine/index');
      // Signed out, 我的 asks to sign in instead of listing anything.
      await visible(page.getByText('登录后查看草稿和办件'));
      await page.getByRole('button', { name: '登录皖旅政务' }).filter({ visible: true }).first().click();
      await chooseOnLoginPage(page, PERSONA);
      const draft = page.getByRole('link', { name: `继续填写${ITEM}的申请` });
      await visible(draft);
      await screenshot(page, 'apply-06-my-drafts');
      await draft.click();
      await visible(page.getByText(/^已恢复您于.+保存的草稿$/));
      await expect(page.getByLabel('经办人身份证号码').inputValue()).resolves.toBe(AGENT_ID);
      await expect(page.getByLabel('注册资本（万元）').inputValue()).resolves.toBe('30');
      await visible(page.getByText('旅行社业务经营许可申请书.pdf', { exact: true }));
    } finally {
      await other.close();
    }
  }, 90_000);

  it('shows the server\'s verdict on a file next to that file, then submits once and shows the case number', async () => {
    const { page } = phone;
    await page.getByRole('button', { name: '提交申请' }).click();
    const staffList = page.getByRole('group', { name: '经营管理人员和导游名单', exact: true });
    await visible(staffList.getByText('“经营管理人员和导游名单”不是有效的 PDF、JPG 或 PNG 文件，请重新上传'));
    await staffList.scrollIntoViewIfNeeded();
    await screenshot(page, 'apply-07-file-refused');
    await upload(staffList, '替换文件经营管理人员和导游名单.pdf', pdfFile('经营管理人员和导游名单（盖章）.pdf'));
    expect(await staffList.getByRole('alert').count()).toBe(0);

    // The retry reuses the application's idempotency key (nothing was created by the refused attempt).
    await page.getByRole('button', { name: '提交申请' }).click();
    await visible(page.getByRole('heading', { name: '提交成功', level: 1 }), 30_000);
    caseNumber = (await page.locator('.submitted__number').textContent())?.trim() ?? '';
    expect(caseNumber).toMatch(CASE_NUMBER);
    expect(isCaseNumber(caseNumber)).toBe(true);
    expect(caseNumber.slice(8, 14)).toBe('341000');
    await visible(page.getByText('待预审'));
    await screenshot(page, 'apply-08-submitted');

    // Exactly one case, and the draft is gone.
    const cases = await api('/cases', { headers: asUser(token) });
    const numbers = cases.body.cases.map((c: { caseNumber: string }) => c.caseNumber);
    expect(numbers.filter((n: string) => n === caseNumber)).toEqual([caseNumber]);
    expect(cases.body.cases.filter((c: { itemName: string }) => c.itemName === ITEM)).toHaveLength(1);
    expect((await api('/drafts', { headers: asUser(token) })).body.drafts).toEqual([]);
  }, 60_000);

  it('lists the case in 我的办件 with its number and status, and opens its detail', async () => {
    const { page } = phone;
    await page.getByRole('button', { name: '查看我的办件' }).click();
    const card = page.getByRole('link', { name: `${ITEM}，待预审，办件编号${caseNumber}` });
    await visible(card);
    await visible(card.getByText(caseNumber));
    await visible(card.getByText('待预审'));
    await visible(page.getByText('没有未完成的申请'));
    await screenshot(page, 'apply-09-my-cases');

    await card.click();
    // 我的 stays mounted behind the detail page in H5: wait until it is out of sight.
    await card.waitFor({ state: 'hidden' });
    await visible(page.getByRole('heading', { name: ITEM, level: 1 }));
    await visible(page.getByText(caseNumber).filter({ visible: true }));
    await visible(page.getByText('程**'));
    await visible(page.getByText('旅行社业务经营许可申请书.pdf'));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载旅行社业务经营许可申请书.pdf' }).click();
    expect((await download).suggestedFilename()).toBe('旅行社业务经营许可申请书.pdf');
    await screenshot(page, 'apply-10-case-detail');
  }, 60_000);
});
