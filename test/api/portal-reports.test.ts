import type { CaseStepReport, EvaluationReport } from '@ah-tourism/shared/src/reports/layout';
import { forRequests } from '../support/api';
import { TRAVEL_AGENCY_FIELDS, completeApplication, newUser, signInAs, submitApplication, travelAgencyItem } from '../support/applications';
import { evaluate, finishedCase } from '../support/evaluations';
import { act } from '../support/lifecycle';
import { staffOf } from '../support/licences';
import { HUANGSHAN_BUREAU, eventually, invokeFunction } from '../support/notifications';
import { failPortal, failedReports, healPortal, portalRequests, receivedRecords, recordsOf, replayReport, retryReportsAt } from '../support/portal-reports';

/*
 * Reporting upward to the provincial platform (its stand-in, scripts/local/portal-report-standin.ts): every
 * case step, evaluation and guide version leaves in the change's own transaction, in order per case, once
 * at the platform; failures are retried with backoff, refusals and give-ups land on the dead-letter list,
 * where an administrator sees them and replays them.
 */
const MINUTE = 60_000;

async function newCase(): Promise<string> {
  const applicant = await newUser();
  const submitted = await submitApplication(applicant, await completeApplication(applicant, await travelAgencyItem(), TRAVEL_AGENCY_FIELDS));
  expect(submitted.status).toBe(201);
  return submitted.body.caseNumber as string;
}

const stepsOf = (records: { record: unknown }[]) => records.map((r) => r.record as CaseStepReport);

let staff: Awaited<ReturnType<typeof staffOf>>;
let orgAdmin: string;
let provinceAdmin: string;

beforeAll(async () => {
  staff = await staffOf('city');
  orgAdmin = (await signInAs('city-org_admin')).accessToken;
  provinceAdmin = (await signInAs('province-admin')).accessToken;
}, forRequests(5));

describe('a case taken through its whole lifecycle', () => {
  it('reaches the platform as one record per step, each once and in order, in the national layout', async () => {
    const caseNumber = await newCase();
    const deliverer = (await signInAs('city-deliver')).accessToken;
    const steps: [string, Parameters<typeof act>[2]][] = [
      ['pre', { action: 'accept', opinion: '材料齐全，予以受理' }],
      ['review', { action: 'start_special_procedure', procedure: 'site_inspection', reason: '需现场核查经营场所' }],
      ['review', { action: 'end_special_procedure', opinion: '现场核查合格' }],
      ['review', { action: 'complete_review', opinion: '符合条件' }],
      ['decide', { action: 'approve', opinion: '同意' }],
    ];
    for (const [who, request] of steps) expect((await act(staff[who as keyof typeof staff], caseNumber, request)).status).toBe(200);
    expect((await act(deliverer, caseNumber, { action: 'deliver', delivery: { method: 'post', trackingNumber: 'SF1234567890' } })).status).toBe(200);
    const closed = await invokeFunction<{ closed: number }>('closeDeliveredCasesAt', { now: new Date(Date.now() + 11 * 86_400_000).toISOString() });
    expect(closed.functionError).toBeNull();

    const records = stepsOf(await recordsOf(caseNumber, 7));
    expect(records.map((r) => [r.stepSeq, r.stepKind, r.stepName])).toEqual([
      [2, 'acceptance', '受理'],
      [3, 'special_procedure', '启动特别程序'],
      [4, 'special_procedure', '特别程序结束'],
      [5, 'processing', '审查完成'],
      [6, 'completion', '准予许可'],
      [7, 'delivery', '送达'],
      [8, 'completion', '办结'],
    ]);
    expect(records.map((r) => r.messageId)).toEqual([2, 3, 4, 5, 6, 7, 8].map((seq) => `${caseNumber}-S${seq}`));
    expect(records[0]).toMatchObject({ caseNumber, organisationCode: HUANGSHAN_BUREAU, applicantType: '法人', officer: expect.any(String), opinion: '材料齐全，予以受理', caseStatus: '已受理', promisedAt: expect.any(String) });
    expect(records[1]!.specialProcedure).toBe('现场核查');
    expect(records[4]!.result).toMatchObject({ outcome: '准予', documentName: '准予行政许可决定书', documentNumber: expect.stringContaining('许') });
    expect(records[5]!.delivery).toEqual({ method: '邮寄送达', deliveredAt: expect.any(String), trackingNumber: 'SF1234567890' });
    expect(records[6]!).toMatchObject({ result: { outcome: '办结' }, officer: '系统', caseStatus: '已办结' });
    // Nothing personal beyond the applicant's (masked) name: no ID number, no contact.
    for (const r of records) expect(Object.keys(r).filter((key) => /idNumber|idType|mobile|phone|contact|address/i.test(key))).toEqual([]);

    // Running the retries later finds nothing more to send; the platform still has each step once.
    await retryReportsAt(new Date(Date.now() + 30 * MINUTE));
    expect(await receivedRecords(caseNumber)).toHaveLength(7);
    expect((await portalRequests(caseNumber)).filter((r) => r.code === 0)).toHaveLength(7);
  }, forRequests(30));

  it('reports the case\'s evaluation after its steps', async () => {
    const { applicant, caseNumber } = await finishedCase();
    expect((await evaluate(applicant, caseNumber, { level: 'satisfied' })).status).toBe(201);
    const records = await eventually('the evaluation at the platform', () => receivedRecords(caseNumber), (rs) => rs.some((r) => (r.record as { recordType: string }).recordType === 'evaluation'));
    const evaluation = records.at(-1)!.record as EvaluationReport;
    expect(evaluation).toMatchObject({ recordType: 'evaluation', caseNumber, level: 4, levelLabel: '满意', channel: expect.any(String) });
    expect(records.slice(0, -1).map((r) => (r.record as CaseStepReport).stepKind)).toEqual(['completion', 'delivery']);
  }, forRequests(10));
});

describe('the platform fails for a while, then recovers', () => {
  it('delivers everything after backoff, in order, nothing twice, and counts the late ones', async () => {
    const caseNumber = await newCase();
    const before = (await failedReports(orgAdmin)).body.counts!;
    await failPortal({ mode: 'http5xx', times: 3, caseNumber });
    const start = Date.now();
    expect((await act(staff.pre, caseNumber, { action: 'accept', opinion: '材料齐全' })).status).toBe(200);
    // The first attempt (from the stream) fails; the step after waits behind it.
    await eventually('the first failed attempt', () => portalRequests(caseNumber), (rs) => rs.length >= 1);
    expect((await act(staff.review, caseNumber, { action: 'complete_review', opinion: '符合条件' })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await receivedRecords(caseNumber)).toEqual([]);

    // Not due yet: nothing is tried.
    await retryReportsAt(new Date(start + 10_000));
    expect((await portalRequests(caseNumber)).length).toBe(1);
    // Two more failures at their times (30 s, then 2 min later), then the platform takes both, in order.
    await retryReportsAt(new Date(start + 1 * MINUTE));
    await retryReportsAt(new Date(start + 4 * MINUTE));
    expect(await receivedRecords(caseNumber)).toEqual([]);
    await retryReportsAt(new Date(start + 20 * MINUTE));
    const records = stepsOf(await receivedRecords(caseNumber));
    expect(records.map((r) => r.stepName)).toEqual(['受理', '审查完成']);
    expect((await portalRequests(caseNumber)).map((r) => r.code)).toEqual([50300, 50300, 50300, 0, 0]);

    // Again later: nothing is sent twice.
    await retryReportsAt(new Date(start + 60 * MINUTE));
    expect(await receivedRecords(caseNumber)).toHaveLength(2);
    // Taken 20 minutes after the change: both late (晚报), counted for the bureau.
    const after = (await failedReports(orgAdmin)).body.counts!;
    expect(after.late - before.late).toBeGreaterThanOrEqual(2);
    expect(after).toMatchObject({ organisationCode: HUANGSHAN_BUREAU, days: 30, lateAfterMinutes: 15 });
  }, forRequests(30));
});

describe('the dead-letter list (上报监控)', () => {
  it('a refused record is listed with what, why and since when; replay delivers it and the steps held behind it', async () => {
    const caseNumber = await newCase();
    const before = (await failedReports(orgAdmin)).body.counts!;
    await failPortal({ mode: 'refuse', code: 42231, caseNumber });
    expect((await act(staff.pre, caseNumber, { action: 'accept', opinion: '材料齐全' })).status).toBe(200);
    const listed = await eventually('the refused report on the list', () => failedReports(orgAdmin), (res) => res.body.items.some((i) => i.subject === caseNumber));
    const item = listed.body.items.find((i) => i.subject === caseNumber)!;
    expect(item).toMatchObject({ messageId: `${caseNumber}-S2`, recordLabel: '办件环节', summary: '受理（受理）', state: 'refused', stateLabel: '被省平台拒收', refusalCode: '42231', attempts: 1, organisationCode: HUANGSHAN_BUREAU });
    expect(item.reason).toContain('拒收');
    expect(Date.parse(item.since)).toBeGreaterThanOrEqual(Date.parse(item.changedAt));
    expect(listed.body.counts!.failed - before.failed).toBeGreaterThanOrEqual(1);
    // The next step waits behind the refused one rather than overtake it.
    expect((await act(staff.review, caseNumber, { action: 'complete_review', opinion: '符合条件' })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await receivedRecords(caseNumber)).toEqual([]);

    // The province's administrator sees it too; a bureau admin sees only their own; others not at all.
    expect((await failedReports(provinceAdmin)).body.items.some((i) => i.reportId === item.reportId)).toBe(true);
    expect((await failedReports(orgAdmin, { organisationCode: '11340000003325011J' })).status).toBe(403);
    expect((await failedReports(staff.pre)).status).toBe(403);
    expect((await replayReport(staff.pre, item.reportId)).status).toBe(403);
    expect(((await replayReport(orgAdmin, 'bm90LWEtcmVwb3J0')).body as unknown as { code: string }).code).toBe('REPORT_NOT_FOUND');

    await healPortal(caseNumber);
    const replayed = await replayReport(orgAdmin, item.reportId);
    expect(replayed.status).toBe(200);
    expect(replayed.body).toMatchObject({ replayed: true, state: 'delivered', stateLabel: '省平台已接收' });
    const records = stepsOf(await recordsOf(caseNumber, 2));
    expect(records.map((r) => r.stepName)).toEqual(['受理', '审查完成']);
    // Replaying again changes nothing and sends nothing.
    expect((await replayReport(orgAdmin, item.reportId)).body).toMatchObject({ replayed: false, state: 'delivered' });
    expect(await receivedRecords(caseNumber)).toHaveLength(2);
    expect((await failedReports(orgAdmin)).body.items.some((i) => i.subject === caseNumber)).toBe(false);
  }, forRequests(30));

  it('a record the platform never takes is given up after the last attempt, listed, and delivered on replay', async () => {
    const caseNumber = await newCase();
    await failPortal({ mode: 'http5xx', caseNumber });
    const start = Date.now();
    expect((await act(staff.pre, caseNumber, { action: 'accept', opinion: '材料齐全' })).status).toBe(200);
    await eventually('the first failed attempt', () => portalRequests(caseNumber), (rs) => rs.length >= 1);
    // Each retry at its time: 30 s, 2 min, 10 min, 30 min, 2 h, 6 h after the one before.
    for (const at of [1, 4, 15, 50, 180, 600]) await retryReportsAt(new Date(start + at * MINUTE));
    expect((await portalRequests(caseNumber)).map((r) => r.code)).toEqual(Array(7).fill(50300));
    const item = (await failedReports(orgAdmin)).body.items.find((i) => i.subject === caseNumber)!;
    expect(item).toMatchObject({ state: 'failed', stateLabel: '多次重试后放弃', attempts: 7, reason: expect.stringContaining('503') });
    // Given up: no further attempts.
    await retryReportsAt(new Date(start + 1_200 * MINUTE));
    expect(await portalRequests(caseNumber)).toHaveLength(7);

    await healPortal(caseNumber);
    expect((await replayReport(provinceAdmin, item.reportId)).body).toMatchObject({ replayed: true, state: 'delivered' });
    expect(stepsOf(await receivedRecords(caseNumber)).map((r) => r.messageId)).toEqual([`${caseNumber}-S2`]);
  }, forRequests(30));
});
