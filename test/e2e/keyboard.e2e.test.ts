import { randomUUID } from 'node:crypto';
import type { FileChooser, Page } from 'playwright-core';
import type { Session } from '@ah-tourism/shared';
import { api } from '../support/api';
import { asUser, signInWithWechat, validCreditCode, validResidentId } from '../support/applications';
import { pdfFile, pngFile } from '../support/apply-phone';
import { expectAccessible } from '../support/axe';
import { screenshot, visible } from '../support/browser';
import { arrowTo, focused, tabTo } from '../support/keyboard';
import { openApp } from '../support/login-phone';
import { openPhoneSignedIn } from '../support/signed-in-phone';

/**
 * The whole apply story by keyboard only, on the phone-sized H5 app (375×812): no clicks and no taps, only
 * Tab and Shift+Tab, Enter and Space, arrow keys and typing. A newcomer signed in with WeChat opens the
 * 黄山市 guide of 旅行社业务经营许可, presses 在线申请, fills every field (the property choice with the
 * arrow keys), chooses each material through the file chooser the keyboard opens, submits and reaches 提交成功.
 * On the way: the control with focus shows a focus ring, and search suggestions are reached with ArrowDown.
 */

const ITEM = '旅行社业务经营许可';

type Phone = Awaited<ReturnType<typeof openPhoneSignedIn>>;

/** Tabs to the field named `label` and types into it, then leaves it with Tab (as people do). */
async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const field = await tabTo(page, label);
  expect(field.tag).toBe('input');
  await page.keyboard.type(text);
}

/** Tabs to the material's file input, opens the chooser with Space and hands it the file. */
async function chooseFile(page: Page, label: string, file: ReturnType<typeof pdfFile>): Promise<void> {
  await tabTo(page, label);
  // Space opens a focused file input; on a busy machine the first press sometimes opened nothing (the previous
  // upload's re-render had just replaced the input), so Enter, the other key that activates it, is tried next.
  let chooser: FileChooser;
  try {
    [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5_000 }), page.keyboard.press('Space')]);
  } catch {
    if ((await focused(page)).name !== label) await tabTo(page, label);
    [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10_000 }), page.keyboard.press('Enter')]);
  }
  await chooser.setFiles(file);
  await visible(page.getByText(file.name, { exact: true }), 20_000);
}

describe('the apply story by keyboard only (H5, Chromium)', () => {
  let phone: Phone;
  let session: Session;

  beforeAll(async () => {
    session = await signInWithWechat(`keys-${randomUUID().replace(/-/g, '')}`);
    phone = await openPhoneSignedIn(session);
  }, 60_000);

  afterAll(async () => {
    await phone?.close();
  }, 60_000);

  it('searches from home with suggestions reached by ArrowDown, and opens the 黄山市 guide by Enter', async () => {
    const { page } = phone;
    await openApp(page, 'pages/home/index');
    await visible(page.getByRole('button', { name: /切换地区/ }).filter({ visible: true }).first());

    // The region: the switcher by Tab and Enter, then 黄山市 in the radio group by arrows and Space.
    await tabTo(page, /^切换地区/);
    await page.keyboard.press('Enter');
    const sheet = page.getByRole('dialog', { name: '选择地区' });
    await visible(sheet.getByRole('radio', { name: '黄山市' }));
    await tabTo(page, '安徽省');
    await arrowTo(page, '黄山市');
    await page.keyboard.press('Space');
    await visible(page.getByRole('button', { name: '切换地区，当前为黄山市' }).filter({ visible: true }).first());

    // Suggestions while typing; ArrowDown goes into the list and Enter chooses one.
    await tabTo(page, '搜索事项');
    await page.keyboard.type('旅行社业务');
    await visible(page.getByRole('listbox', { name: '搜索建议' }).filter({ visible: true }));
    await page.keyboard.press('ArrowDown');
    const suggestion = await focused(page);
    expect(suggestion.role).toBe('option');
    await arrowTo(page, `${ITEM}（事项）`, 'ArrowDown');
    await screenshot(page, 'keys-01-suggestion');
    await page.keyboard.press('Enter');
    await visible(page.getByText(`“${ITEM}”的搜索结果`));

    // The result for 黄山市's bureau.
    const wanted = new RegExp(`^${ITEM}.*黄山市文化和旅游局`);
    await visible(page.getByRole('link', { name: wanted }).filter({ visible: true }).first());
    const result = await tabTo(page, wanted);
    expect(result.role).toBe('link');
    expect(result.ring).toBe(true);
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { name: ITEM, level: 1 }));
  }, 120_000);

  it('presses 在线申请, fills the form, chooses every material and submits: 提交成功', async () => {
    const { page } = phone;
    const apply = await tabTo(page, `在线申请${ITEM}`);
    expect(apply).toMatchObject({ role: 'button', ring: true });
    await screenshot(page, 'keys-02-apply-focused');
    await page.keyboard.press('Enter');
    await visible(page.getByText('受理单位：黄山市文化和旅游局'));
    await expectAccessible(page, 'the application form');

    await typeInto(page, '申请企业名称', '黄山徽道旅行社有限公司');
    await typeInto(page, '申请企业统一社会信用代码', validCreditCode('91341000MA2TK3Y8P'));
    await typeInto(page, '法定代表人姓名', '胡文');
    await typeInto(page, '经办人姓名', '叶可');
    await typeInto(page, '经办人身份证号码', validResidentId('34100219930921134'));
    await typeInto(page, '经办人手机号码', '13955916655');
    await typeInto(page, '旅行社中文名称', '黄山徽道旅行社有限公司');
    await typeInto(page, '经营场所地址', '黄山市屯溪区延安路6号');

    // A radio group is one tab stop; the arrows move within it and Space chooses.
    const firstChoice = await tabTo(page, /^(自有产权|租赁（租期不少于1年）)$/);
    expect(firstChoice.role).toBe('radio');
    await arrowTo(page, '自有产权');
    await page.keyboard.press('Space');
    await expect(page.getByRole('radio', { name: '自有产权' }).getAttribute('aria-checked')).resolves.toBe('true');
    await typeInto(page, '注册资本（万元）', '40');

    await chooseFile(page, `上传${ITEM}申请书`, pdfFile(`${ITEM}申请书.pdf`));
    await chooseFile(page, '上传法定代表人履历表', pdfFile('法定代表人履历表.pdf'));
    await chooseFile(page, '上传营业设施设备说明及经营场所照片', pngFile('经营场所门头.png'));
    await chooseFile(page, '上传经营管理人员和导游名单', pdfFile('经营管理人员和导游名单.pdf'));
    await chooseFile(page, '上传授权委托书（企业委托经办人办理的）', pdfFile('授权委托书.pdf'));
    await screenshot(page, 'keys-03-materials');

    const submit = await tabTo(page, '提交申请');
    expect(submit).toMatchObject({ role: 'button', ring: true });
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { name: '提交成功', level: 1 }), 30_000);
    await page.getByText('正在读取办件信息…').waitFor({ state: 'detached', timeout: 30_000 });
    await screenshot(page, 'keys-04-submitted');
    await expectAccessible(page, '提交成功');

    const cases = await api('/cases', { headers: asUser(session.accessToken) });
    expect(cases.body.cases).toEqual([expect.objectContaining({ itemName: ITEM, organisationName: '黄山市文化和旅游局', statusLabel: '待预审' })]);
  }, 300_000);
});
