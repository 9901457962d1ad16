import { openPhone, screenshot, visible } from '../support/browser';

/**
 * A tourist checks an agency and a guide before booking, without signing in (H5, 375×812): 旅行社名录
 * from the home page, 黄山市, a name fragment, the agency's page with its outlets; then 导游名录 with
 * names masked, and a search by the 导游证 number.
 */
describe('the public registries (H5, Chromium)', () => {
  let phone: Awaited<ReturnType<typeof openPhone>>;

  beforeAll(async () => {
    phone = await openPhone();
  }, 60_000);

  afterAll(async () => {
    await phone?.close();
  });

  it('finds an agency of 黄山市 by a name fragment, opens its outlets, then finds a guide by number', async () => {
    const { page } = phone;
    await page.goto(process.env.H5_URL!);
    await page.getByRole('link', { name: '旅行社名录' }).click();
    await visible(page.getByRole('heading', { name: '旅行社名录', level: 1 }));
    await visible(page.getByText('安徽省的全部名录'));

    await page.getByRole('button', { name: /切换地区/ }).filter({ visible: true }).click();
    await page.getByRole('radio', { name: '黄山市' }).click();
    await visible(page.getByText('黄山市的全部名录'));
    await visible(page.getByRole('link', { name: /黄山新安江国际旅行社有限公司/ }));
    await screenshot(page, 'registry-01-agencies-huangshan');

    await page.getByPlaceholder('旅行社名称或许可证编号').filter({ visible: true }).fill('徽墨');
    await page.getByRole('button', { name: '查询', exact: true }).filter({ visible: true }).click();
    await visible(page.getByText('“徽墨”的查询结果'));
    await page.getByRole('link', { name: /黄山徽墨行旅行社有限公司/ }).click();
    await visible(page.getByRole('heading', { name: '黄山徽墨行旅行社有限公司', level: 1 }));
    await visible(page.getByText('黄山徽墨行旅行社有限公司西递服务网点'));
    await visible(page.getByText('未备案分社'));
    await screenshot(page, 'registry-02-agency-outlets');

    await page.goBack();
    await page.getByRole('button', { name: '切换到导游名录' }).filter({ visible: true }).click();
    await visible(page.getByRole('heading', { name: '导游名录', level: 1 }));
    // The same city as the agencies were shown for.
    await visible(page.getByText('黄山市的全部名录'));
    const first = page.locator('.registry-card').filter({ visible: true }).first();
    await visible(first);
    const number = (await first.locator('.registry-row__value').first().innerText()).trim();
    expect(number).toMatch(/^D-AH-\d{4}-\d{4}-\d{5}$/);
    await screenshot(page, 'registry-03-guides');
    await page.getByPlaceholder('导游姓名、执业单位或导游证编号').filter({ visible: true }).fill(number.toLowerCase());
    await page.getByRole('button', { name: '查询', exact: true }).filter({ visible: true }).click();
    await visible(page.getByText(`按编号 ${number} 查询`));
    await visible(page.locator('.registry-card__name').filter({ visible: true, hasText: /^.\*+$/ }).first());
    await screenshot(page, 'registry-04-guide-by-number');
  }, 120_000);
});
