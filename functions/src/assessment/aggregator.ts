import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import type { ItemSummary, WorkingCalendar } from '@ah-tourism/shared';
import type { RectificationTask, StoredEvaluation } from '../cases/feedback-records';
import { EVALUATION_SK, RECTIFICATION_SK, caseKey, casePartition } from '../cases/keys';
import type { CaseRecord, StepRecord } from '../cases/records';
import { summaryKey } from '../catalog/keys';
import { config } from '../platform/config';
import { dynamo } from '../platform/dynamodb';
import { logger } from '../platform/logger';
import { catalogUpdates, foldItem, type ItemFacts } from './catalog-fold';
import { counterUpdates, drillWrites, updateExpression, type CounterUpdate, type Names } from './deltas';
import { foldCase, type CaseFacts } from './fold';
import { FACTS_SK } from './keys';

/**
 * The aggregator, fed by the table's stream: for each case (or published item) a batch touches, it reads
 * the case as it is now, folds it (fold.ts), and in one transaction writes the new facts row (only if the
 * stored one is still the version it read) with the counter ADDs and drill-down rows that take the
 * aggregates from the old facts to the new. A redelivered record finds the facts already equal: nothing
 * is written, so nothing counts twice; two deliveries racing meet on the version condition and the loser
 * reads again.
 */

export interface AggregatorDeps {
  calendar: () => Promise<WorkingCalendar>;
  names: () => Promise<Names>;
  now?: () => Date;
}

const MAX_ATTEMPTS = 8;
/** Between two attempts after a conflict (another lane wrote the same year item): a short, growing, jittered pause. */
const pause = (attempt: number) => (attempt ? new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt)) : Promise.resolve());
const PUBLIC_SERVICE_TYPE = '20';

type Target = { kind: 'case'; id: string } | { kind: 'item'; id: string };

/** What a stream record asks to recount: its case, or its published item; nothing for other rows. */
export function targetOf(record: DynamoDBRecord): Target | undefined {
  const keys = record.dynamodb?.Keys ? unmarshall(record.dynamodb.Keys as Parameters<typeof unmarshall>[0]) : {};
  const pk = typeof keys.pk === 'string' ? keys.pk : '';
  if (pk.startsWith('CASE#') && keys.sk !== FACTS_SK) return { kind: 'case', id: pk.slice(5) };
  if (pk.startsWith('ITEM#') && keys.sk === 'SUMMARY') return { kind: 'item', id: pk.slice(5) };
  return undefined;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function assessmentAggregator(deps: AggregatorDeps) {
  const db = dynamo();
  const { tableName: TableName } = config();
  const now = deps.now ?? (() => new Date());

  /** Writes the facts row (if still at `version`) with the aggregate changes; false when someone else wrote it first. */
  async function commit(key: { pk: string; sk: string }, version: number | undefined, facts: object | undefined, updates: CounterUpdate[], extra: object[] = []): Promise<boolean> {
    const at = now().toISOString();
    const items = [
      {
        Put: {
          TableName,
          Item: { ...key, entity: 'AssessmentFacts', version: (version ?? 0) + 1, facts: facts ?? null, updatedAt: at },
          ...(version === undefined ? { ConditionExpression: 'attribute_not_exists(pk)' } : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': version } }),
        },
      },
      ...updates.map((update) => ({ Update: { TableName, ...updateExpression(update, at) } })),
      ...extra,
    ];
    if (items.length > 100) throw new Error(`assessment change of ${items.length} writes exceeds one transaction`);
    try {
      await db.send(new TransactWriteCommand({ TransactItems: items }));
      return true;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const codes = (error.CancellationReasons ?? []).map((r) => r.Code);
      if (codes.some((code) => code === 'ConditionalCheckFailed' || code === 'TransactionConflict')) return false;
      throw error;
    }
  }

  async function recountCase(caseNumber: string): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      await pause(attempt);
      // The facts row, the steps, the booking, the evaluation and its task sort from ASSESSMENT to
      // EVALUATION#TASK; the application (FORM, the largest row) is not needed, so the record is read apart.
      const [{ Items = [] }, { Item: meta }] = await Promise.all([
        db.send(
          new QueryCommand({
            TableName,
            KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
            ExpressionAttributeValues: { ':pk': casePartition(caseNumber), ':from': FACTS_SK, ':to': RECTIFICATION_SK },
            ConsistentRead: true,
          }),
        ),
        db.send(new GetCommand({ TableName, Key: caseKey(caseNumber), ConsistentRead: true })),
      ]);
      const stored = Items.find((row) => row.sk === FACTS_SK) as { version: number; facts: CaseFacts | null } | undefined;
      const record = meta?.record as CaseRecord | undefined;
      if (!record) return;
      const steps = Items.filter((row) => row.entity === 'CaseStep').map((row) => row.step as StepRecord);
      const evaluation = Items.find((row) => row.sk === EVALUATION_SK)?.stored as StoredEvaluation | undefined;
      const task = Items.find((row) => row.sk === RECTIFICATION_SK)?.task as RectificationTask | undefined;
      const promisedDays = await promisedDaysOf(record, steps);
      const facts = foldCase({ record, steps, ...(evaluation ? { evaluation } : {}), ...(task ? { task } : {}), promisedDays }, await deps.calendar(), now());
      const before = stored?.facts ?? undefined;
      if (before && sameJson(before, facts)) return;
      const names = await deps.names();
      const drill = drillWrites(before, facts, caseNumber).map(({ put, item }) =>
        put ? { Put: { TableName, Item: item } } : { Delete: { TableName, Key: { pk: item.pk, sk: item.sk } } },
      );
      if (await commit({ pk: casePartition(caseNumber), sk: FACTS_SK }, stored?.version, facts, counterUpdates(before, facts, names), drill)) return;
    }
    throw new Error('assessment facts of a case kept changing while being written');
  }

  /**
   * The promised days of a case whose acceptance notice does not state them (approved automatically, or an
   * older notice): 1 for public services, else the item's (at least 1), as the lifecycle promises them.
   * Only a decided case needs it; the item is read only then.
   */
  async function promisedDaysOf(record: CaseRecord, steps: StepRecord[]): Promise<number> {
    if (record.implementationCode.slice(0, 2) === PUBLIC_SERVICE_TYPE) return 1;
    const stated = steps.some((step) => step.event.action === 'accept' && step.document && 'completionDays' in step.document && step.document.completionDays);
    if (stated || !steps.some((step) => ['approve', 'auto_approve', 'refuse'].includes(step.event.action))) return 1;
    const { Item } = await db.send(new GetCommand({ TableName, Key: summaryKey(record.implementationCode) }));
    return Math.max((Item?.summary as ItemSummary | undefined)?.promisedWorkingDays ?? 1, 1);
  }

  async function recountItem(implementationCode: string): Promise<void> {
    const factsKey = { pk: `ITEM#${implementationCode}`, sk: FACTS_SK };
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      await pause(attempt);
      const [summaryRow, factsRow] = await Promise.all([
        db.send(new GetCommand({ TableName, Key: summaryKey(implementationCode), ConsistentRead: true })),
        db.send(new GetCommand({ TableName, Key: factsKey, ConsistentRead: true })),
      ]);
      const summary = summaryRow.Item?.summary as ItemSummary | undefined;
      const stored = factsRow.Item as { version: number; facts: ItemFacts | null } | undefined;
      const facts = summary ? foldItem(summary) : undefined;
      const before = stored?.facts ?? undefined;
      if (sameJson(before ?? null, facts ?? null)) return;
      if (await commit(factsKey, stored?.version, facts, catalogUpdates(before, facts, await deps.names()))) return;
    }
    throw new Error('assessment facts of an item kept changing while being written');
  }

  return {
    recountCase,
    recountItem,

    /**
     * One stream batch: each case or item it touches is recounted once, in the order first seen. On a
     * failure the batch reports the first record of the first target that failed, and the stream
     * delivers again from there (recounting is idempotent, so targets already done are harmless).
     */
    async aggregate(records: DynamoDBRecord[]): Promise<DynamoDBBatchResponse> {
      const firstRecord = new Map<string, { target: Target; record: DynamoDBRecord }>();
      for (const record of records) {
        const target = targetOf(record);
        if (target && !firstRecord.has(`${target.kind}#${target.id}`)) firstRecord.set(`${target.kind}#${target.id}`, { target, record });
      }
      for (const { target, record } of firstRecord.values()) {
        try {
          if (target.kind === 'case') await recountCase(target.id);
          else await recountItem(target.id);
        } catch (error) {
          logger.error('assessment aggregation failed; the stream will retry', { kind: target.kind, error: (error as Error).message });
          return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
        }
      }
      return { batchItemFailures: [] };
    },
  };
}

export type AssessmentAggregator = ReturnType<typeof assessmentAggregator>;
