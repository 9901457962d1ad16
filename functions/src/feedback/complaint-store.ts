import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { COMPLAINT_ITEM_BASIC_CODE, type ItemSummary, type NotificationEvent } from '@ah-tourism/shared';
import type { RectificationTask, StoredEvaluation } from '../cases/feedback-records';
import { EVALUATION_SK, RECTIFICATION_SK } from '../cases/keys';
import { regionPartitionKey } from '../catalog/keys';
import { outboxPut } from '../notifications/outbox';
import { config } from '../platform/config';
import { dynamo } from '../platform/dynamodb';
import { claimOutcome } from '../platform/idempotency';
import { cancellationCodes } from './common';
import { complaintIndexKeys, type ComplaintEvent, type ComplaintRecord, type StoredComplaint } from './complaint-records';
import { complaintPartition } from './keys';

const COMPLAINT_ITEM_TYPE = '20';

export const complaintKey = (complaintNumber: string) => ({ pk: complaintPartition(complaintNumber), sk: 'META' });
const eventKey = (complaintNumber: string, event: ComplaintEvent) => ({ pk: complaintPartition(complaintNumber), sk: `EVENT#${event.at}#${String(event.seq).padStart(4, '0')}` });

export interface ComplaintChange {
  record: ComplaintRecord;
  event: ComplaintEvent;
  notifications: NotificationEvent[];
  /** Writes of timers (put or delete) that go with the change. */
  timers: object[];
}

export interface ComplaintStore {
  get(complaintNumber: string): Promise<StoredComplaint | undefined>;
  /**
   * Creates a complaint with the claim of its idempotency key: `number_taken` when the drawn number is in
   * use, `key_taken` or `conflict` from the claim (platform/idempotency.ts).
   */
  create(change: ComplaintChange, claim: object): Promise<'created' | 'number_taken' | 'key_taken' | 'conflict'>;
  /** Writes a change if the complaint is still at `expectedVersion`; false when someone else changed it first. */
  update(change: ComplaintChange, expectedVersion: number): Promise<boolean>;
  /** The 旅游投诉受理 item of a region (its implementing organisation accepts the region's complaints). */
  complaintItem(regionCode: string): Promise<ItemSummary | undefined>;
}

export function dynamoComplaintStore(): ComplaintStore {
  const db = dynamo();
  const { tableName: TableName } = config();

  const writes = (change: ComplaintChange, condition: object) => [
    { Put: { TableName, Item: { ...complaintKey(change.record.complaintNumber), entity: 'Complaint', ...complaintIndexKeys(change.record), record: change.record }, ...condition } },
    { Put: { TableName, Item: { ...eventKey(change.record.complaintNumber, change.event), entity: 'ComplaintEvent', event: change.event }, ConditionExpression: 'attribute_not_exists(pk)' } },
    ...change.notifications.map((event) => outboxPut(TableName, event)),
    ...change.timers,
  ];

  async function write(items: object[]): Promise<boolean> {
    try {
      await db.send(new TransactWriteCommand({ TransactItems: items as never }));
      return true;
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes?.[0] === 'ConditionalCheckFailed' || codes?.[1] === 'ConditionalCheckFailed') return false;
      throw error;
    }
  }

  return {
    async get(complaintNumber) {
      const rows: Record<string, unknown>[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({ TableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': complaintPartition(complaintNumber) }, ConsistentRead: true, ExclusiveStartKey }),
        );
        rows.push(...(page.Items ?? []));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      const meta = rows.find((row) => row.sk === 'META');
      if (!meta) return undefined;
      const evaluation = rows.find((row) => row.sk === EVALUATION_SK)?.stored as StoredEvaluation | undefined;
      const rectification = rows.find((row) => row.sk === RECTIFICATION_SK)?.task as RectificationTask | undefined;
      return {
        record: meta.record as ComplaintRecord,
        events: rows.filter((row) => row.entity === 'ComplaintEvent').map((row) => row.event as ComplaintEvent),
        ...(evaluation ? { evaluation } : {}),
        ...(rectification ? { rectification } : {}),
      };
    },

    async create(change, claim) {
      const items = [...writes(change, { ConditionExpression: 'attribute_not_exists(pk)' }), claim];
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items as never }));
        return 'created';
      } catch (error) {
        const outcome = claimOutcome(error, items.length - 1);
        if (outcome) return outcome;
        const codes = cancellationCodes(error);
        if (codes?.[0] === 'ConditionalCheckFailed' || codes?.[1] === 'ConditionalCheckFailed') return 'number_taken';
        throw error;
      }
    },

    update: (change, expectedVersion) =>
      write(writes(change, { ConditionExpression: '#record.version = :version', ExpressionAttributeNames: { '#record': 'record' }, ExpressionAttributeValues: { ':version': expectedVersion } })),

    async complaintItem(regionCode) {
      const { Items } = await db.send(
        new QueryCommand({
          TableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :item)',
          ExpressionAttributeValues: { ':pk': regionPartitionKey(regionCode), ':item': `${COMPLAINT_ITEM_TYPE}#${COMPLAINT_ITEM_BASIC_CODE}#` },
        }),
      );
      return (Items ?? []).map((row) => row.summary as ItemSummary).find((summary) => summary.regionCode === regionCode);
    },
  };
}
