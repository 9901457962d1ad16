import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { saveSupplementDraftRequestSchema, type FieldIssue, type SupplementDraft } from '@ah-tourism/shared';
import type { Caller } from '../auth/caller';
import { config } from '../platform/config';
import { seal, unseal, type KeyProvider, type Sealed } from '../platform/crypto';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';
import { logger } from '../platform/logger';
import { parseInput } from '../platform/http';
import type { ApplicantCaseViews } from './applicant-views';
import { caseKey, supplementDraftKey, uploadPrefix } from './keys';
import type { CaseRecord } from './records';

type DraftFiles = SupplementDraft['materials'];

/** The stored draft: sealed file references (names are the person's), for one round of one notice. */
export interface StoredSupplementDraft {
  /** The case's version while the notice is open: a draft of an earlier notice is not this one's. */
  caseVersion: number;
  draftVersion: number;
  sealedMaterials: Sealed;
  updatedAt: string;
}

export interface SupplementDraftStore {
  get(userId: string, caseNumber: string): Promise<StoredSupplementDraft | undefined>;
  /** Writes the draft only while the case is at `caseVersion` awaiting the supplement, and the draft still at `expected` (0: none of this round). */
  put(userId: string, caseNumber: string, draft: StoredSupplementDraft, expected: number, ttlSeconds: number): Promise<'saved' | 'case_moved' | 'draft_moved'>;
}

/** The Delete a supplement sends in its own transaction, so that submitting it clears the draft with it. */
export const supplementDraftDelete = (tableName: string, userId: string, caseNumber: string) => ({ Delete: { TableName: tableName, Key: supplementDraftKey(userId, caseNumber) } });

export function dynamoSupplementDraftStore(): SupplementDraftStore {
  const db = dynamo();
  const { tableName } = config();
  return {
    async get(userId, caseNumber) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: supplementDraftKey(userId, caseNumber), ConsistentRead: true }));
      return Item?.draft as StoredSupplementDraft | undefined;
    },
    async put(userId, caseNumber, draft, expected, ttlSeconds) {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                ConditionCheck: {
                  TableName: tableName,
                  Key: caseKey(caseNumber),
                  ConditionExpression: '#record.version = :caseVersion AND #record.#status = :open AND #record.submitterUserId = :user',
                  ExpressionAttributeNames: { '#record': 'record', '#status': 'status' },
                  ExpressionAttributeValues: { ':caseVersion': draft.caseVersion, ':open': 'supplement_requested', ':user': userId },
                },
              },
              {
                Put: {
                  TableName: tableName,
                  Item: { ...supplementDraftKey(userId, caseNumber), entity: 'SupplementDraft', draft, expiresAt: Math.floor(Date.now() / 1000) + ttlSeconds },
                  // Another round's draft is replaced; this round's only at the version the phone read.
                  ConditionExpression:
                    expected === 0
                      ? 'attribute_not_exists(pk) OR #draft.caseVersion <> :caseVersion'
                      : '#draft.caseVersion = :caseVersion AND #draft.draftVersion = :expected',
                  ExpressionAttributeNames: { '#draft': 'draft' },
                  ExpressionAttributeValues: { ':caseVersion': draft.caseVersion, ...(expected === 0 ? {} : { ':expected': expected }) },
                },
              },
            ],
          }),
        );
        return 'saved';
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        if (reasons[0]?.Code === 'ConditionalCheckFailed') return 'case_moved';
        if (reasons[1]?.Code === 'ConditionalCheckFailed') return 'draft_moved';
        throw error;
      }
    },
  };
}

const open = (record: CaseRecord) => record.status === 'supplement_requested';
const reopenedIds = (record: CaseRecord) => Object.entries(record.materialStates ?? {}).filter(([, m]) => m.state === 'needs_supplement').map(([id]) => id);

/**
 * 补正材料草稿: the files the person re-uploaded for an open one-time notice, kept on the server between
 * visits to the case page and cleared by the supplement itself (resubmit's transaction deletes it). The
 * files are already in S3 under the person's own prefix; the draft keeps only their references, sealed,
 * under the person's own partition, written only while the case still awaits this supplement.
 */
export function supplementDrafts(deps: { views: Pick<ApplicantCaseViews, 'ownCase'>; drafts: SupplementDraftStore; keys: KeyProvider; ttlDays: number; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const empty = (caseNumber: string): SupplementDraft => ({ caseNumber, version: 0, materials: {}, updatedAt: null });

  return {
    async get(caller: Caller, caseNumber: string): Promise<SupplementDraft> {
      const { record } = await deps.views.ownCase(caller.userId, caseNumber);
      if (!open(record)) return empty(caseNumber);
      const stored = await deps.drafts.get(caller.userId, caseNumber);
      if (!stored || stored.caseVersion !== record.version) return empty(caseNumber);
      const materials = await unseal<DraftFiles>(deps.keys, stored.sealedMaterials);
      const wanted = reopenedIds(record);
      return { caseNumber, version: stored.draftVersion, materials: Object.fromEntries(Object.entries(materials).filter(([id]) => wanted.includes(id))), updatedAt: stored.updatedAt };
    },

    async save(caller: Caller, caseNumber: string, body: unknown): Promise<SupplementDraft> {
      const request = parseInput(saveSupplementDraftRequestSchema, body);
      const { record } = await deps.views.ownCase(caller.userId, caseNumber);
      if (!open(record)) throw new AppError('CASE_ACTION_NOT_ALLOWED', '办件当前不需要补正材料');
      const wanted = reopenedIds(record);
      const prefix = uploadPrefix(caller.userId);
      const issues: FieldIssue[] = [];
      for (const [id, files] of Object.entries(request.materials)) {
        if (!wanted.includes(id)) issues.push({ path: `materials.${id}`, message: '该材料无需补正，请只上传告知书列出的材料' });
        files.forEach((file, index) => {
          if (!file.key.startsWith(prefix)) issues.push({ path: `materials.${id}[${index}]`, message: '文件不是您本人上传的，请重新上传' });
        });
      }
      if (issues.length) throw new AppError('COMMON_VALIDATION_FAILED', '补正材料草稿有误，请按提示处理', issues);
      const materials = Object.fromEntries(Object.entries(request.materials).filter(([, files]) => files.length > 0));
      const draft: StoredSupplementDraft = {
        caseVersion: record.version,
        draftVersion: request.version + 1,
        sealedMaterials: await seal(deps.keys, materials),
        updatedAt: now().toISOString(),
      };
      const outcome = await deps.drafts.put(caller.userId, caseNumber, draft, request.version, deps.ttlDays * 86_400);
      if (outcome === 'case_moved') throw new AppError('CASE_VERSION_CONFLICT', '办件已有变化，请刷新后查看');
      if (outcome === 'draft_moved') throw new AppError('CASE_VERSION_CONFLICT', '补正材料已在别处更新，请刷新后再上传');
      logger.info('supplement draft saved', { materials: Object.keys(materials).length, draftVersion: draft.draftVersion });
      return { caseNumber, version: draft.draftVersion, materials, updatedAt: draft.updatedAt };
    },
  };
}
