import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { openPhone, screenshot, visible } from '../support/browser';
import { travelAgencyItem, validResidentId } from '../support/applications';
import { openMineEntry, signInOnPhone } from '../support/login-phone';

const ORGANISATION = '113410000039113649';
const HEADER = '办件编号,事项编码,实施机构代码,申请人类型,申请人名称,证件号码,联系电话,申请时间,受理时间,办件状态,办结时间,办理结果,办理环节';

/**
 * 工作台 › 导入全国平台办件 on a phone-sized H5 app against the real local stack: 郑管理 (单位管理员, 黄山市文化和旅游局)
 * chooses the national system's export, imports it, reads which row was refused and why, downloads the report,
 * imports the same file again (nothing written twice) and finds the imported cases in the workbench under their source.
 */
describe('importing national records in the workbench (H5, Chromium)', () => {
  let phone: Awaited<ReturnType<typeof openPhone>>;
  const run = randomUUID().slice(0, 8).toUpperCase();
  let csv = '';

  beforeAll(async () => {
    phone = await openPhone();
    const item = await travelAgencyItem();
    const id = validResidentId('34100219900307123');
    csv = [
      HEADER,
      `QG-${run}-1,${item.implementationCode},${ORGANISATION},个人,程晓雨,${id},13955912345,2024-09-02 09:00,2024-09-02 10:00,已办结,2024-09-10 16:00,准予许可,现场核查@2024-09-05 14:00`,
      `QG-${run}-2,0100117000,${ORGANISATION},个人,程晓雨,${id},,2024-09-03 09:00,2024-09-03 10:00,办理中,,,`,
      `QG-${run}-3,0100117000,${ORGANISATION},个人,李四,${id.slice(0, 17)}${id.endsWith('0') ? '1' : '0'},,2024-09-03 09:00,2024-09-03 10:00,办理中,,,`,
    ].join('\r\n');
  }, 60_000);

  afterAll(async () => {
    await phone?.close();
  });

  const chooseFile = async () => {
    const { page } = phone;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择要导入的 CSV 或 JSON 文件' }).filter({ visible: true }).click();
    await (await chooser).setFiles({ name: '全国平台导出.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });
    await visible(page.getByText('已选择：全国平台导出.csv（约 3 条）'));
  };

  it('imports a file: counts, each refused row with its field and problem, the report to download', async () => {
    const { page } = phone;
    await signInOnPhone(page, 'city-org_admin');
    await openMineEntry(page, '工作台');
    await page.getByRole('link', { name: '导入全国平台办件' }).filter({ visible: true }).click();
    await visible(page.getByRole('heading', { name: '导入全国旅游监管服务平台办件', level: 1 }));
    // The layout is on the page: required columns marked with *, not by colour alone.
    await visible(page.getByText('办件编号*', { exact: true }));
    await visible(page.getByText('办理环节', { exact: true }));

    await chooseFile();
    await page.getByRole('button', { name: '开始导入所选文件' }).filter({ visible: true }).click();
    await visible(page.getByText('共 3 条：导入 2 条，已导入未重复写入 0 条，未导入 1 条'));
    await visible(page.getByText(/^第4行 · 证件号码：身份证号码不正确/));
    await visible(page.getByText(new RegExp(`^第2行 · QG-${run}-1 → \\d{14}[0-9A-Z]{8}（已导入）$`)));
    await screenshot(page, 'national-import-01-result');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /^下载.*的导入报告（CSV）$/ }).filter({ visible: true }).first().click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^全国平台办件导入报告_.*\.csv$/);
    const report = readFileSync((await file.path())!, 'utf8');
    expect(report.charCodeAt(0)).toBe(0xfeff);
    expect(report).toContain(`4,QG-${run}-3,未导入,证件号码,身份证号码不正确`);
  }, 120_000);

  it('imports the same file again without writing anything twice, and lists both imports', async () => {
    const { page } = phone;
    await chooseFile();
    await page.getByRole('button', { name: '开始导入所选文件' }).filter({ visible: true }).click();
    await visible(page.getByText('共 3 条：导入 0 条，已导入未重复写入 2 条，未导入 1 条'));
    await visible(page.getByText(new RegExp(`^第2行 · QG-${run}-1 → .*（已导入，未重复写入）$`)));
    await visible(page.getByText('导入 0 · 未重复写入 2 · 未导入 1'));
    await visible(page.getByText('导入 2 · 未重复写入 0 · 未导入 1').first());
  }, 60_000);

  it('shows the imported cases in the workbench under their source, read-only', async () => {
    const { page } = phone;
    await openMineEntry(page, '工作台');
    await page.getByRole('radio', { name: '全国旅游监管服务平台导入' }).filter({ visible: true }).click();
    const row = page.getByRole('link', { name: /来源全国旅游监管服务平台/ }).filter({ visible: true }).first();
    await visible(row);
    await visible(page.getByText('来源：全国旅游监管服务平台').first());
    await screenshot(page, 'national-import-02-workbench');
    await row.click();
    await visible(page.getByText('该办件在全国旅游监管服务平台办理后导入，仅可查看；后续办理请在全国旅游监管服务平台进行'));
    await visible(page.getByText(/^QG-[0-9A-Z]+-\d+$/));
  }, 60_000);
});
