import type { Locator, Page } from 'playwright-core';
import { validCreditCode, validResidentId } from './applications';
import { leaveField, openGuideFromSearch, pdfFile, pngFile, upload } from './apply-phone';
import { visible } from './browser';
import { chooseOnLoginPage, openApp, openMineEntry } from './login-phone';

export const TRAVEL_AGENCY = '旅行社业务经营许可';
export const HUANGSHAN_BUREAU_NAME = '黄山市文化和旅游局';

/** A material's upload slot (a group named after the material) on the form or the supplement card. */
export const slot = (page: Page, material: string) => page.getByRole('group', { name: material, exact: true });

/**
 * From a fresh start: finds 黄山市's 旅行社业务经营许可, signs in as `persona` on the way, fills in the
 * application for an enterprise through its 经办人, uploads every material and submits it. Returns
 * the case number shown on the submitted page.
 */
export async function applyForTravelAgency(page: Page, persona: string, names: { enterprise: string; agent: string }): Promise<string> {
  await page.goto(process.env.H5_URL!);
  await openGuideFromSearch(page, TRAVEL_AGENCY, '黄山市', HUANGSHAN_BUREAU_NAME);
  await page.getByRole('button', { name: `在线申请${TRAVEL_AGENCY}` }).click();
  await chooseOnLoginPage(page, persona);
  await visible(page.getByText(`受理单位：${HUANGSHAN_BUREAU_NAME}`));

  await page.getByLabel('申请企业名称').fill(names.enterprise);
  await page.getByLabel('申请企业统一社会信用代码').fill(validCreditCode('91341000MA2T7Q8R3'));
  await page.getByLabel('法定代表人姓名').fill('方立新');
  await page.getByLabel('经办人姓名').fill(names.agent);
  await page.getByLabel('经办人身份证号码').fill(validResidentId('34100219880516302'));
  await page.getByLabel('经办人手机号码').fill('13855917788');
  await page.getByLabel('旅行社中文名称').fill(names.enterprise);
  await page.getByLabel('经营场所地址').fill('黄山市屯溪区黄山西路16号');
  await page.getByRole('radio', { name: '自有产权' }).click();
  await page.getByLabel('注册资本（万元）').fill('50');
  await leaveField(page);

  await upload(slot(page, '旅行社业务经营许可申请书'), '上传旅行社业务经营许可申请书', pdfFile('申请书.pdf'));
  await upload(slot(page, '法定代表人履历表'), '上传法定代表人履历表', pdfFile('法定代表人履历表.pdf'));
  await upload(slot(page, '营业设施设备说明及经营场所照片'), '上传营业设施设备说明及经营场所照片', pngFile('经营场所.png'));
  await upload(slot(page, '经营管理人员和导游名单'), '上传经营管理人员和导游名单', pdfFile('人员名单.pdf'));
  await upload(slot(page, '授权委托书').filter({ hasText: '企业委托经办人办理的' }), '上传授权委托书（企业委托经办人办理的）', pdfFile('授权委托书.pdf'));

  await page.getByRole('button', { name: '提交申请' }).click();
  await visible(page.getByRole('heading', { name: '提交成功', level: 1 }), 30_000);
  return ((await page.locator('.submitted__number').textContent()) ?? '').trim();
}

/**
 * Waits for `target`, tapping a visible 重试 (a button named 重新加载…) when a page or list failed to
 * load: locally a function that has been idle for a minute starts cold, and several cold starts at
 * once on a small machine can outlast the app's 15 s request timeout.
 */
export async function untilVisible(page: Page, target: Locator, timeout = 60_000): Promise<void> {
  const retry = page.getByRole('button', { name: /^重新加载/ }).filter({ visible: true });
  for (const until = Date.now() + timeout; ; ) {
    if (await target.first().isVisible()) return;
    if (Date.now() > until) throw new Error(`Expected to see ${target.toString()} within ${timeout} ms`);
    if (await retry.count()) await retry.first().click().catch(() => undefined);
    await page.waitForTimeout(500);
  }
}

/** Lets a page opened with navigateTo finish sliding in (H5 animates it), e.g. before a screenshot. */
export async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(600);
}

/** 我的 › 切换身份 (local builds; 登录 when signed out): the login page, the persona, and back on 我的 as them. */
export async function switchPersona(page: Page, personaId: string): Promise<void> {
  await openApp(page, 'pages/mine/index');
  const switchButton = page.getByRole('button', { name: '切换身份' }).filter({ visible: true });
  const signIn = page.getByRole('button', { name: '登录皖旅政务' }).filter({ visible: true });
  await untilVisible(page, switchButton.or(signIn));
  await ((await switchButton.count()) ? switchButton : signIn).first().click();
  await chooseOnLoginPage(page, personaId);
  await visible(page.getByRole('button', { name: '退出登录' }).filter({ visible: true }));
}

/** The case's row in 工作台 (a link named with its number), loading further pages until it shows. */
export function inboxRow(page: Page, caseNumber: string) {
  // The card: its link (for screen readers and the keyboard) is the title part; the deadline and status follow it.
  return page.locator('.case-card', { has: page.getByRole('link', { name: new RegExp(`办件编号${caseNumber}`) }) }).filter({ visible: true });
}

async function scrollInboxUntil(page: Page, caseNumber: string, timeout = 60_000): Promise<void> {
  const row = inboxRow(page, caseNumber);
  const more = page.getByRole('button', { name: /^(加载更多|重新加载)/ }).filter({ visible: true });
  for (const until = Date.now() + timeout; ; ) {
    if (await row.count()) return;
    if (Date.now() > until) throw new Error(`Case ${caseNumber} did not appear in 工作台 within ${timeout} ms`);
    if (await more.count()) await more.first().click().catch(() => undefined);
    else await page.mouse.wheel(0, 2_000);
    await page.waitForTimeout(500);
  }
}

/**
 * 我的 › 工作台, the status filter chip `status`, then the case's row (scrolling through pages);
 * returns the row, not yet opened.
 */
export async function findInInbox(page: Page, caseNumber: string, status: string) {
  await openMineEntry(page, '工作台');
  await visible(page.getByRole('heading', { name: '工作台', level: 1 }));
  // The list's first answer first (or its failure), so it cannot overwrite the filtered one.
  await untilVisible(page, page.getByRole('link', { name: /办件编号/ }).filter({ visible: true }).or(page.getByText('暂无办件')));
  await page.getByRole('radio', { name: status, exact: true }).click();
  await visible(page.getByRole('radio', { name: status, exact: true, checked: true }));
  const row = inboxRow(page, caseNumber);
  // The unfiltered list may still be on screen when the row is first found; the filtered answer then
  // replaces it (the row found is detached mid-scroll), so look again in the list as it is now.
  for (let attempt = 1; ; attempt += 1) {
    await scrollInboxUntil(page, caseNumber);
    try {
      await row.scrollIntoViewIfNeeded({ timeout: 5_000 });
      return row;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Opens the case from its 工作台 row; waits for the staff case page. */
export async function openFromInbox(page: Page, caseNumber: string, status: string): Promise<void> {
  const row = await findInInbox(page, caseNumber, status);
  await row.click();
  await row.waitFor({ state: 'hidden' });
  await untilVisible(page, page.getByRole('heading', { name: TRAVEL_AGENCY, level: 1 }));
  await visible(page.getByText(caseNumber, { exact: true }).filter({ visible: true }));
}
