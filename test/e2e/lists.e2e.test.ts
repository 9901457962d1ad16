import type { Locator, Page } from 'playwright-core';
import { api } from '../support/api';
import { asUser, completeApplication, signInAs, submitApplication } from '../support/applications';
import { untilCatalogServes } from '../support/lists';
import { pdfFile } from '../support/apply-phone';
import { openPhone, screenshot, visible } from '../support/browser';
import { settle, switchPersona, untilVisible } from '../support/lifecycle-phone';
import { openApp } from '../support/login-phone';

/**
 * 清单维护 on a phone-sized H5 app (375×812) against the local stack, with the local personas:
 *  - the 黄山 list editor (city-list_editor) opens 工作台 › 清单维护 › 星级饭店评定, clears 办理时间 and is
 *    told at that field why the draft cannot be saved, then saves a new 办理时间 and sees the change
 *    against the published version, and submits it;
 *  - the bureau's admin (city-org_admin), then the province's 机构编制/法制 reviewer
 *    (province-list_review) find it under 等待我审核 and approve it;
 *  - the editor publishes it: the entry is at version 2 and its history names who published and approved;
 *  - version 1 stays readable as it was: the citizen's case submitted before shows and opens it; their
 *    application draft started under version 1 is told on the apply page that the guide changed, and what;
 *  - the editor adds a material, is told at 适用情形 that a 情形必要 material needs one, writes it, lets a
 *    commitment replace another material (告知承诺), sees both in the diff, then removes the added material
 *    and moves the first one down (a new order, no change of content in the diff).
 * 星级饭店评定 is an item no other test applies for.
 */
const ITEM = '星级饭店评定';
const NEW_HOURS = '周一至周五 9:00-12:00，14:00-17:00（评定受理）';
const NEW_MATERIAL = '饭店会议室使用管理制度';
const COMMITMENT = '本饭店承诺：所报材料内容真实、准确，愿意接受评定机构的现场核查。';

type Phone = Awaited<ReturnType<typeof openPhone>>;

async function see(page: Page, target: Locator, name: string): Promise<void> {
  try {
    await untilVisible(page, target);
  } catch (error) {
    await screenshot(page, `lists-failed-${name}`);
    throw error;
  }
}

const shown = (page: Page, text: string | RegExp) => page.getByText(text).filter({ visible: true }).first();

/** 工作台 › 清单维护, then the entry's row (in 本单位实施清单 or 等待我审核). */
async function openEntryFromLists(page: Page): Promise<void> {
  await openApp(page, 'pages/staff/inbox/index');
  const link = page.getByRole('link', { name: '清单维护', exact: true }).filter({ visible: true });
  await see(page, link, 'workbench-link');
  await link.first().click();
  await settle(page);
  const row = page.getByRole('link', { name: new RegExp(`^${ITEM}，黄山市文化和旅游局`) }).filter({ visible: true });
  await see(page, row, 'entry-row');
  await row.first().click();
  await settle(page);
  await see(page, page.getByRole('heading', { name: ITEM, level: 1 }).filter({ visible: true }), 'entry-page');
}

async function tapAction(page: Page, name: string): Promise<void> {
  const button = page.getByRole('button', { name, exact: true }).filter({ visible: true });
  await see(page, button, `button-${name}`);
  await button.first().click();
}

describe('清单维护 on the phone (H5, Chromium)', () => {
  let phone: Phone;
  let page: Page;
  let code = '';
  let caseNumber = '';

  beforeAll(async () => {
    phone = await openPhone();
    page = phone.page;
    const list = await api(`/catalog/items?region=341000&keyword=${encodeURIComponent(ITEM)}`);
    code = list.body.items.find((i: { name: string }) => i.name === ITEM).implementationCode;
    // The citizen applied under version 1, and started another application kept as a draft (as the apply page saves it).
    const citizen = (await signInAs('citizen')).accessToken;
    const item = (await api(`/catalog/items/${code}`)).body;
    const submitted = await submitApplication(citizen, await completeApplication(citizen, item, { hotelName: '黄山云海大酒店', targetStar: '三星级', rooms: 120 }));
    expect(submitted.status).toBe(201);
    caseNumber = submitted.body.caseNumber;
    const form = { version: 1, guideVersion: 1, applicantKind: 'enterprise', enterprise: { name: '黄山云海大酒店有限公司' }, savedAt: new Date().toISOString() };
    const saved = await api(`/drafts/${code}`, { method: 'PUT', headers: asUser(citizen, { 'Content-Type': 'application/json' }), body: JSON.stringify({ form }) });
    expect(saved.status).toBe(200);
  }, 90_000);

  afterAll(async () => {
    await phone?.close();
  });

  it('the editor is told at the field why a draft is refused, then saves one and sees the diff, and submits it', async () => {
    await switchPersona(page, 'city-list_editor');
    await openEntryFromLists(page);
    await see(page, shown(page, /现行第1版/), 'current-version');

    const hours = page.getByRole('textbox', { name: '办理时间', exact: true }).filter({ visible: true });
    await see(page, hours, 'hours-field');
    await hours.first().fill('');
    await tapAction(page, '保存草稿');
    const fieldError = page.locator('#le-guide-place-hours').getByRole('alert');
    await see(page, fieldError, 'field-error');
    await expect(fieldError.textContent()).resolves.toBe('办理时间不能为空');
    await screenshot(page, 'lists-refused');

    await hours.first().fill(NEW_HOURS);
    await tapAction(page, '保存草稿');
    await see(page, shown(page, '草稿已保存'), 'saved');
    const changes = page.getByRole('list', { name: '与现行版本相比的改动' }).filter({ visible: true });
    await see(page, changes, 'changes');
    const change = changes.getByRole('listitem').filter({ hasText: '办理地点和时间 › 办理时间' });
    await expect(change.textContent()).resolves.toContain(`改为：${NEW_HOURS}`);
    await screenshot(page, 'lists-diff');

    // A new blank form for the first material: a real file, uploaded, checked and kept by its hash.
    const blankForm = page.locator('#le-guide-materials-0-blankForm');
    await blankForm.getByLabel('为“空白表格”选择文件上传', { exact: true }).setInputFiles(pdfFile('申请书.pdf'));
    // Uploading, then checked: the field names the file (PDF, its size) and offers to replace it.
    await blankForm.getByRole('status').waitFor({ state: 'attached', timeout: 5_000 }).catch(() => undefined);
    await blankForm.getByRole('status').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await blankForm.getByRole('alert').count()).toBe(0);
    await see(page, blankForm.getByText(/（空白表格）$/), 'blank-form-uploaded');
    await expect(blankForm.getByText(/^PDF/).first().textContent()).resolves.toMatch(/^PDF/);
    await tapAction(page, '保存草稿');
    await see(page, changes.getByRole('listitem').filter({ hasText: '空白表格' }), 'blank-form-change');
    await screenshot(page, 'lists-blank-form');

    await tapAction(page, '提交审核');
    await see(page, shown(page, '审核中：待本单位审核'), 'submitted');
  }, 240_000);

  it('the bureau admin and then the provincial reviewer approve it from 等待我审核', async () => {
    for (const [persona, next] of [
      ['city-org_admin', '审核中：待机构编制/法制审核'],
      ['province-list_review', '审核通过，待发布'],
    ] as const) {
      await switchPersona(page, persona);
      await openEntryFromLists(page);
      const changes = page.getByRole('list', { name: '与现行版本相比的改动' }).filter({ visible: true });
      await see(page, changes, `review-changes-${persona}`);
      await tapAction(page, '审核通过');
      await see(page, shown(page, next), `approved-${persona}`);
    }
    await screenshot(page, 'lists-approved');
  }, 300_000);

  it('the editor publishes it as version 2; the history names who published and approved', async () => {
    await switchPersona(page, 'city-list_editor');
    await openApp(page, `pages/staff/list-edit/index?code=${code}`);
    await see(page, page.getByRole('heading', { name: ITEM, level: 1 }).filter({ visible: true }), 'publish-page');
    await tapAction(page, '发布为新版本');
    const dialog = page.locator('.taro-modal__content').filter({ hasText: '确定发布？' });
    await visible(dialog);
    await dialog.getByText('确定', { exact: true }).click();
    await see(page, shown(page, '已发布新版本'), 'published');
    await see(page, shown(page, /现行第2版/), 'version-2');
    await see(page, shown(page, /第2版 · 发布于/), 'history');
    await expect(shown(page, '发布人：冯编制').isVisible()).resolves.toBe(true);
    await expect(shown(page, /审核：本单位审核 郑管理；机构编制\/法制审核 陈审核/).isVisible()).resolves.toBe(true);
    await screenshot(page, 'lists-published');

    const v2 = await api(`/catalog/items/${code}/versions/2`);
    expect(v2.body.guide.place.hours).toBe(NEW_HOURS);
  }, 240_000);

  it('version 1 stays readable as it was: the case submitted before shows and opens it; the draft started under it is told that the guide changed', async () => {
    await openApp(page, `pages/guide/index?code=${code}&version=1`);
    await see(page, shown(page, /您正在查看第1版办事指南/), 'old-version');
    await expect(page.getByText(NEW_HOURS).count()).resolves.toBe(0);
    await screenshot(page, 'lists-old-version');

    await switchPersona(page, 'citizen');
    await openApp(page, `pages/cases/detail/index?caseNumber=${caseNumber}`);
    const guideVersion = page.getByRole('heading', { name: '所依据的办事指南' }).filter({ visible: true });
    await see(page, guideVersion, 'case-guide-version');
    await expect(shown(page, /^第1版，2026年11月1日发布$/).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: '查看第1版办事指南' }).filter({ visible: true }).first().click();
    await see(page, shown(page, /您正在查看第1版办事指南/), 'case-opens-version-1');
    await screenshot(page, 'lists-case-keeps-version-1');

    // The apply page reads the current guide, which each function instance re-reads 30 s at most after publication.
    await untilCatalogServes(code, 2);
    await openApp(page, `pages/cases/apply/index?code=${code}`);
    const notice = page.getByRole('alert').filter({ hasText: '办事指南已更新' }).filter({ visible: true });
    await see(page, notice, 'guide-changed');
    await expect(notice.first().textContent()).resolves.toMatch(/第1版办事指南.*已发布第2版，改动了：办理地点和时间/);
    await screenshot(page, 'lists-apply-guide-changed');
  }, 180_000);

  it('the editor adds a material (refused at 适用情形 until written), lets a commitment replace another, sees both in the diff, removes the added one and moves one down', async () => {
    const published = (await api(`/catalog/items/${code}`)).body;
    const count: number = published.guide.materials.length;
    const committed = published.guide.materials.findIndex((m: { source: string; requiredWhen?: string; commitment?: unknown }) => m.source === 'applicant' && !m.requiredWhen && !m.commitment);
    expect(committed).toBeGreaterThanOrEqual(0);
    const committedName: string = published.guide.materials[committed].name;
    const added = page.getByRole('group', { name: `材料${count + 1}`, exact: true }).filter({ visible: true });

    await switchPersona(page, 'city-list_editor');
    await openApp(page, `pages/staff/list-edit/index?code=${code}`);
    await see(page, page.getByRole('heading', { name: ITEM, level: 1 }).filter({ visible: true }), 'materials-page');
    await tapAction(page, '添加材料');
    await see(page, added, 'added-material');
    await added.getByRole('textbox', { name: '材料名称', exact: true }).fill(NEW_MATERIAL);
    await added.getByRole('textbox', { name: '受理标准', exact: true }).fill('加盖单位公章，内容完整');
    await added.getByRole('radio', { name: '复印件', exact: true }).click();
    await added.getByRole('radio', { name: '情形必要', exact: true }).click();
    await tapAction(page, '保存草稿');
    const conditionError = page.locator(`#le-guide-materials-${count}-condition`).getByRole('alert');
    await see(page, conditionError, 'condition-error');
    await expect(conditionError.textContent()).resolves.toBe(`材料“${NEW_MATERIAL}”为情形必要，须写明适用情形`);
    await screenshot(page, 'lists-material-refused');

    await added.getByRole('textbox', { name: '适用情形', exact: true }).fill('饭店设有会议室的');
    const other = page.getByRole('group', { name: `材料${committed + 1}`, exact: true }).filter({ visible: true });
    await other.getByRole('switch', { name: '可告知承诺替代' }).click();
    await other.getByRole('textbox', { name: '承诺内容', exact: true }).fill(COMMITMENT);
    await tapAction(page, '保存草稿');
    await see(page, shown(page, '草稿已保存'), 'materials-saved');
    const changes = page.getByRole('list', { name: '与现行版本相比的改动' }).filter({ visible: true });
    await see(page, changes.getByRole('listitem').filter({ hasText: `申请材料“${NEW_MATERIAL}” › 适用情形` }), 'added-in-diff');
    await expect(changes.getByRole('listitem').filter({ hasText: `申请材料“${NEW_MATERIAL}” › 材料类型` }).textContent()).resolves.toContain('改为：复印件');
    const commitmentChange = changes.getByRole('listitem').filter({ hasText: `申请材料“${committedName}” › 告知承诺 › 承诺内容` });
    await expect(commitmentChange.textContent()).resolves.toContain(`改为：${COMMITMENT}`);
    await screenshot(page, 'lists-material-added');

    await added.getByRole('button', { name: `删除材料“${NEW_MATERIAL}”` }).click();
    const dialog = page.locator('.taro-modal__content').filter({ hasText: '确定删除？' });
    await visible(dialog);
    await dialog.getByText('确定', { exact: true }).click();
    await added.waitFor({ state: 'detached', timeout: 10_000 });
    await tapAction(page, '保存草稿');
    await see(page, shown(page, '草稿已保存'), 'material-removed');
    await changes.getByRole('listitem').filter({ hasText: NEW_MATERIAL }).first().waitFor({ state: 'detached', timeout: 30_000 });
    await expect(commitmentChange.count()).resolves.toBe(1);
    await screenshot(page, 'lists-material-removed');

    const editor = asUser((await signInAs('city-list_editor')).accessToken);
    const saved = (await api(`/staff/lists/${code}`, { headers: editor })).body;
    expect(saved.draft.item.guide.materials.map((m: { name: string }) => m.name)).not.toContain(NEW_MATERIAL);
    expect(saved.draft.item.guide.materials[committed].commitment).toEqual({ text: COMMITMENT });

    // Moving a material down changes the order applicants read, and is no change of content in the diff.
    const changeCount = saved.draft.changes.length;
    await page.getByRole('button', { name: '将材料1下移', exact: true }).filter({ visible: true }).first().click();
    await tapAction(page, '保存草稿');
    // The notice of the save before is still shown: wait for the draft's next revision instead.
    let reordered = saved;
    for (let tries = 0; reordered.draft.revision === saved.draft.revision && tries < 60; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      reordered = (await api(`/staff/lists/${code}`, { headers: editor })).body;
    }
    expect(reordered.draft.item.guide.materials.slice(0, 2).map((m: { id: string }) => m.id)).toEqual([published.guide.materials[1].id, published.guide.materials[0].id]);
    expect(reordered.draft.changes).toHaveLength(changeCount);
  }, 240_000);
});
