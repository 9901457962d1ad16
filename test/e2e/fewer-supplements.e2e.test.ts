import type { ImplementationItem } from '@ah-tourism/shared';
import { api } from '../support/api';
import { asUser, cityItem, completeApplication, signInAs, submitApplication, travelAgencyItem, validCreditCode } from '../support/applications';
import { pdfFile, upload } from '../support/apply-phone';
import { openPhone, screenshot, visible } from '../support/browser';
import { act } from '../support/lifecycle';
import { slot, switchPersona, untilVisible } from '../support/lifecycle-phone';
import { openApp } from '../support/login-phone';

/**
 * Fewer supplements, on a phone-sized H5 app against the real local stack: a second application starts
 * from what the person gave in their first (with the note and a way to clear it); a file re-uploaded for
 * a one-time notice is still there after leaving the case page; a city's form offers only the grades
 * its conditions say it rates.
 */
const PERSONA = 'enterprise';
const ENTERPRISE = '黄山预填测试旅行社有限公司';
const CREDIT_CODE = validCreditCode('91341000MA2TY5Q8W');

/** Warms a route's function (a cold start on a busy machine can outlast the app's request timeout). */
const warm = (token: string, path: string) => api(path, { headers: asUser(token) });

describe('fewer supplements (H5, Chromium)', () => {
  let phone: Awaited<ReturnType<typeof openPhone>>;
  let token = '';
  let agency: ImplementationItem;

  beforeAll(async () => {
    phone = await openPhone();
    token = (await signInAs(PERSONA)).accessToken;
    agency = await travelAgencyItem();
  }, 60_000);

  afterAll(async () => {
    await phone?.close();
  });

  it('prefills a second application from the first, says so, and clears it on request', async () => {
    // The first application, as the persona's newest (through the API: the form itself is the apply story's).
    const first = await completeApplication(token, agency, { agencyName: ENTERPRISE, premisesAddress: '黄山市屯溪区新安北路99号', premisesTenure: '自有产权', registeredCapital: 30 });
    first.applicant.enterprise = { name: ENTERPRISE, creditCode: CREDIT_CODE, legalRepresentative: '汪预填' };
    expect((await submitApplication(token, first)).status).toBe(201);
    const outlet = await cityItem('旅行社服务网点设立备案');
    // A draft of this item would be restored instead: start from none.
    await api(`/drafts/${outlet.implementationCode}`, { method: 'DELETE', headers: asUser(token) });
    await warm(token, `/me/application-prefill/${outlet.implementationCode}`);

    const { page } = phone;
    await switchPersona(page, PERSONA);
    await openApp(page, `pages/cases/apply/index?code=${outlet.implementationCode}`);
    const note = page.getByRole('status').filter({ hasText: '已根据您上次的申请预填，请核对' });
    await untilVisible(page, note);
    await expect(page.getByLabel('申请企业名称').inputValue()).resolves.toBe(ENTERPRISE);
    await expect(page.getByLabel('申请企业统一社会信用代码').inputValue()).resolves.toBe(CREDIT_CODE);
    await expect(page.getByLabel('法定代表人姓名').inputValue()).resolves.toBe('汪预填');
    await expect(page.getByLabel('经办人姓名').inputValue()).resolves.toBe('程晓雨');
    await expect(page.getByLabel('旅行社名称').inputValue()).resolves.toBe(ENTERPRISE);
    // What belongs to this application only is left to fill in.
    await expect(page.getByLabel('服务网点名称').inputValue()).resolves.toBe('');
    await screenshot(page, 'fewer-supplements-01-prefilled');

    await note.getByRole('button', { name: '清空根据上次申请预填的内容' }).click();
    await note.waitFor({ state: 'detached' });
    await expect(page.getByLabel('申请企业名称').inputValue()).resolves.toBe('');
    await expect(page.getByLabel('旅行社名称').inputValue()).resolves.toBe('');
  }, 120_000);

  it('keeps a file re-uploaded for a one-time notice after leaving the case page, until the supplement is submitted', async () => {
    const material = agency.guide.materials.find((m) => m.name === '旅行社业务经营许可申请书')!;
    const submitted = await submitApplication(token, await completeApplication(token, agency, { agencyName: ENTERPRISE, premisesAddress: '黄山市屯溪区新安北路99号', premisesTenure: '自有产权', registeredCapital: 30 }));
    expect(submitted.status).toBe(201);
    const caseNumber = submitted.body.caseNumber as string;
    const preReviewer = (await signInAs('city-pre_review')).accessToken;
    expect((await act(preReviewer, caseNumber, { action: 'request_supplement', defects: [{ materialId: material.id, reason: '缺少法定代表人签字' }] })).status).toBe(200);
    await warm(token, `/cases/${caseNumber}/supplement-draft`);

    const { page } = phone;
    await openApp(page, `pages/cases/detail/index?caseNumber=${caseNumber}`);
    const notice = page.getByRole('region', { name: /^需补正材料/ });
    await untilVisible(page, notice);
    await visible(notice.getByText('上传的补正材料会自动保存，离开本页后再回来仍在'));
    await upload(slot(page, material.name), `上传补正后的${material.name}`, pdfFile('申请书（已签字）.pdf'));
    await visible(notice.getByRole('status').filter({ hasText: '补正材料已保存，离开本页后再回来仍在' }));

    // Leaving for 我的 and coming back: the file is still there.
    await openApp(page, 'pages/mine/index');
    await visible(page.getByRole('button', { name: '退出登录' }).filter({ visible: true }));
    await openApp(page, `pages/cases/detail/index?caseNumber=${caseNumber}`);
    await untilVisible(page, notice);
    await visible(notice.getByRole('status').filter({ hasText: /^已恢复您于.+上传的补正材料，请核对后重新提交$/ }));
    await visible(slot(page, material.name).getByText('申请书（已签字）.pdf', { exact: true }));
    await screenshot(page, 'fewer-supplements-02-supplement-restored');

    await page.getByRole('button', { name: '重新提交', exact: true }).click();
    await visible(page.getByRole('status').filter({ hasText: '补正材料已重新提交，等待工作人员预审' }));
    await notice.waitFor({ state: 'detached' });
    // Submitting the supplement cleared the draft.
    expect((await api(`/cases/${caseNumber}/supplement-draft`, { headers: asUser(token) })).body).toEqual({ caseNumber, version: 0, materials: {}, updatedAt: null });
  }, 150_000);

  it('offers only the grades the city rates, with its rule beside them', async () => {
    const rating = await cityItem('A级旅游景区质量等级评定');
    await api(`/drafts/${rating.implementationCode}`, { method: 'DELETE', headers: asUser(token) });
    const { page } = phone;
    await openApp(page, `pages/cases/apply/index?code=${rating.implementationCode}`);
    const grades = page.getByRole('radiogroup', { name: '申报等级' });
    await untilVisible(page, grades);
    expect(await grades.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.getAttribute('aria-label')))).toEqual(['A级', 'AA级', 'AAA级']);
    await visible(page.getByText('市级文化和旅游部门受理3A级及以下等级旅游景区的评定申请；申报4A级旅游景区，请向安徽省文化和旅游厅申请'));
    await grades.scrollIntoViewIfNeeded();
    await screenshot(page, 'fewer-supplements-03-city-grades');
  }, 90_000);
});
