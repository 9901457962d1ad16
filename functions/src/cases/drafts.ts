import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { parseImplementationCode, type Draft, type DraftSummary, type ImplementationItem } from '@ah-tourism/shared';
import type { Caller } from '../auth/caller';
import { config } from '../platform/config';
import { seal, unseal, type KeyProvider } from '../platform/crypto';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';
import { DRAFT_PREFIX, draftKey } from './keys';
import type { StoredDraft } from './records';

/** A draft is addressed by its item's implementation code; anything else cannot name a draft. */
export function draftCode(code: string | undefined): string {
  if (!code || !parseImplementationCode(code)) throw new AppError('DRAFT_NOT_FOUND');
  return code;
}

const epochSeconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

export interface DraftStore {
  saveDraft(userId: string, draft: StoredDraft): Promise<void>;
  getDraft(userId: string, implementationCode: string): Promise<StoredDraft | undefined>;
  listDrafts(userId: string): Promise<StoredDraft[]>;
  deleteDraft(userId: string, implementationCode: string): Promise<void>;
}

export function dynamoDraftStore(): DraftStore {
  const db = dynamo();
  const { tableName } = config();
  return {
    async saveDraft(userId, draft) {
      await db.send(new PutCommand({ TableName: tableName, Item: { ...draftKey(userId, draft.implementationCode), entity: 'Draft', draft, expiresAt: epochSeconds(draft.expiresAt) } }));
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

/** Drafts kept on the server, sealed, one per item, expiring after the configured days. */
export function draftService(deps: { drafts: DraftStore; guide: (code: string) => Promise<ImplementationItem | undefined>; keys: KeyProvider; draftTtlDays: number; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return {
    async saveDraft(caller: Caller, implementationCode: string, form: Record<string, unknown>): Promise<DraftSummary> {
      const item = await deps.guide(implementationCode);
      if (!item) throw new AppError('CATALOG_ITEM_NOT_FOUND');
      const updatedAt = now();
      const expiresAt = new Date(updatedAt.getTime() + deps.draftTtlDays * 24 * 60 * 60 * 1000);
      const draft = { implementationCode, itemName: item.name, sealedForm: await seal(deps.keys, form), updatedAt: updatedAt.toISOString(), expiresAt: expiresAt.toISOString() };
      await deps.drafts.saveDraft(caller.userId, draft);
      return { implementationCode, itemName: item.name, updatedAt: draft.updatedAt, expiresAt: draft.expiresAt };
    },

    async getDraft(caller: Caller, implementationCode: string): Promise<Draft> {
      const draft = await deps.drafts.getDraft(caller.userId, implementationCode);
      if (!draft) throw new AppError('DRAFT_NOT_FOUND');
      const form = await unseal<Record<string, unknown>>(deps.keys, draft.sealedForm);
      return { implementationCode, itemName: draft.itemName, updatedAt: draft.updatedAt, expiresAt: draft.expiresAt, form };
    },

    async listDrafts(caller: Caller): Promise<DraftSummary[]> {
      const drafts = await deps.drafts.listDrafts(caller.userId);
      return drafts
        .map(({ implementationCode, itemName, updatedAt, expiresAt }) => ({ implementationCode, itemName, updatedAt, expiresAt }))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },

    async deleteDraft(caller: Caller, implementationCode: string): Promise<void> {
      await deps.drafts.deleteDraft(caller.userId, implementationCode);
    },
  };
}
