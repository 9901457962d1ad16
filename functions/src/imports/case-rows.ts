import { createHash } from 'node:crypto';
import { CASE_CHANNELS, formatCaseNumber, cstDay, maskIdentityNumber, maskMobile, type CaseStatus, type ImplementationItem } from '@ah-tourism/shared';
import { chainEntry, stepPayload, submissionEntry } from '../cases/audit';
import { caseAuditSk, casePartition } from '../cases/keys';
import type { CaseApplication, CaseRecord, EventRecord, StepRecord } from '../cases/records';
import { caseFormItem, caseRecordItem } from '../cases/store';
import type { Sealed } from '../platform/crypto';
import { maskPersonName } from '../platform/masking';
import type { NationalRecord } from './rows';

/** Who the steps of an imported case are recorded as: the national system, not a person here. */
export const NATIONAL_ACTOR = { actorId: 'national_tourism_system', actorName: CASE_CHANNELS.national_tourism_system.label } as const;

/** The key row that makes a national case number importable once (the idempotency of a re-import). */
export const nationalKey = (nationalCaseNumber: string) => ({ pk: `NATIONAL#${nationalCaseNumber}`, sk: 'NATIONAL' });

/**
 * The case number an imported case gets here: the application day and region like every case, and a
 * suffix derived from the national number instead of drawn at random, so a retried write of the same row
 * names the same case (the `NATIONAL#` row is what refuses the second write).
 */
export function importedCaseNumber(nationalCaseNumber: string, appliedAt: string, regionCode: string): string {
  const digest = createHash('sha256').update(`national:${nationalCaseNumber}`).digest();
  return formatCaseNumber(cstDay(appliedAt), regionCode, digest.subarray(0, 5));
}

/** What the applicant's sealed record holds: the `Applicant` shape, with an enterprise's contact mobile beside it. */
export function importedApplicant(applicant: NationalRecord['applicant']) {
  return applicant.kind === 'person'
    ? { kind: 'person' as const, person: { name: applicant.name, idNumber: applicant.idNumber, mobile: applicant.mobile ?? '' } }
    : { kind: 'enterprise' as const, enterprise: { name: applicant.name, creditCode: applicant.creditCode, legalRepresentative: '' }, ...(applicant.mobile ? { contactMobile: applicant.mobile } : {}) };
}

interface Step {
  at: string;
  action: string;
  to?: CaseStatus;
  opinion?: string;
}

/** The national record's history as our steps: acceptance, its own named steps, the decision and 办结. */
export function importedSteps(national: NationalRecord): Step[] {
  const steps: Step[] = [];
  if (national.acceptedAt) steps.push({ at: national.acceptedAt, action: 'accept', to: 'accepted' });
  for (const step of national.steps) steps.push({ at: step.at, action: 'national_step', opinion: step.name });
  const at = national.finishedAt!;
  if (national.status === '已办结') {
    steps.push({ at, action: national.result === 'approved' ? 'approve' : 'refuse', to: national.result === 'approved' ? 'approved' : 'refused' });
    steps.push({ at, action: 'close', to: 'closed' });
  } else if (national.status === '不予受理') {
    steps.push({ at, action: 'not_accept', to: 'not_accepted' });
    steps.push({ at, action: 'close', to: 'closed' });
  } else if (national.status === '已撤回') {
    steps.push({ at, action: 'withdraw', to: 'withdrawn' });
  }
  // By time; at the same time in the order above (a sort that keeps ties stable).
  return steps.map((step, order) => ({ step, order })).sort((a, b) => a.step.at.localeCompare(b.step.at) || a.order - b.order).map(({ step }) => step);
}

export interface ImportedCase {
  record: CaseRecord;
  application: CaseApplication;
  steps: StepRecord[];
}

/** The case as it is written: record, application (the submission = entry 1 of the audit chain) and each step with its chain entry. */
export function importedCase(national: NationalRecord, guide: ImplementationItem, sealedApplicant: Sealed, imported: { importId: string; importedAt: string }): ImportedCase {
  const caseNumber = importedCaseNumber(national.nationalCaseNumber, national.appliedAt, guide.regionCode);
  const { applicant } = national;
  const submitted: EventRecord = { at: national.appliedAt, seq: 0, action: 'submit', from: null, to: 'pre_review', by: 'system', ...NATIONAL_ACTOR };
  const masked = {
    idNumber: maskIdentityNumber(applicant.kind === 'person' ? applicant.idNumber : applicant.creditCode),
    ...(applicant.mobile ? { mobile: maskMobile(applicant.mobile) } : {}),
  };
  const base = { sealedApplicant, masked, fields: { nationalCaseNumber: national.nationalCaseNumber }, materials: [], submitted };
  const first = submissionEntry(caseNumber, base);
  const application: CaseApplication = { ...base, auditHash: first.hash };
  let head = { seq: first.seq, hash: first.hash };
  let status: CaseStatus = 'pre_review';
  const steps: StepRecord[] = importedSteps(national).map((step, index) => {
    const to = step.to ?? status;
    const event: EventRecord = { at: step.at, seq: index + 1, action: step.action, from: status, to, by: 'system', ...NATIONAL_ACTOR, ...(step.opinion ? { opinion: step.opinion } : {}) };
    const entry = chainEntry(head, { at: step.at, actorId: NATIONAL_ACTOR.actorId, actorRole: 'system', action: step.action, from: status, to }, stepPayload({ event }));
    head = { seq: entry.seq, hash: entry.hash };
    status = to;
    return { entry, event };
  });
  const record: CaseRecord = {
    caseNumber,
    status,
    version: 1,
    implementationCode: guide.implementationCode,
    itemName: guide.name,
    organisationName: guide.organisation.name,
    organisationCode: guide.organisation.creditCode,
    regionCode: guide.regionCode,
    submitterUserId: `national#${caseNumber}`,
    applicantKind: applicant.kind,
    applicantDisplayName: applicant.kind === 'person' ? maskPersonName(applicant.name) : applicant.name,
    guideVersion: guide.version,
    submittedAt: national.appliedAt,
    // Handled elsewhere: no working-day clocks run here, so no reminders and no deadlines.
    clock: {},
    auditHead: head,
    channel: 'national_tourism_system',
    imported: { nationalCaseNumber: national.nationalCaseNumber, ...imported },
  };
  return { record, application, steps };
}

/** The one transaction of an imported case: the national number's key row first (its condition is the idempotency), then the case's rows. */
export function importedCaseTransaction(tableName: string, imported: ImportedCase, importId: string) {
  const { record, application, steps } = imported;
  const national = record.imported!.nationalCaseNumber;
  return [
    {
      Put: {
        TableName: tableName,
        Item: { ...nationalKey(national), entity: 'NationalCase', caseNumber: record.caseNumber, organisationCode: record.organisationCode, importId, importedAt: record.imported!.importedAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    { Put: { TableName: tableName, Item: caseRecordItem(record), ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: tableName, Item: caseFormItem(record.caseNumber, application), ConditionExpression: 'attribute_not_exists(pk)' } },
    ...steps.map((step) => ({
      Put: { TableName: tableName, Item: { pk: casePartition(record.caseNumber), sk: caseAuditSk(step.entry.seq), entity: 'CaseStep', step }, ConditionExpression: 'attribute_not_exists(pk)' },
    })),
  ];
}
