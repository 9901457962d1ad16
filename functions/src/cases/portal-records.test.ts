import { caseStepReportSchema, portalReportSchema } from '@ah-tourism/shared/src/reports/layout';
import { caseStepReport, reportedApplicantName, stepMessageId } from './portal-records';
import type { CaseRecord, EventRecord, IssuedDocument } from './records';

const record: CaseRecord = {
  caseNumber: 'AH3410002603020001',
  status: 'accepted',
  version: 3,
  implementationCode: '000117001000134100011341000003911364X',
  itemName: '旅行社业务经营许可',
  organisationName: '黄山市文化和旅游局',
  organisationCode: '113410000039113649',
  regionCode: '341000',
  submitterUserId: 'u_1',
  applicantKind: 'person',
  applicantDisplayName: '张*',
  guideVersion: 1,
  submittedAt: '2026-03-02T01:00:00.000Z',
  clock: { completion: { startedAt: '2026-03-02T02:00:00.000Z', dueAt: '2026-03-30T09:00:00.000Z' } },
};
const step = (action: string, to: CaseRecord['status'], extra: Partial<EventRecord> = {}): EventRecord => ({
  at: '2026-03-03T02:00:00.000Z',
  seq: 2,
  action,
  from: 'pre_review',
  to,
  by: 'staff',
  actorId: 's_1',
  actorName: '赵预审',
  ...extra,
});

describe('case steps in the national 办件 record layout', () => {
  it('reports acceptance with its promised completion time, in the layout the platform validates', () => {
    const change = caseStepReport({ next: record, history: step('accept', 'accepted', { opinion: '材料齐全' }), auditSeq: 2 });
    expect(change).toMatchObject({ partition: `CASE#${record.caseNumber}`, organisationCode: record.organisationCode, changedAt: '2026-03-03T02:00:00.000Z' });
    expect(caseStepReportSchema.parse(change.report)).toEqual(change.report);
    expect(change.report).toMatchObject({
      messageId: `${record.caseNumber}-S2`,
      stepKind: 'acceptance',
      stepName: '受理',
      officer: '赵预审',
      opinion: '材料齐全',
      caseStatus: '已受理',
      applicantType: '自然人',
      promisedAt: '2026-03-30T09:00:00.000Z',
    });
  });

  it('reports a decision with its result and document, a delivery with its method, a special procedure with its kind', () => {
    const document = { kind: 'approval_decision', template: 1, number: '黄文旅许〔2026〕3号', issuedAt: '2026-03-03T02:00:00.000Z', issuer: '黄山市文化和旅游局' } as IssuedDocument;
    const approved = caseStepReport({ next: { ...record, status: 'approved' }, history: step('approve', 'approved'), auditSeq: 6, document }).report;
    expect(approved).toMatchObject({ stepKind: 'completion', result: { outcome: '准予', documentName: '准予行政许可决定书', documentNumber: '黄文旅许〔2026〕3号', completedAt: '2026-03-03T02:00:00.000Z' } });
    const delivered = caseStepReport({ next: { ...record, status: 'delivered' }, history: step('deliver', 'delivered'), auditSeq: 7, delivery: { method: 'pickup', hall: '黄山市政务服务中心' } }).report;
    expect(delivered).toMatchObject({ stepKind: 'delivery', delivery: { method: '窗口领取', deliveredAt: '2026-03-03T02:00:00.000Z' } });
    expect(delivered).not.toHaveProperty('result');
    const special = caseStepReport({ next: { ...record, status: 'special_procedure' }, history: step('start_special_procedure', 'special_procedure'), auditSeq: 3, procedure: 'hearing' }).report;
    expect(special).toMatchObject({ stepKind: 'special_procedure', specialProcedure: '听证' });
    for (const report of [approved, delivered, special]) expect(portalReportSchema.safeParse(report).success).toBe(true);
  });

  it('names who acted: the system for the automatic close, the applicant for a withdrawal', () => {
    expect(caseStepReport({ next: { ...record, status: 'closed' }, history: step('close', 'closed', { by: 'system' }), auditSeq: 8 }).report).toMatchObject({ officer: '系统', stepKind: 'completion', result: { outcome: '办结' } });
    expect(caseStepReport({ next: { ...record, status: 'withdrawn' }, history: step('withdraw', 'withdrawn', { by: 'applicant', opinion: '不再需要' }), auditSeq: 4 }).report).toMatchObject({ officer: '申请人', result: { outcome: '撤回' } });
  });

  it('shares a person only by the first character of their name, an enterprise by its name', () => {
    expect(reportedApplicantName({ applicantKind: 'person', applicantDisplayName: '张三丰' })).toBe('张**');
    expect(reportedApplicantName({ applicantKind: 'person', applicantDisplayName: '' })).toBe('**');
    expect(reportedApplicantName({ applicantKind: 'enterprise', applicantDisplayName: '黄山云海旅行社有限公司' })).toBe('黄山云海旅行社有限公司');
  });

  it('keeps one message id per step, however often it is written', () => {
    expect(stepMessageId('AH1', 5)).toBe('AH1-S5');
    const a = caseStepReport({ next: record, history: step('accept', 'accepted'), auditSeq: 2 });
    const b = caseStepReport({ next: record, history: step('accept', 'accepted'), auditSeq: 2 });
    expect(a.report.messageId).toBe(b.report.messageId);
  });

  it('a record outside the layout is refused by the schema the platform stand-in applies', () => {
    const { report } = caseStepReport({ next: record, history: step('accept', 'accepted'), auditSeq: 2 });
    expect(portalReportSchema.safeParse({ ...report, organisationCode: 'x' }).success).toBe(false);
    expect(portalReportSchema.safeParse({ ...report, stepKind: 'unknown' }).success).toBe(false);
    expect(portalReportSchema.safeParse({ ...report, messageId: undefined }).success).toBe(false);
  });
});
