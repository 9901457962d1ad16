import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, type BatchGetCommandOutput, DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ImplementationItem } from '@ah-tourism/shared';
import { guideKey, guideRecord, guideVersionRecord, levelPartitionKey, regionPartitionKey, summaryRecord } from '../catalog/keys';
import { config } from '../platform/config';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';
import { reportPut } from '../reports/outbox';
import { guideReport } from './guide-report';
import { draftKey, draftRecord, organisationDraftsPartition, type Publication, type StoredListDraft } from './records';

/** A published version as the history lists it (the guide itself is not read). */
export interface VersionHeader {
  version: number;
  publishedAt: string;
  publication?: Publication;
}

/** Storage of list maintenance; the DynamoDB adapter below is the only implementation. */
export interface ListStore {
  /** The entry's current published version, read consistently (a draft is compared with what is really current). */
  current(implementationCode: string): Promise<ImplementationItem | undefined>;
  draft(implementationCode: string): Promise<StoredListDraft | undefined>;
  /** Writes a draft: a new one only if none exists, a changed one only if its revision is still `expectedRevision`. */
  putDraft(draft: StoredListDraft, expectedRevision: number | undefined): Promise<void>;
  deleteDraft(implementationCode: string, expectedRevision: number): Promise<void>;
  /** Implementation codes of a region's catalog entries. */
  codesInRegion(regionCode: string): Promise<string[]>;
  /** Every implementation of a basic code, at every level. */
  codesOfBasicCode(itemType: string, basicCode: string): Promise<string[]>;
  /** Current versions of several entries. */
  currentMany(codes: string[]): Promise<ImplementationItem[]>;
  draftsOf(organisationCode: string): Promise<StoredListDraft[]>;
  awaiting(partition: string): Promise<StoredListDraft[]>;
  versions(implementationCode: string): Promise<VersionHeader[]>;
  /**
   * One transaction: for each item its new immutable version (only if absent), its current record (only
   * if still at the version before) and its list summary; the draft removed (only at its revision).
   */
  publish(items: ImplementationItem[], publication: Publication, draft: StoredListDraft): Promise<void>;
}

export function dynamoListStore(): ListStore {
  const db = dynamo();
  const { tableName } = config();
  const TableName = tableName;

  const queryAll = async (input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>) => {
    const rows: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await db.send(new QueryCommand({ TableName, ...input, ExclusiveStartKey }));
      rows.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return rows;
  };

  return {
    async current(implementationCode) {
      const { Item } = await db.send(new GetCommand({ TableName, Key: guideKey(implementationCode), ConsistentRead: true }));
      return Item?.item as ImplementationItem | undefined;
    },

    async draft(implementationCode) {
      const { Item } = await db.send(new GetCommand({ TableName, Key: draftKey(implementationCode), ConsistentRead: true }));
      return Item?.draft as StoredListDraft | undefined;
    },

    async putDraft(draft, expectedRevision) {
      const condition =
        expectedRevision === undefined
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: '#draft.#revision = :revision', ExpressionAttributeNames: { '#draft': 'draft', '#revision': 'revision' }, ExpressionAttributeValues: { ':revision': expectedRevision } };
      try {
        await db.send(new PutCommand({ TableName, Item: draftRecord(draft), ...condition }));
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') throw new AppError('LIST_DRAFT_CONFLICT');
        throw error;
      }
    },

    async deleteDraft(implementationCode, expectedRevision) {
      try {
        await db.send(
          new DeleteCommand({
            TableName,
            Key: draftKey(implementationCode),
            ConditionExpression: '#draft.#revision = :revision',
            ExpressionAttributeNames: { '#draft': 'draft', '#revision': 'revision' },
            ExpressionAttributeValues: { ':revision': expectedRevision },
          }),
        );
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') throw new AppError('LIST_DRAFT_CONFLICT');
        throw error;
      }
    },

    async codesInRegion(regionCode) {
      const rows = await queryAll({
        IndexName: 'GSI1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': regionPartitionKey(regionCode) },
        ProjectionExpression: 'summary.implementationCode',
      });
      return rows.map((row) => (row.summary as { implementationCode: string }).implementationCode);
    },

    async codesOfBasicCode(itemType, basicCode) {
      const perLevel = await Promise.all(
        (['province', 'city'] as const).map((level) =>
          queryAll({
            IndexName: 'GSI2',
            KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :prefix)',
            ExpressionAttributeValues: { ':pk': levelPartitionKey(level), ':prefix': `${itemType}#${basicCode}#` },
            ProjectionExpression: 'summary.implementationCode',
          }),
        ),
      );
      return perLevel.flat().map((row) => (row.summary as { implementationCode: string }).implementationCode);
    },

    async currentMany(codes) {
      const items: ImplementationItem[] = [];
      for (let start = 0; start < codes.length; start += 100) {
        let keys: Record<string, unknown>[] | undefined = codes.slice(start, start + 100).map(guideKey);
        for (let attempt = 0; keys?.length && attempt < 5; attempt += 1) {
          const result: BatchGetCommandOutput = await db.send(new BatchGetCommand({ RequestItems: { [TableName]: { Keys: keys, ConsistentRead: true } } }));
          items.push(...(result.Responses?.[TableName] ?? []).map((row) => row.item as ImplementationItem));
          keys = result.UnprocessedKeys?.[TableName]?.Keys;
        }
        if (keys?.length) throw new Error('BatchGetItem left keys unprocessed');
      }
      return items;
    },

    async draftsOf(organisationCode) {
      const rows = await queryAll({ IndexName: 'GSI1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': organisationDraftsPartition(organisationCode) } });
      return rows.map((row) => row.draft as StoredListDraft);
    },

    async awaiting(partition) {
      const rows = await queryAll({ IndexName: 'GSI2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': partition } });
      return rows.map((row) => row.draft as StoredListDraft);
    },

    async versions(implementationCode) {
      const rows = await queryAll({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `ITEM#${implementationCode}`, ':prefix': 'GUIDE#V' },
        ExpressionAttributeNames: { '#item': 'item', '#version': 'version' },
        ProjectionExpression: '#item.#version, #item.publishedAt, publication',
        ScanIndexForward: false,
      });
      return rows.map((row) => {
        const item = row.item as { version: number; publishedAt: string };
        return { version: item.version, publishedAt: item.publishedAt, ...(row.publication ? { publication: row.publication as Publication } : {}) };
      });
    },

    async publish(items, publication, draft) {
      const writes = items.flatMap((item) => [
        { Put: { TableName, Item: { ...guideVersionRecord(item), publication }, ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          Put: {
            TableName,
            Item: guideRecord(item),
            ConditionExpression: '#item.#version = :previous',
            ExpressionAttributeNames: { '#item': 'item', '#version': 'version' },
            ExpressionAttributeValues: { ':previous': item.version - 1 },
          },
        },
        { Put: { TableName, Item: summaryRecord(item) } },
      ]);
      const removeDraft = {
        Delete: {
          TableName,
          Key: draftKey(draft.implementationCode),
          ConditionExpression: '#draft.#revision = :revision AND #draft.#status = :approved',
          ExpressionAttributeNames: { '#draft': 'draft', '#revision': 'revision', '#status': 'status' },
          ExpressionAttributeValues: { ':revision': draft.revision, ':approved': 'approved' },
        },
      };
      try {
        // Each published version is reported upward with it (after the draft's removal, whose index the answer reads).
        const reports = items.map((item) => reportPut(TableName, guideReport(item, publication.at)));
        await db.send(new TransactWriteCommand({ TransactItems: [...writes, removeDraft, ...reports] }));
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        // The draft moved on: someone else acted on it. Otherwise another version was published meanwhile.
        if (reasons[writes.length]?.Code === 'ConditionalCheckFailed') throw new AppError('LIST_DRAFT_CONFLICT');
        if (reasons.some((reason) => reason.Code === 'ConditionalCheckFailed')) throw new AppError('LIST_DRAFT_STALE');
        throw error;
      }
    },
  };
}
