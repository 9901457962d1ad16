import { CASE_STATUSES, transitionLabel, type CaseTransition, type Delivery } from '@ah-tourism/shared';
import type { CaseStepReport, ReportStepKind } from '@ah-tourism/shared/src/reports/layout';
import type { ReportOfChange } from '../reports/outbox';
import { documentTitle } from './documents';
import { casePartition } from './keys';
import type { CaseRecord, EventRecord, IssuedDocument } from './records';

/*
 * A case's steps in the national 办件 record layout (shared/src/reports/layout.ts, README "Reporting upward"),
 * reported upward in the step's own transaction. Pure: everything comes from what the step writes.
 */

/** The national step kind (环节类别) of each transition. */
const STEP_KINDS: Record<CaseTransition, ReportStepKind> = {
  submit: 'processing',
  request_supplement: 'processing',
  resubmit: 'processing',
  accept: 'acceptance',
  not_accept: 'acceptance',
  auto_approve: 'completion',
  transfer: 'processing',
  start_special_procedure: 'special_procedure',
  end_special_procedure: 'special_procedure',
  complete_review: 'processing',
  approve: 'completion',
  refuse: 'completion',
  deliver: 'delivery',
  close: 'completion',
  mark_commitment_false: 'processing',
  withdraw: 'completion',
};

const OUTCOMES: Partial<Record<CaseTransition, NonNullable<CaseStepReport['result']>['outcome']>> = {
  approve: '准予',
  auto_approve: '准予',
  refuse: '不予',
  not_accept: '不予受理',
  withdraw: '撤回',
  close: '办结',
};

const PROCEDURES = { site_inspection: '现场核查', expert_review: '专家评审', hearing: '听证' } as const;
const DELIVERY_METHODS = { electronic: '电子送达', post: '邮寄送达', pickup: '窗口领取' } as const;

/** The message id of a case step: the same however often the step's report is written or sent. */
export const stepMessageId = (caseNumber: string, seq: number) => `${caseNumber}-S${seq}`;

/** The applicant as shared upward: a person's name masked to its first character, an enterprise's in full. */
export function reportedApplicantName(record: Pick<CaseRecord, 'applicantKind' | 'applicantDisplayName'>): string {
  if (record.applicantKind === 'enterprise') return record.applicantDisplayName || '（未登记）';
  const first = [...(record.applicantDisplayName ?? '')][0];
  return first ? `${first}**` : '**';
}

export interface StepFacts {
  /** The case after the step. */
  next: CaseRecord;
  history: EventRecord;
  /** The step's number in the audit chain. */
  auditSeq: number;
  document?: IssuedDocument;
  procedure?: keyof typeof PROCEDURES;
  delivery?: Delivery;
}

/** The report of one step of a case. */
export function caseStepReport({ next, history, auditSeq, document, procedure, delivery }: StepFacts): ReportOfChange {
  const action = history.action as CaseTransition;
  const outcome = OUTCOMES[action];
  const report: CaseStepReport = {
    recordType: 'case_step',
    messageId: stepMessageId(next.caseNumber, auditSeq),
    caseNumber: next.caseNumber,
    implementationCode: next.implementationCode,
    itemName: next.itemName,
    organisationName: next.organisationName,
    organisationCode: next.organisationCode,
    applicantName: reportedApplicantName(next),
    applicantType: next.applicantKind === 'enterprise' ? '法人' : '自然人',
    appliedAt: next.submittedAt,
    stepSeq: auditSeq,
    stepKind: STEP_KINDS[action] ?? 'processing',
    stepName: transitionLabel(action),
    officer: history.by === 'system' ? '系统' : history.by === 'applicant' ? '申请人' : history.actorName || '工作人员',
    ...(history.opinion ? { opinion: history.opinion.slice(0, 1000) } : {}),
    stepAt: history.at,
    caseStatus: CASE_STATUSES[next.status].label,
    ...(next.clock.completion?.dueAt ? { promisedAt: next.clock.completion.dueAt } : {}),
    ...(action === 'start_special_procedure' && procedure ? { specialProcedure: PROCEDURES[procedure] } : {}),
    ...(outcome
      ? {
          result: {
            outcome,
            completedAt: history.at,
            ...(document ? { documentName: documentTitle(document.kind), documentNumber: document.number } : {}),
          },
        }
      : {}),
    ...(action === 'deliver' && delivery
      ? { delivery: { method: DELIVERY_METHODS[delivery.method], deliveredAt: history.at, ...(delivery.method === 'post' ? { trackingNumber: delivery.trackingNumber } : {}) } }
      : {}),
  };
  return { partition: casePartition(next.caseNumber), report, organisationCode: next.organisationCode, changedAt: history.at };
}
