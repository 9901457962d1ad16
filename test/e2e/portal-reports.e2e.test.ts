import type { FailedReport } from '@ah-tourism/shared/src/reports/api';
import { api } from '../support/api';
import { TRAVEL_AGENCY_FIELDS, asUser, completeApplication, newUser, signInAs, submitApplication, travelAgencyItem } from '../support/applications';
import { openPhone, screenshot, visible } from '../support/browser';
import { act } from '../support/lifecycle';
import { switchPersona } from '../support/lifecycle-phone';
import { openApp } from '../support/login-phone';
import { eventually } from '../support/notifications';
import { failPortal, failedReports, healPortal, receivedRecords } from '../support/portal-reports';

/**
 * 上报监控 on the phone (H5, Chromium, 375×812): a step the provincial platform refused is on the bureau
 * admin's list with what, why and since when, beside the late and failed counts; 重新上报 delivers it and
 * the list empties of it.
 */
describe('上报监控 (H5, Chromium)', () => {
  let phone: Awaited<ReturnType<typeof openPhone>>;
  let caseNumber: string;
  let listed: FailedReport;

  beforeAll(async () => {
    const applicant = await newUser();
    const submitted = await submitApplication(applicant, await completeApplication(applicant, await travelAgencyItem(), TRAVEL_AGENCY_FIELDS));
    if (submitted.status !== 201) throw new Error(`submit: ${submitted.status}`);
    caseNumber = submitted.body.caseNumber;
    await failPortal({ mode: 'refuse', code: 42231, caseNumber });
    const pre = (await signInAs('city-pre_review')).accessToken;
    if ((await act(pre, caseNumber, { action: 'accept', opinion: '材料齐全' })).status !== 200) throw new Error('accept failed');
    const admin = (await signInAs('city-org_admin')).accessToken;
    const found = await eventually('the refused report on the list', () => failedReports(admin), (res) => res.body.items.some((i) => i.subject === caseNumber));
    listed = found.body.items.find((i) => i.subject === caseNumber)!;
    await healPortal(caseNumber);
    phone = await openPhone();
  }, 120_000);

  afterAll(async () => phone?.close());

  it('the bureau admin sees the refused step and replays it', async () => {
    const { page } = phone;
    await switchPersona(page, 'city-org_admin');
    await openApp(page, 'pages/staff/reports/index');
    await visible(page.getByRole('heading', { name: '上报监控', level: 1 }).filter({ visible: true }).first(), 45_000);
    await visible(page.getByText('近30天上报情况').filter({ visible: true }).first());
    await visible(page.getByText('晚报').filter({ visible: true }).first());

    const row = page.getByRole('listitem').filter({ hasText: caseNumber }).filter({ visible: true }).first();
    await visible(row, 30_000);
    await expect(row.innerText()).resolves.toContain('受理（受理）');
    await expect(row.innerText()).resolves.toContain('被省平台拒收');
    await expect(row.innerText()).resolves.toContain(listed.reason);
    await expect(row.innerText()).resolves.toContain('失败时间');
    await screenshot(page, 'portal-reports-01-list');

    await row.getByRole('button', { name: `重新上报：办件环节 ${caseNumber} 受理（受理）` }).click();
    await row.waitFor({ state: 'detached', timeout: 30_000 });
    const records = await receivedRecords(caseNumber);
    expect(records.map((r) => r.messageId)).toEqual([`${caseNumber}-S2`]);
    const after = await api(`/staff/reports/failed`, { headers: asUser((await signInAs('city-org_admin')).accessToken) });
    expect(after.body.items.some((i: FailedReport) => i.subject === caseNumber)).toBe(false);
    await screenshot(page, 'portal-reports-02-replayed');
  }, 120_000);
});
