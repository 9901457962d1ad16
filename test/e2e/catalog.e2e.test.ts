import { openPhone, screenshot, settled, visible } from '../support/browser';

/**
 * The newcomer's story on a phone-sized H5 app (375×812): search 导游 on the home page, open the
 * 导游证核发 guide and read its materials, then switch the region to 黄山市 and see that city's items.
 */
describe('finding a service item and reading its guide (H5, Chromium)', () => {
  let phone: Awaited<ReturnType<typeof openPhone>>;

  beforeAll(async () => {
    phone = await openPhone();
  }, 60_000);

  afterAll(async () => {
    await phone?.close();
  });

  it('searches 导游, opens 导游证核发, reads its materials, and switches to 黄山市', async () => {
    const { page } = phone;
    await page.goto(process.env.H5_URL!);

    await page.getByPlaceholder('搜索事项名称，如：导游证').fill('导游');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await visible(page.getByText('“导游”的搜索结果'));
    const result = page.getByRole('link', { name: /导游证核发/ }).first();
    await visible(result);
    await screenshot(page, '01-search-results');

    await result.click();
    await visible(page.getByRole('heading', { name: '导游证核发', level: 1 }));
    await visible(page.getByRole('heading', { name: /申请材料/, level: 2 }));
    await visible(page.getByText('导游人员资格证书').first());
    await visible(page.getByText('免提交，由电子证照自动获取').first());
    await visible(page.getByRole('link', { name: /拨打咨询电话/ }).first());
    await screenshot(page, '02-guide-daoyouzheng');

    // Back to the list (once the guide has slid in: going back earlier leaves the list blank), clear the
    // search, then switch the region from the province to 黄山市.
    await settled(page.getByRole('heading', { name: '导游证核发', level: 1 }));
    await page.goBack();
    await page.getByRole('button', { name: '清除搜索内容' }).filter({ visible: true }).click();
    await visible(page.getByText('安徽省的事项'));
    await page.getByRole('button', { name: /切换地区/ }).filter({ visible: true }).click();
    await page.getByRole('radio', { name: '黄山市' }).click();
    await visible(page.getByText('黄山市的事项'));
    await visible(page.getByRole('link', { name: /旅行社服务网点设立备案/ }).first());
    await visible(page.getByRole('link', { name: /黄山市文化和旅游局/ }).first());
    await screenshot(page, '03-huangshan-items');
  }, 120_000);

  it('opens a guide directly from a deep link, as the provincial portal links in', async () => {
    // A fresh tab, as when the portal opens the link.
    const page = await phone.context.newPage();
    const list = await fetch(`${process.env.API_URL}/catalog/items?region=341000&keyword=${encodeURIComponent('导游')}`);
    const { items } = (await list.json()) as { items: { implementationCode: string; name: string }[] };
    const guide = items.find((i) => i.name === '导游证核发');
    expect(guide).toBeDefined();
    await page.goto(`${process.env.H5_URL}/#/pages/guide/index?code=${guide!.implementationCode}`);
    await visible(page.getByRole('heading', { name: '导游证核发', level: 1 }));
    await visible(page.getByText('黄山市文化和旅游局').first());
    await screenshot(page, '04-deep-link');
  }, 60_000);

  it('shows a clear message for a deep link to an item that does not exist', async () => {
    const page = await phone.context.newPage();
    await page.goto(`${process.env.H5_URL}/#/pages/guide/index?code=0199999000234000011340000003325011J`);
    await visible(page.getByText(/未找到该事项/));
    await screenshot(page, '05-deep-link-not-found');
  }, 60_000);
});
