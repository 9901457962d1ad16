import { QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { cstDay } from '@ah-tourism/shared';
import { decodeCursor, encodeCursor } from '../platform/cursor';
import { FAILED_PARTITION, REPORT_PREFIX, failedByOrgPartition, reportStatsKey, reportStatsPartition, reportWatchPartition } from './keys';
import { watchKeys, type StoredReport } from './outbox';

/** How far back `due` looks: watches of days before would only be there if the retries stopped for that long. */
const LOOKBACK_DAYS = 2;

const isConditionFailure = (error: unknown) =>
  (error as Error).name === 'ConditionalCheckFailedException' ||
  ((error as Error).name === 'TransactionCanceledException' && ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed'));

/** Ignores a lost race: another attempt finished the report first. Returns whether this write happened. */
async function unlessFinished(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export interface ReportCounts {
  late: number;
  failed: number;
}

export function reportStore(db: DynamoDBDocumentClient, TableName: string) {
  const stillPending = { ConditionExpression: '#state = :pending', ExpressionAttributeNames: { '#state': 'state' } };
  const statsAdd = (organisationCode: string, at: Date, counts: Partial<ReportCounts>) => ({
    Update: {
      TableName,
      Key: reportStatsKey(organisationCode, cstDay(at)),
      UpdateExpression: `SET entity = :entity ADD ${Object.keys(counts)
        .map((name) => `${name} :${name}`)
        .join(', ')}`,
      ExpressionAttributeValues: { ':entity': 'ReportStats', ...Object.fromEntries(Object.entries(counts).map(([name, value]) => [`:${name}`, value])) },
    },
  });

  return {
    /** The reports of one partition, oldest change first, read consistently (one Query a page). */
    async partition(pk: string): Promise<StoredReport[]> {
      const rows: StoredReport[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({ TableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': REPORT_PREFIX }, ConsistentRead: true, ExclusiveStartKey }),
        );
        rows.push(...((page.Items ?? []) as StoredReport[]));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return rows;
    },

    /** The platform took the report: off the watch list; a late one is counted for its organisation. */
    delivered(row: StoredReport, at: Date, late: boolean, duplicate: boolean): Promise<boolean> {
      const update = {
        TableName,
        Key: { pk: row.pk, sk: row.sk },
        UpdateExpression: 'SET #state = :delivered, deliveredAt = :at, late = :late, duplicate = :duplicate, attempts = :attempts REMOVE gsi2pk, gsi2sk, nextAttemptAt',
        ...stillPending,
        ExpressionAttributeValues: { ':pending': 'pending', ':delivered': 'delivered', ':at': at.toISOString(), ':late': late, ':duplicate': duplicate, ':attempts': row.attempts + 1 },
      };
      return unlessFinished(
        late
          ? db.send(new TransactWriteCommand({ TransactItems: [{ Update: update }, statsAdd(row.organisationCode, at, { late: 1 })] as never }))
          : db.send(new UpdateCommand(update)),
      );
    },

    /** A failed attempt: tried again at `retryAt`. */
    defer(row: StoredReport, attempts: number, retryAt: Date, error: string): Promise<boolean> {
      const watch = watchKeys(row.pk, retryAt);
      return unlessFinished(
        db.send(
          new UpdateCommand({
            TableName,
            Key: { pk: row.pk, sk: row.sk },
            UpdateExpression: 'SET attempts = :attempts, nextAttemptAt = :next, lastError = :error, gsi2pk = :watchPk, gsi2sk = :watchSk',
            ...stillPending,
            ExpressionAttributeValues: { ':pending': 'pending', ':attempts': attempts, ':next': retryAt.toISOString(), ':error': error.slice(0, 300), ':watchPk': watch.gsi2pk, ':watchSk': watch.gsi2sk },
          }),
        ),
      );
    },

    /** Refused by the platform, or given up: on the dead-letter list (per organisation, and the province's), counted as failed. */
    deadLetter(row: StoredReport, state: 'refused' | 'failed', attempts: number, at: Date, reason: string, code?: string): Promise<boolean> {
      const since = `${at.toISOString()}#${row.report.messageId}`;
      return unlessFinished(
        db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName,
                  Key: { pk: row.pk, sk: row.sk },
                  UpdateExpression: `SET #state = :state, attempts = :attempts, lastError = :reason, deadLetteredAt = :at, gsi1pk = :orgPk, gsi1sk = :since, gsi2pk = :allPk, gsi2sk = :since${code ? ', refusalCode = :code' : ''} REMOVE nextAttemptAt`,
                  ...stillPending,
                  ExpressionAttributeValues: {
                    ':pending': 'pending',
                    ':state': state,
                    ':attempts': attempts,
                    ':reason': reason.slice(0, 300),
                    ':at': at.toISOString(),
                    ':orgPk': failedByOrgPartition(row.organisationCode),
                    ':allPk': FAILED_PARTITION,
                    ':since': since,
                    ...(code ? { ':code': code } : {}),
                  },
                },
              },
              statsAdd(row.organisationCode, at, { failed: 1 }),
            ] as never,
          }),
        ),
      );
    },

    /** Back from the dead-letter list to pending, due now, with who replayed it kept on the row. False when it was not on the list. */
    replay(key: { pk: string; sk: string }, by: string, at: Date): Promise<boolean> {
      const watch = watchKeys(key.pk, at);
      return unlessFinished(
        db.send(
          new UpdateCommand({
            TableName,
            Key: key,
            UpdateExpression: 'SET #state = :pending, attempts = :zero, replays = list_append(if_not_exists(replays, :empty), :replay), gsi2pk = :watchPk, gsi2sk = :watchSk REMOVE gsi1pk, gsi1sk, nextAttemptAt',
            ConditionExpression: '#state IN (:refused, :failed)',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: {
              ':pending': 'pending',
              ':refused': 'refused',
              ':failed': 'failed',
              ':zero': 0,
              ':empty': [],
              ':replay': [{ at: at.toISOString(), by }],
              ':watchPk': watch.gsi2pk,
              ':watchSk': watch.gsi2sk,
            },
          }),
        ),
      );
    },

    /** The partitions with a report whose watch time has come by `now`: one Query per CST day, never a scan. */
    async due(now: Date): Promise<string[]> {
      const cutoff = `${now.toISOString()}#\uffff`;
      const partitions = new Set<string>();
      for (let back = LOOKBACK_DAYS; back >= 0; back -= 1) {
        const day = cstDay(new Date(now.getTime() - back * 86_400_000));
        let ExclusiveStartKey: Record<string, unknown> | undefined;
        do {
          const page = await db.send(
            new QueryCommand({
              TableName,
              IndexName: 'GSI2',
              KeyConditionExpression: 'gsi2pk = :day AND gsi2sk <= :cutoff',
              ExpressionAttributeValues: { ':day': reportWatchPartition(day), ':cutoff': cutoff },
              ProjectionExpression: 'pk',
              ExclusiveStartKey,
            }),
          );
          for (const item of page.Items ?? []) partitions.add(item.pk as string);
          ExclusiveStartKey = page.LastEvaluatedKey;
        } while (ExclusiveStartKey);
      }
      return [...partitions];
    },

    /** A page of the dead-letter list, newest first: one organisation's, or (no organisation) the province's. */
    async failed(organisationCode: string | undefined, limit: number, cursor: string | undefined): Promise<{ items: StoredReport[]; nextCursor: string | null }> {
      const [index, name, value] = organisationCode ? ['GSI1', 'gsi1pk', failedByOrgPartition(organisationCode)] : ['GSI2', 'gsi2pk', FAILED_PARTITION];
      const sortName = index === 'GSI1' ? 'gsi1sk' : 'gsi2sk';
      const page = await db.send(
        new QueryCommand({
          TableName,
          IndexName: index,
          KeyConditionExpression: `${name} = :pk`,
          ExpressionAttributeValues: { ':pk': value },
          ScanIndexForward: false,
          Limit: limit,
          ...(cursor ? { ExclusiveStartKey: decodeCursor(cursor, ['pk', 'sk', name, sortName], { name, value }) } : {}),
        }),
      );
      return { items: (page.Items ?? []) as StoredReport[], nextCursor: page.LastEvaluatedKey ? encodeCursor(page.LastEvaluatedKey) : null };
    },

    /** Late and failed reports of an organisation over CST days `from`..`to`. */
    async counts(organisationCode: string, from: string, to: string): Promise<ReportCounts> {
      const page = await db.send(
        new QueryCommand({
          TableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': reportStatsPartition(organisationCode), ':from': `DAY#${from}`, ':to': `DAY#${to}` },
        }),
      );
      const total: ReportCounts = { late: 0, failed: 0 };
      for (const item of page.Items ?? []) {
        total.late += Number(item.late ?? 0);
        total.failed += Number(item.failed ?? 0);
      }
      return total;
    },
  };
}

export type ReportStore = ReturnType<typeof reportStore>;
