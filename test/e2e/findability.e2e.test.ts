import { randomUUID } from 'node:crypto';
import { ITEM_TYPES, type Session } from '@ah-tourism/shared';
import { facetsResponseSchema } from '@ah-tourism/shared/src/search/api';
import { api, REQUEST_BUDGET_MS } from '../support/api';
import { asUser, signInWithWechat, validCreditCode, validResidentId } from '../support/applications';
import { leaveField, pdfFile, pngFile, upload } from '../support/apply-phone';
import { openPhone, screenshot, settled, visible } from '../support/browser';

/**
 * The newcomer's story on a phone-sized H5 app (375×812): at the default region 安徽省 they type what
 * they mean (开旅行社), not the item's official name, see suggestions, find the city-level
 * 旅行社业务经营许可 marked 市级, pick 黄山市 and apply. Also: a search that finds nothing says what to do;
 * the type chips are only those with items; the chosen city is remembered and named on home; 一件事.
 * The newcomer is a fresh WeChat user (a session put in the app's storage, as after WeChat sign-in).
 */

const ITEM = '旅行社业务经营许可';
const SESSION_KEY = 'ah-tourism.session';
type BrowserGlobal = { localStorage: { setItem(key: string, value: string): void } };

/** Reads until the value equals `expected` (lists render as their data arrives), then asserts it. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeout = 15_000): Promise<void> {
  const until = Date.now() + timeout;
  let value = await read();
  while (JSON.stringify(value) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  expect(value).toEqual(expected);
}

describe('findability: search across levels, phrasings, suggestions, chips, 一件事 (H5, Chromium)', () => {
  let phone: Awaited<ReturnType<typeof openPhone>>;
  let session: Session;

  beforeAll(async () => {
    phone = await openPhone();
    session = await signInWithWechat(`find-${randomUUID().replace(/-/g, '')}`);
    await phone.context.addInitScript(
      ([key, value]) => {
        const storage = (globalThis as unknown as BrowserGlobal).localStorage;
        // Only on first load: later loads keep what the app itself stored (the chosen region, a renewed session).
        if (!(globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem('find-seeded')) {
          storage.setItem(key, value);
          (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('find-seeded', '1');
        }
      },
      [SESSION_KEY, JSON.stringify({ data: session })] as const,
    );
  }, 60_000);

  afterAll(async () => {
    await phone?.close();
  });

  it('from 安徽省 home, 开旅行社 finds the 市级 旅行社业务经营许可; picking 黄山市 opens its guide', async () => {
    const { page } = phone;
    await page.goto(process.env.H5_URL!);
    await visible(page.getByText('安徽省文化和旅游厅 · 政务服务'));
    // Hot searches while the field is empty.
    await visible(page.getByRole('group', { name: '热门搜索' }).filter({ visible: true }).first());
    await visible(page.getByRole('button', { name: '热门搜索：开旅行社' }).filter({ visible: true }).first());

    await page.getByPlaceholder('搜索事项名称，如：导游证').fill('开旅行社');
    const suggestions = page.getByRole('listbox', { name: '搜索建议' }).filter({ visible: true });
    await visible(suggestions);
    await visible(suggestions.getByRole('option', { name: `${ITEM}（事项）` }));
    await screenshot(page, 'find-01-suggestions');

    await page.getByRole('button', { name: '搜索', exact: true }).filter({ visible: true }).first().click();
    await visible(page.getByText('“开旅行社”的搜索结果'));
    const group = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: ITEM, level: 2 }) }).filter({ visible: true }).first();
    await visible(group);
    await visible(group.getByLabel('办理层级：市级'));
    await visible(group.getByText('此事项由各市办理，请选择办理地（通常是企业或本人所在城市）'));
    expect(await group.getByRole('link').count()).toBe(16);
    await screenshot(page, 'find-02-results-across-levels');

    await group.getByRole('link', { name: `${ITEM}（黄山市办理）` }).click();
    await visible(page.getByRole('heading', { name: ITEM, level: 1 }));
    await visible(page.getByText('黄山市文化和旅游局').first());
  }, 120_000);

  it('applies and submits from there, signed in as the newcomer', async () => {
    const { page } = phone;
    await page.getByRole('button', { name: `在线申请${ITEM}` }).click();
    await visible(page.getByText('受理单位：黄山市文化和旅游局'));
    await page.getByLabel('申请企业名称').fill('黄山新安旅行社有限公司');
    await page.getByLabel('申请企业统一社会信用代码').fill(validCreditCode('91341000MA2T9F8D7'));
    await page.getByLabel('法定代表人姓名').fill('方正');
    await page.getByLabel('经办人姓名').fill('汪小青');
    await page.getByLabel('经办人身份证号码').fill(validResidentId('34100219920815234'));
    await leaveField(page);
    await page.getByLabel('经办人手机号码').fill('13955917788');
    await page.getByLabel('旅行社中文名称').fill('黄山新安旅行社有限公司');
    await page.getByLabel('经营场所地址').fill('黄山市屯溪区黄山西路12号');
    await page.getByRole('radio', { name: '自有产权' }).click();
    await page.getByLabel('注册资本（万元）').fill('50');

    const slot = (material: string) => page.getByRole('group', { name: material, exact: true });
    await upload(slot(`${ITEM}申请书`), `上传${ITEM}申请书`, pdfFile(`${ITEM}申请书.pdf`));
    await upload(slot('法定代表人履历表'), '上传法定代表人履历表', pdfFile('法定代表人履历表.pdf'));
    await upload(slot('营业设施设备说明及经营场所照片'), '上传营业设施设备说明及经营场所照片', pngFile('经营场所.png'));
    await upload(slot('经营管理人员和导游名单'), '上传经营管理人员和导游名单', pdfFile('经营管理人员和导游名单.pdf'));
    await upload(slot('授权委托书').filter({ hasText: '企业委托经办人办理的' }), '上传授权委托书（企业委托经办人办理的）', pdfFile('授权委托书.pdf'));

    await page.getByRole('button', { name: '提交申请' }).click();
    await visible(page.getByRole('heading', { name: '提交成功', level: 1 }), 30_000);
    await screenshot(page, 'find-03-submitted');
    const cases = await api('/cases', { headers: asUser(session.accessToken) });
    expect(cases.body.cases).toEqual([expect.objectContaining({ itemName: ITEM, organisationName: '黄山市文化和旅游局', statusLabel: '待预审' })]);
  }, 120_000);

  it('a search that finds nothing says what to do: other words, hot searches, hotlines', async () => {
    const { page } = phone;
    await page.goto(`${process.env.H5_URL}/#/pages/items/index`);
    const field = page.getByPlaceholder('输入事项名称或关键词');
    await field.fill('火星签证');
    await page.getByRole('button', { name: '搜索', exact: true }).filter({ visible: true }).last().click();
    await visible(page.getByText('没有找到与“火星签证”相关的事项'));
    await visible(page.getByText(/可以换个说法/));
    // In H5 a phone number is a tel: link.
    await visible(page.getByRole('link', { name: '拨打政务服务便民热线 12345' }));
    await visible(page.getByRole('link', { name: '拨打旅游服务热线 12301' }).filter({ visible: true }).first());
    await screenshot(page, 'find-04-nothing-found');

    await page.getByRole('button', { name: '热门搜索：导游证' }).filter({ visible: true }).first().click();
    await visible(page.getByText('“导游证”的搜索结果'));
    await visible(page.getByRole('heading', { name: '导游证核发', level: 2 }).filter({ visible: true }));
  }, 60_000);

  it('shows only the type chips that have items in 黄山市, remembers the city, and names it on home', async () => {
    const { page } = phone;
    await page.getByRole('button', { name: '清除搜索内容' }).filter({ visible: true }).first().click();
    await page.getByRole('button', { name: /切换地区/ }).filter({ visible: true }).first().click();
    await page.getByRole('radio', { name: '黄山市' }).click();
    await visible(page.getByText('黄山市的事项'));

    const facets = facetsResponseSchema.parse((await api('/catalog/facets?region=341000')).body);
    const expected = ['全部', ...ITEM_TYPES.filter((t) => facets.types.some((f) => f.code === t.code)).map((t) => t.name)];
    const chips = page.getByRole('radiogroup', { name: '类型' }).filter({ visible: true }).getByRole('radio');
    await eventually(() => chips.allTextContents(), expected);
    expect(expected.length).toBeLessThan(ITEM_TYPES.length + 1);
    // Every chip leads to items.
    for (const name of expected.slice(1)) {
      await chips.filter({ hasText: name }).click();
      await visible(page.getByRole('link').filter({ hasText: '黄山市文化和旅游局' }).filter({ visible: true }).first());
    }
    await screenshot(page, 'find-05-chips-with-items');

    // Remembered: a fresh load of home still shows 黄山市 and names it in the subtitle.
    await page.goto('about:blank');
    await page.goto(process.env.H5_URL!);
    await visible(page.getByText('黄山市文化和旅游局 · 政务服务'));
    await visible(page.getByRole('button', { name: '切换地区，当前为黄山市' }).filter({ visible: true }).first());
  }, 90_000 + 10 * REQUEST_BUDGET_MS);

  it('一件事 开办旅行社 from home: 许可, 质保金, 网点备案 in order, each 黄山市’s, with the newcomer’s own case', async () => {
    const { page } = phone;
    const card = page.getByRole('link', { name: '一件事：开办旅行社，共3步' });
    await visible(card);
    await settled(card);
    await card.click();
    await visible(page.getByRole('heading', { name: '开办旅行社', level: 1 }));
    const steps = page.getByRole('list').filter({ has: page.getByRole('heading', { name: /第1步/ }) });
    await visible(steps);
    await eventually(() => steps.getByRole('heading', { level: 2 }).allTextContents(), ['申请旅行社业务经营许可', '存缴旅游服务质量保证金', '设立服务网点并备案']);
    await visible(steps.getByRole('link', { name: /旅行社质量保证金存缴.*黄山市文化和旅游局/ }));
    await visible(steps.getByRole('link', { name: /查看我的办件 .+，待预审/ }));
    await screenshot(page, 'find-06-scenario');
  }, 60_000);
});
