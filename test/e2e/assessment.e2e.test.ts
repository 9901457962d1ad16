import { readFileSync } from 'node:fs';
import type { AssessmentItems, AssessmentReport, Figure, FigureKey } from '@ah-tourism/shared';
import { formatFigure } from '@ah-tourism/shared';
import type { Locator, Page } from 'playwright-core';
import { api } from '../support/api';
import { asUser, cityItem, completeApplication, signInAs, submitApplication } from '../support/applications';
import { openPhone, screenshot, visible } from '../support/browser';
import { switchPersona } from '../support/lifecycle-phone';
import { openApp } from '../support/login-phone';

/**
 * 网上考核 on the phone (H5, Chromium, 375×812): a case submitted online reaches the aggregates; the
 * organisation administrator of 黄山市文化和旅游局 sees its figures with the API's numbers, the charts
 * drawn on canvas with a table of the same numbers, opens the cases behind 网上申请办件占比, then 本市
 * and an organisation of the city from the comparison; the public page and the home page's pledges
 * without sign-in.
 */

const HUANGSHAN_BUREAU = '113410000039113649';
const HUANGSHAN_BUREAU_NAME = '黄山市文化和旅游局';

const figureOf = (report: AssessmentReport, key: FigureKey): Figure => {
  const found = report.figures.find((f) => f.key === key);
  if (!found) throw new Error(`the report has no ${key}: ${JSON.stringify(report.figures.map((f) => f.key))}`);
  return found;
};

/** Waits until the stream has folded the case into the organisation's figures (they lag by the poller's delay). */
async function reportCounting(token: string, atLeast: number): Promise<AssessmentReport> {
  const deadline = Date.now() + 60_000;
  let last: unknown;
  while (Date.now() < deadline) {
    const res = await api<AssessmentReport>(`/staff/assessment?scope=organisation:${HUANGSHAN_BUREAU}`, { headers: asUser(token) });
    last = res.body;
    if (res.status === 200 && (figureOf(res.body, 'casesOnline').denominator ?? 0) >= atLeast) return res.body;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`the assessment did not count the case within 60 s: ${JSON.stringify(last)}`);
}

/** The report the page itself received (its figures are what the screen must show). */
async function reportAnswer(page: Page, url: RegExp): Promise<AssessmentReport> {
  const response = await page.waitForResponse((r) => url.test(new URL(r.url()).pathname + new URL(r.url()).search) && r.request().method() === 'GET', { timeout: 60_000 });
  expect(response.status()).toBe(200);
  return (await response.json()) as AssessmentReport;
}

/** What the test reads of a canvas element in the page (the root project has no DOM types). */
interface CanvasLike {
  width: number;
  height: number;
  dataset: { drawn?: string };
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

/** The H5 chart canvas once drawn (data-drawn) and how many of its pixels are not white: the library really drew. */
async function drawnPixels(canvas: Locator): Promise<number> {
  await visible(canvas);
  await canvas.page().waitForFunction((element) => (element as unknown as CanvasLike).dataset.drawn === 'true', await canvas.elementHandle(), { timeout: 15_000 });
  return canvas.evaluate((element) => {
    const c = element as unknown as CanvasLike;
    const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let coloured = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 235 || pixels[i + 1]! < 235 || pixels[i + 2]! < 235) coloured += 1;
    return coloured;
  });
}

/** Waits until the locator matches exactly `count` elements (lists render after their answer arrives). */
async function countBecomes(locator: Locator, count: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  while (Date.now() < deadline) {
    last = await locator.count();
    if (last === count) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`expected ${count} elements, saw ${last}`);
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const shown = (page: Page) => ({
  text: (text: string | RegExp) => page.getByText(text).filter({ visible: true }).first(),
  heading: (name: string | RegExp, level?: number) => page.getByRole('heading', { name, level }).filter({ visible: true }).first(),
});

describe('网上考核 (H5, Chromium)', () => {
  let phone: Awaited<ReturnType<typeof openPhone>>;
  let caseNumber: string;
  /** How many cases 网上申请办件占比 counted once the stream had folded in the case submitted here. */
  let counted: number;

  beforeAll(async () => {
    const citizen = (await signInAs('citizen')).accessToken;
    const item = await cityItem('旅行社服务网点设立备案');
    const res = await submitApplication(
      citizen,
      await completeApplication(citizen, item, { agencyName: '黄山考核测试旅行社有限公司', outletName: '考核测试网点', outletAddress: '黄山市屯溪区新安北路1号' }),
    );
    if (res.status !== 201) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
    caseNumber = res.body.caseNumber;
    counted = figureOf(await reportCounting((await signInAs('city-org_admin')).accessToken, 1), 'casesOnline').denominator!;
    phone = await openPhone();
  }, 120_000);

  afterAll(async () => phone?.close());

  it('the organisation administrator sees the figures and charts, exports the CSV and opens the cases behind a figure', async () => {
    const { page } = phone;
    const see = shown(page);
    await switchPersona(page, 'city-org_admin');
    // The figures move as other cases arrive: the screen is compared with the report it was sent.
    const answered = reportAnswer(page, /\/staff\/assessment(\?|$)/);
    await openApp(page, 'pages/staff/assessment/index');
    await visible(see.heading('网上考核', 1), 45_000);
    await visible(see.heading(HUANGSHAN_BUREAU_NAME, 2), 45_000);
    const report = await answered;
    expect(report.scope).toEqual({ kind: 'organisation', code: HUANGSHAN_BUREAU, name: HUANGSHAN_BUREAU_NAME, query: `organisation:${HUANGSHAN_BUREAU}` });
    expect(figureOf(report, 'casesOnline').denominator).toBeGreaterThanOrEqual(counted);

    // 网上申请办件占比 with the API's value, counts and verdict, in words.
    const online = figureOf(report, 'casesOnline');
    const card = page.getByRole('link', { name: new RegExp(`^网上申请办件占比，${formatFigure('casesOnline', online.value).replace('.', '\\.')}，${online.numerator} / ${online.denominator} 件，目标 ≥ 90\\.0%，(达标|未达标)，查看相关办件$`) }).filter({ visible: true });
    await visible(card);
    // The link is the figure's name; the card around it shows the numbers.
    const figureCard = page.locator('.figure-card', { has: card });
    await expect(figureCard.innerText()).resolves.toContain(`${online.numerator} / ${online.denominator} 件`);
    await expect(figureCard.innerText()).resolves.toMatch(online.met ? /达标/ : /未达标/);

    // The trend chart: drawn on canvas, named for screen readers, with the same numbers in a table.
    const trend = page.locator('canvas#assessment-trend').filter({ visible: true });
    expect(await drawnPixels(trend)).toBeGreaterThan(500);
    await expect(trend.getAttribute('aria-label')).resolves.toMatch(/^网上申请办件占比（逐月）折线图，共 \d+ 项，目标 90\.0%；数值见下表$/);
    const table = page.getByRole('table', { name: '网上申请办件占比（逐月）（数据表）' }).filter({ visible: true });
    await visible(table);
    const thisMonth = report.months.at(-1)!;
    const monthValue = formatFigure('casesOnline', thisMonth.figures.find((f) => f.key === 'casesOnline')?.value ?? null);
    await visible(table.getByRole('row', { name: `${Number(thisMonth.month.slice(5))}月 ${monthValue}` }));
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'assessment-01-dashboard');
    await trend.scrollIntoViewIfNeeded();
    await screenshot(page, 'assessment-02-trend-chart');

    // 导出 CSV: the browser downloads the report (fetched with the session), UTF-8 with a BOM for Excel.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: `导出${HUANGSHAN_BUREAU_NAME}的考核数据（CSV 文件）` }).filter({ visible: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`网上考核_${HUANGSHAN_BUREAU_NAME}_${report.from}_${report.to}.csv`);
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, own] = csv.slice(1).split('\r\n') as [string, string];
    expect(header.split(',')).toEqual(expect.arrayContaining(['名称', '网上申请办件占比(%)', '网上申请办件占比-分子', '网上申请办件占比-分母']));
    expect(own.split(',').slice(0, 3)).toEqual(['单位', HUANGSHAN_BUREAU, HUANGSHAN_BUREAU_NAME]);
    await visible(see.text('已导出'));

    // The cases behind the figure: the online case counts for it, so it is among all, not the failing ones.
    await card.click();
    await visible(see.heading('网上申请办件占比', 1));
    await visible(see.text('没有未达标的办件').or(page.getByRole('link', { name: /办件编号/ }).filter({ visible: true }).first()));
    await page.getByRole('radio', { name: '计入该指标的全部办件' }).filter({ visible: true }).click();
    // Newest day first, a page at a time: the suite's other cases of today may come before it (加载更多).
    const row = page.getByRole('link', { name: new RegExp(`办件编号${caseNumber}`) }).filter({ visible: true });
    const more = page.getByRole('button', { name: /^加载更多/ }).filter({ visible: true });
    for (const until = Date.now() + 45_000; !(await row.count()); ) {
      if (Date.now() > until) break;
      if (await more.count()) await more.first().click().catch(() => undefined);
      else await page.mouse.wheel(0, 2_000);
      await page.waitForTimeout(500);
    }
    await visible(row, 5_000);
    await screenshot(page, 'assessment-03-cases');
    await page.getByRole('link', { name: new RegExp(`办件编号${caseNumber}`) }).filter({ visible: true }).click();
    await visible(see.text(caseNumber));
  }, 180_000);

  it('可网办事项占比 opens the published items behind it, and an item opens its guide', async () => {
    const { page } = phone;
    const see = shown(page);
    await switchPersona(page, 'city-org_admin');
    const answered = reportAnswer(page, /\/staff\/assessment(\?|$)/);
    await openApp(page, 'pages/staff/assessment/index');
    await visible(see.heading(HUANGSHAN_BUREAU_NAME, 2), 45_000);
    const online = figureOf(await answered, 'itemsOnline');
    const card = page.getByRole('link', { name: /^可网办事项占比，.*，查看相关事项$/ }).filter({ visible: true });
    await visible(card);
    await expect(page.locator('.figure-card', { has: card }).innerText()).resolves.toContain('查看事项');

    // The failing items first: what the page was sent is what it lists, and it agrees with the card.
    const failingAnswer = page.waitForResponse((r) => r.url().includes('/staff/assessment/items') && r.url().includes('figure=itemsOnline'), { timeout: 60_000 });
    await card.click();
    await visible(see.heading('可网办事项占比', 1));
    const failing = (await (await failingAnswer).json()) as AssessmentItems;
    expect(failing).toMatchObject({ which: 'failing', scope: { query: `organisation:${HUANGSHAN_BUREAU}` } });
    expect(failing.counted).toBe(online.denominator);
    expect(failing.failing).toBe(online.denominator! - online.numerator!);
    await visible(see.text(`计入该指标 ${failing.counted} 项，其中未达标 ${failing.failing} 项`));
    const rows = page.getByRole('link', { name: /，查看办事指南$/ }).filter({ visible: true });
    if (failing.items.length) await countBecomes(rows, failing.items.length);
    else await visible(see.text('没有未达标的事项'));

    // 全部: every item the figure counts, each saying in words whether it meets the figure.
    const allAnswer = page.waitForResponse((r) => r.url().includes('/staff/assessment/items') && r.url().includes('which=all'), { timeout: 60_000 });
    await page.getByRole('radio', { name: '全部' }).filter({ visible: true }).click();
    const all = (await (await allAnswer).json()) as AssessmentItems;
    expect(all.items.length).toBe(online.denominator);
    await countBecomes(rows, all.items.length);
    const first = all.items[0]!;
    const row = page.getByRole('link', { name: new RegExp(`^${escaped(first.name)}，${escaped(first.organisationName)}，.*，(未达标|达标)，查看办事指南$`) }).filter({ visible: true }).first();
    await visible(row);
    await screenshot(page, 'assessment-03b-items');
    await row.click();
    await page.waitForURL(new RegExp(`pages/guide/index\\?code=${first.implementationCode}`), { timeout: 30_000 });
    await visible(see.text(first.name), 30_000);
  }, 180_000);

  it('本市 compares the city’s organisations; tapping one opens its report; every staff member sees their own unit, others are told who may look', async () => {
    const { page } = phone;
    const see = shown(page);
    await switchPersona(page, 'city-org_admin');
    await openApp(page, 'pages/staff/assessment/index');
    await visible(see.heading(HUANGSHAN_BUREAU_NAME, 2), 45_000);
    await page.getByRole('radio', { name: '本市' }).filter({ visible: true }).click();
    await visible(see.heading('黄山市', 2), 45_000);
    const bars = page.locator('canvas#assessment-children').filter({ visible: true });
    expect(await drawnPixels(bars)).toBeGreaterThan(500);
    await expect(bars.getAttribute('aria-label')).resolves.toMatch(/^网上申请办件占比（各单位对比）柱状图/);
    await bars.scrollIntoViewIfNeeded();
    await screenshot(page, 'assessment-04-city-comparison');
    await visible(page.getByRole('link', { name: `查看${HUANGSHAN_BUREAU_NAME}的考核` }).filter({ visible: true }));
    // The city has one organisation with cases: its bar fills the plot, so a tap inside the plot is on it.
    const box = (await bars.boundingBox())!;
    await bars.click({ position: { x: box.width * 0.6, y: box.height * 0.6 } });
    await visible(see.heading(HUANGSHAN_BUREAU_NAME, 2), 45_000);
    await visible(page.getByRole('link', { name: /^网上申请办件占比，/ }).filter({ visible: true }));
    // A drill-down opens a page of its own: 返回 comes back to the city.
    await page.goBack();
    await visible(see.heading('黄山市', 2));
    await page.getByRole('link', { name: `查看${HUANGSHAN_BUREAU_NAME}的考核` }).filter({ visible: true }).click();
    await visible(see.heading(HUANGSHAN_BUREAU_NAME, 2), 45_000);

    // Any staff member of the bureau sees its figures (as the API allows); someone who is not staff is told who may.
    await switchPersona(page, 'city-review');
    await openApp(page, 'pages/staff/assessment/index');
    await visible(see.heading(HUANGSHAN_BUREAU_NAME, 2), 45_000);
    await switchPersona(page, 'citizen');
    await openApp(page, 'pages/staff/assessment/index');
    await visible(see.text('仅工作人员可以查看网上考核'), 45_000);
    await visible(page.getByRole('button', { name: '返回我的' }).filter({ visible: true }));
  }, 180_000);

  it('the public page shows the province and its cities without sign-in, and the home page’s pledges are its figures', async () => {
    await phone.close();
    phone = await openPhone();
    const { page } = phone;
    const see = shown(page);
    const answered = reportAnswer(page, /\/public\/assessment(\?|$)/);
    await openApp(page, 'pages/home/index');
    const publicReport = await answered;
    expect(publicReport.scope.kind).toBe('province');
    expect(publicReport.children.map((child) => child.scope.name)).toContain('黄山市');
    const online = figureOf(publicReport, 'casesOnline');
    const visits = figureOf(publicReport, 'itemsAtMostOneVisit');
    expect(online.value).not.toBeNull();

    const pledges = page.getByRole('link', { name: /^服务承诺：/ }).filter({ visible: true });
    await visible(pledges, 45_000);
    await visible(pledges.getByText(`网上办理 ${formatFigure('casesOnline', online.value)}`), 30_000);
    await visible(pledges.getByText(visits.value === null ? '最多跑一次' : `最多跑一次 ${formatFigure('itemsAtMostOneVisit', visits.value)}`));
    await screenshot(page, 'assessment-05-home-pledges');

    const publicAnswer = reportAnswer(page, /\/public\/assessment(\?|$)/);
    await pledges.click();
    await visible(see.heading('政务服务网上考核', 1));
    await visible(see.heading('安徽省', 2), 45_000);
    const shownOnline = figureOf(await publicAnswer, 'casesOnline');
    await visible(
      page.getByRole('listitem', { name: `网上申请办件占比，${formatFigure('casesOnline', shownOnline.value)}，${shownOnline.numerator} / ${shownOnline.denominator} 件，目标 ≥ 90.0%，${shownOnline.met ? '达标' : '未达标'}` }).filter({ visible: true }),
    );
    expect(await drawnPixels(page.locator('canvas#assessment-children').filter({ visible: true }))).toBeGreaterThan(500);
    await visible(page.getByRole('link', { name: '查看黄山市的考核' }).filter({ visible: true }));
    await screenshot(page, 'assessment-06-public');
    await page.getByRole('link', { name: '查看黄山市的考核' }).filter({ visible: true }).click();
    await visible(see.heading('黄山市', 2), 45_000);
    await visible(page.getByRole('radio', { name: '黄山', checked: true }).or(page.getByRole('radio', { name: '黄山市', checked: true })).filter({ visible: true }).first());

    // A period without cases says so; the catalog's figures are still there. Two years back: the API
    // tests of the same run seed cases in the year before this one.
    const lastYear = Number(publicReport.to.slice(0, 4)) - 2;
    await page.getByRole('radio', { name: '自定义' }).filter({ visible: true }).click();
    // The months are chosen in Chinese, a year and a month each, whatever the browser's language.
    await page.getByLabel('起始月份（年）').filter({ visible: true }).selectOption({ label: `${lastYear}年` });
    await page.getByLabel('起始月份（月）').filter({ visible: true }).selectOption({ label: '1月' });
    await page.getByLabel('截止月份（年）').filter({ visible: true }).selectOption({ label: `${lastYear}年` });
    await page.getByLabel('截止月份（月）').filter({ visible: true }).selectOption({ label: '3月' });
    await page.getByRole('button', { name: '查看该期间' }).filter({ visible: true }).click();
    await visible(see.text(`${lastYear}年1月—${lastYear}年3月`), 45_000);
    await visible(see.text('本期暂无办件'));
    await screenshot(page, 'assessment-07-public-empty-period');

    // The network failing: the error in words with 重试, which then loads.
    await page.route(/\/public\/assessment/, (route) => route.abort('internetdisconnected'));
    await page.getByRole('radio', { name: '全省' }).filter({ visible: true }).click();
    await visible(page.getByRole('alert').filter({ visible: true, hasText: /网络/ }).first(), 45_000);
    await page.unroute(/\/public\/assessment/);
    await page.getByRole('button', { name: '重新加载考核数据' }).filter({ visible: true }).click();
    await visible(see.heading('安徽省', 2), 45_000);
  }, 180_000);
});
