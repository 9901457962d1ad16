import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { cstDay, type ImplementationItem, type VisitBooking } from '@ah-tourism/shared';
import { outboxPut } from '../notifications/outbox';
import { timerPut } from '../notifications/timers';
import { config } from '../platform/config';
import { decodeCursor, encodeCursor } from '../platform/cursor';
import { dynamo } from '../platform/dynamodb';
import { idempotencyClaim } from '../platform/idempotency';
import { stepPayload, type ChainLink } from './audit';
import { renderDocument } from './documents';
import type { RectificationTask, StoredEvaluation } from './feedback-records';
import {
  AUDIT_PREFIX,
  CASE_VIEW_RANGE,
  EVALUATION_SK,
  RECTIFICATION_SK,
  VISIT_SK,
  caseFormKey,
  caseKey,
  casePartition,
  draftKey,
  closingPartition,
  closingTime,
  importedPartition,
  inboxPartition,
  userCasesPartition,
} from './keys';
import type { UploadVerdict } from './materials';
import { byTime, type CaseApplication, type CaseRecord, type CreateResult, type EventRecord, type NewCase, type StepRecord, type StoredCase } from './records';
import { refutedProofs, uploadProofCheck } from './upload-verdicts';

/** Resolves the immutable guide version a case was applied under (the catalog's per-container cache). */
export type GuideVersionSource = (implementationCode: string, version: number) => Promise<ImplementationItem | undefined>;

/** The case was not written: these uploads' verdicts do not say what was proven; each with its verdict as it is now. */
export interface RefutedUploads {
  refuted: Map<string, UploadVerdict | undefined>;
}

export interface CaseStore {
  createCase(input: NewCase): Promise<CreateResult | RefutedUploads>;
  /** The rows a case page shows (one Query) and its guide version (from memory once seen). */
  getCase(caseNumber: string): Promise<StoredCase | undefined>;
  /** The audit entries of the case's steps (the AUDIT# rows) with what each covers; the submission's is in the application. */
  getAudit(caseNumber: string): Promise<ChainLink[]>;
  listCases(userId: string, limit: number, cursor: string | undefined): Promise<{ items: CaseRecord[]; nextCursor: string | null }>;
}

/**
 * The index entries of a case: the applicant's list (GSI1) and, while the case is open, its
 * organisation's inbox sorted by the active deadline (GSI2 `INBOX#<org>` / `<dueAt or ~>#<no>`). They sit
 * on the small META record only, so an index entry holds what a list shows and nothing personal.
 */
export function caseIndexKeys(record: CaseRecord) {
  // An imported case needs nothing of staff here: it is listed apart, newest first, whatever its status.
  if (record.channel === 'national_tourism_system') {
    return { gsi1pk: userCasesPartition(record.submitterUserId), gsi1sk: `CASE#${record.submittedAt}#${record.caseNumber}`, gsi2pk: importedPartition(record.organisationCode), gsi2sk: `${record.submittedAt}#${record.caseNumber}` };
  }
  // A delivered case needs nothing more of staff: it leaves the inbox and waits to be closed.
  const open = !['delivered', 'closed', 'withdrawn'].includes(record.status);
  const due = record.clock.completion?.dueAt ?? (record.status === 'pre_review' ? record.clock.preReview?.dueAt : undefined);
  const closeAt = record.status === 'delivered' && record.deliveredAt ? closingTime(record.deliveredAt) : undefined;
  return {
    gsi1pk: userCasesPartition(record.submitterUserId),
    gsi1sk: `CASE#${record.submittedAt}#${record.caseNumber}`,
    ...(open ? { gsi2pk: inboxPartition(record.organisationCode), gsi2sk: `${due ?? '~'}#${record.caseNumber}` } : {}),
    ...(closeAt ? { gsi2pk: closingPartition(cstDay(closeAt)), gsi2sk: `${closeAt}#${record.caseNumber}` } : {}),
  };
}

/** The Put of a case's META record (used at submission and, with a version condition, by every step). */
export const caseRecordItem = (record: CaseRecord) => ({ ...caseKey(record.caseNumber), entity: 'Case', ...caseIndexKeys(record), record });
export const caseFormItem = (caseNumber: string, application: CaseApplication) => ({ ...caseFormKey(caseNumber), entity: 'CaseForm', application });

/** What DynamoDB takes in one transaction. */
export const MAX_TRANSACTION_ITEMS = 100;

/**
 * The one transaction that creates a case (exported so the submission benchmark sends exactly it). The
 * uploads' proofs come last, so their cancellation reasons are the last ones, in the proofs' order.
 */
export function newCaseTransaction(tableName: string, { record, application, events, timers, idempotency, uploads, extra = [] }: NewCase) {
  const items = [
    { Put: { TableName: tableName, Item: caseRecordItem(record), ConditionExpression: 'attribute_not_exists(pk)' } },
    idempotencyClaim(tableName, idempotency, { caseNumber: record.caseNumber }, new Date(record.submittedAt), idempotency.ttlSeconds),
    { Put: { TableName: tableName, Item: caseFormItem(record.caseNumber, application) } },
    { Delete: { TableName: tableName, Key: draftKey(record.submitterUserId, record.implementationCode) } },
    ...events.map((notification) => outboxPut(tableName, notification)),
    ...timers.map((timer) => timerPut(tableName, timer)),
    ...extra,
    ...uploads.map((proof) => uploadProofCheck(tableName, proof)),
  ];
  // The guide schema bounds materials (MAX_GUIDE_MATERIALS) so that this cannot happen.
  if (items.length > MAX_TRANSACTION_ITEMS) throw new Error(`A case of ${uploads.length} files needs ${items.length} transaction items`);
  return items;
}

export function dynamoCaseStore(guides: GuideVersionSource): CaseStore {
  const db = dynamo();
  const { tableName } = config();

  return {
    async createCase(input) {
      const items = newCaseTransaction(tableName, input);
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items }));
        return 'created';
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        if (reasons[1]?.Code === 'ConditionalCheckFailed') return 'idempotency_key_taken';
        const refuted = refutedProofs(reasons.slice(items.length - input.uploads.length), input.uploads);
        if (refuted.size) return { refuted };
        if (reasons[0]?.Code === 'ConditionalCheckFailed') return 'case_number_taken';
        return 'conflict';
      }
    },

    async getCase(caseNumber) {
      const rows: Record<string, unknown>[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
            ExpressionAttributeValues: { ':pk': casePartition(caseNumber), ':from': CASE_VIEW_RANGE.from, ':to': CASE_VIEW_RANGE.to },
            ExclusiveStartKey: startKey,
          }),
        );
        rows.push(...(page.Items ?? []));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      const meta = rows.find((row) => row.sk === 'META');
      const form = rows.find((row) => row.sk === 'FORM');
      if (!meta || !form) return undefined;
      const record = meta.record as CaseRecord;
      const application = form.application as CaseApplication;
      const guide = await guides(record.implementationCode, record.guideVersion);
      if (!guide) throw new Error(`Guide version ${record.guideVersion} of ${record.implementationCode} is missing`);
      const steps = rows.filter((row) => row.entity === 'CaseStep').map((row) => row.step as StepRecord);
      const others = rows.filter((row) => row.entity === 'CaseEvent').map((row) => row.event as EventRecord);
      return {
        record,
        application,
        guide,
        events: [application.submitted, ...steps.map((s) => s.event), ...others].sort(byTime),
        documents: steps.flatMap((s) => (s.document ? [renderDocument(s.document, record)] : [])).sort((a, b) => a.issuedAt.localeCompare(b.issuedAt)),
        visit: rows.find((row) => row.sk === VISIT_SK)?.booking as VisitBooking | undefined,
        evaluation: rows.find((row) => row.sk === EVALUATION_SK)?.stored as StoredEvaluation | undefined,
        rectification: rows.find((row) => row.sk === RECTIFICATION_SK)?.task as RectificationTask | undefined,
      };
    },

    async getAudit(caseNumber) {
      const links: ChainLink[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
            ExpressionAttributeValues: { ':pk': casePartition(caseNumber), ':audit': AUDIT_PREFIX },
            ExclusiveStartKey: startKey,
          }),
        );
        links.push(...(page.Items ?? []).map((row) => ({ entry: (row.step as StepRecord).entry, payload: stepPayload(row.step as StepRecord) })));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return links;
    },

    async listCases(userId, limit, cursor) {
      const partition = userCasesPartition(userId);
      const keyNames = ['pk', 'sk', 'gsi1pk', 'gsi1sk'];
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :case)',
          ExpressionAttributeValues: { ':pk': partition, ':case': 'CASE#' },
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: cursor ? decodeCursor(cursor, keyNames, { name: 'gsi1pk', value: partition }) : undefined,
        }),
      );
      const next = result.LastEvaluatedKey;
      return {
        items: (result.Items ?? []).map((row) => row.record as CaseRecord),
        nextCursor: next ? encodeCursor(next) : null,
      };
    },
  };
}
