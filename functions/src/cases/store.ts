import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { CaseDocument, VisitBooking, CaseStatus, ImplementationItem, MaterialContentType, NotificationEvent } from '@ah-tourism/shared';
import type { AuditEntry } from '../workbench/audit';
import type { SmartApproval } from '../workbench/smart-approval';
import { outboxPut } from '../notifications/outbox';
import { timerPut, type Timer } from '../notifications/timers';
import { config } from '../platform/config';
import { EVALUATION_SK, RECTIFICATION_SK } from '../feedback/keys';
import type { RectificationTask, StoredEvaluation } from '../feedback/records';
import type { Sealed } from '../platform/crypto';
import { decodeCursor, encodeCursor } from '../platform/cursor';
import { dynamo } from '../platform/dynamodb';
import { DRAFT_PREFIX, caseKey, casePartition, draftKey, idempotencyKey, inboxPartition, userCasesPartition } from './keys';

export interface CaseRecord {
  caseNumber: string;
  status: CaseStatus;
  version: number;
  implementationCode: string;
  itemName: string;
  organisationName: string;
  /** Unified social credit code of the implementing organisation: whose staff handle the case. */
  organisationCode: string;
  regionCode: string;
  submitterUserId: string;
  applicantKind: 'person' | 'enterprise';
  applicantDisplayName: string;
  idNumberMasked: string;
  mobileMasked?: string;
  agentName?: string;
  /** The full applicant (names, identity numbers, mobiles), envelope-encrypted. */
  sealedApplicant: Sealed;
  fields: Record<string, unknown>;
  guideVersion: number;
  submittedAt: string;
  /** Working-day clocks: the pre-review window and the promised completion time. */
  clock: CaseClock;
  /** Per-material pre-review state, once a staff member has reviewed. */
  materialStates?: Record<string, { state: 'needs_supplement' | 'resubmitted'; reason: string }>;
  /** The head of the case's hash-chained audit log. */
  auditHead?: { seq: number; hash: string };
  /** What the item's smart-approval rules found at submission. */
  smartApproval?: SmartApproval;
}

export interface CaseClock {
  preReview?: { startedAt: string; dueAt?: string; pausedAt?: string };
  completion?: { startedAt: string; dueAt?: string; pausedAt?: string; remainingWorkingDays?: number };
}

export interface StoredFile {
  index: number;
  key: string;
  fileName: string;
  size: number;
  contentType: MaterialContentType;
}

export interface MaterialRecord {
  /** Position in the guide, so the case lists materials as the guide does. */
  order?: number;
  materialId: string;
  name: string;
  source: 'applicant' | 'issued_licence';
  licenceName?: string;
  /**
   * For a material an issued licence proves (减证便民): a reference to that licence, to be resolved from
   * the applicant's licence wallet. Until the wallet exists it stays 'awaiting_wallet'.
   */
  licence?: { name: string; issuer: string; status: 'awaiting_wallet' | 'verified'; number?: string };
  files: StoredFile[];
}

export interface EventRecord {
  at: string;
  seq: number;
  action: string;
  from: CaseStatus | null;
  to: CaseStatus;
  by: 'applicant' | 'staff' | 'system';
  actorId: string;
  actorName?: string;
  opinion?: string;
}

/** Everything in a case's partition that its readers need. */
export interface StoredCase {
  record: CaseRecord;
  guide: ImplementationItem;
  materials: MaterialRecord[];
  events: EventRecord[];
  documents: CaseDocument[];
  audit: AuditEntry[];
  /** The booked on-site visit of a negative-list item. */
  visit?: VisitBooking;
  /** 一事一评: the case's evaluation and, for a bad review, its rectification task. */
  evaluation?: StoredEvaluation;
  rectification?: RectificationTask;
}

export interface IdempotencyRecord {
  requestHash: string;
  caseNumber: string;
}

export interface NewCase {
  record: CaseRecord;
  guide: ImplementationItem;
  materials: MaterialRecord[];
  event: EventRecord;
  /** Outbox events written with the case (see notifications/outbox.ts). */
  events: NotificationEvent[];
  /** Deadline reminders written with the case. */
  timers: Timer[];
  idempotency: { userId: string; key: string; requestHash: string; ttlSeconds: number };
}

export type CreateResult = 'created' | 'idempotency_key_taken' | 'case_number_taken' | 'conflict';

export interface StoredDraft {
  implementationCode: string;
  itemName: string;
  sealedForm: Sealed;
  updatedAt: string;
  expiresAt: string;
}

export interface CaseStore {
  createCase(input: NewCase): Promise<CreateResult>;
  getIdempotency(userId: string, key: string): Promise<IdempotencyRecord | undefined>;
  getCase(caseNumber: string): Promise<StoredCase | undefined>;
  listCases(userId: string, limit: number, cursor: string | undefined): Promise<{ items: CaseRecord[]; nextCursor: string | null }>;
  saveDraft(userId: string, draft: StoredDraft): Promise<void>;
  getDraft(userId: string, implementationCode: string): Promise<StoredDraft | undefined>;
  listDrafts(userId: string): Promise<StoredDraft[]>;
  deleteDraft(userId: string, implementationCode: string): Promise<void>;
}

const epochSeconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

/**
 * The index entries of a case: the applicant's list (GSI1) and, while the case is open, its
 * organisation's inbox sorted by the active deadline (GSI2 `INBOX#<org>` / `<dueAt or ~>#<no>`).
 */
export function caseIndexKeys(record: CaseRecord) {
  const open = !['closed', 'withdrawn'].includes(record.status);
  const due = record.clock.completion?.dueAt ?? (record.status === 'pre_review' ? record.clock.preReview?.dueAt : undefined);
  return {
    gsi1pk: userCasesPartition(record.submitterUserId),
    gsi1sk: `CASE#${record.submittedAt}#${record.caseNumber}`,
    ...(open ? { gsi2pk: inboxPartition(record.organisationCode), gsi2sk: `${due ?? '~'}#${record.caseNumber}` } : {}),
  };
}

export function dynamoCaseStore(): CaseStore {
  const db = dynamo();
  const { tableName } = config();

  return {
    async createCase({ record, guide, materials, event, events, timers, idempotency }) {
      const pk = casePartition(record.caseNumber);
      const items = [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...caseKey(record.caseNumber),
              entity: 'Case',
              ...caseIndexKeys(record),
              record,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: {
              ...idempotencyKey(idempotency.userId, idempotency.key),
              entity: 'Idempotency',
              requestHash: idempotency.requestHash,
              caseNumber: record.caseNumber,
              expiresAt: epochSeconds(record.submittedAt) + idempotency.ttlSeconds,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        { Put: { TableName: tableName, Item: { pk, sk: 'GUIDE', entity: 'CaseGuide', item: guide } } },
        ...materials.map((material) => ({
          Put: { TableName: tableName, Item: { pk, sk: `MATERIAL#${material.materialId}`, entity: 'CaseMaterial', material } },
        })),
        {
          Put: {
            TableName: tableName,
            Item: { pk, sk: `EVENT#${event.at}#${String(event.seq).padStart(4, '0')}`, entity: 'CaseEvent', event },
          },
        },
        { Delete: { TableName: tableName, Key: draftKey(record.submitterUserId, record.implementationCode) } },
        ...events.map((notification) => outboxPut(tableName, notification)),
        ...timers.map((timer) => timerPut(tableName, timer)),
      ];
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items }));
        return 'created';
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        if (reasons[1]?.Code === 'ConditionalCheckFailed') return 'idempotency_key_taken';
        if (reasons[0]?.Code === 'ConditionalCheckFailed') return 'case_number_taken';
        return 'conflict';
      }
    },

    async getIdempotency(userId, key) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: idempotencyKey(userId, key), ConsistentRead: true }));
      return Item ? { requestHash: Item.requestHash as string, caseNumber: Item.caseNumber as string } : undefined;
    },

    async getCase(caseNumber) {
      const rows: Record<string, unknown>[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': casePartition(caseNumber) },
            ExclusiveStartKey: startKey,
          }),
        );
        rows.push(...(page.Items ?? []));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      const meta = rows.find((row) => row.sk === 'META');
      if (!meta) return undefined;
      const of = <T>(entity: string, field: string) => rows.filter((row) => row.entity === entity).map((row) => row[field] as T);
      return {
        record: meta.record as CaseRecord,
        guide: rows.find((row) => row.sk === 'GUIDE')?.item as ImplementationItem,
        materials: of<MaterialRecord>('CaseMaterial', 'material'),
        events: of<EventRecord>('CaseEvent', 'event'),
        documents: of<CaseDocument>('CaseDocument', 'document'),
        audit: of<AuditEntry>('AuditEntry', 'entry'),
        visit: rows.find((row) => row.sk === 'VISIT')?.booking as VisitBooking | undefined,
        evaluation: rows.find((row) => row.sk === EVALUATION_SK)?.stored as StoredEvaluation | undefined,
        rectification: rows.find((row) => row.sk === RECTIFICATION_SK)?.task as RectificationTask | undefined,
      };
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

    async saveDraft(userId, draft) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...draftKey(userId, draft.implementationCode), entity: 'Draft', draft, expiresAt: epochSeconds(draft.expiresAt) },
        }),
      );
    },

    async getDraft(userId, implementationCode) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: draftKey(userId, implementationCode) }));
      const draft = Item?.draft as StoredDraft | undefined;
      // TTL deletes lazily: an expired draft is gone as far as anyone can tell.
      return draft && draft.expiresAt > new Date().toISOString() ? draft : undefined;
    },

    async listDrafts(userId) {
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :draft)',
          ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':draft': DRAFT_PREFIX },
        }),
      );
      const now = new Date().toISOString();
      return (result.Items ?? []).map((row) => row.draft as StoredDraft).filter((d) => d.expiresAt > now);
    },

    async deleteDraft(userId, implementationCode) {
      await db.send(new DeleteCommand({ TableName: tableName, Key: draftKey(userId, implementationCode) }));
    },
  };
}
