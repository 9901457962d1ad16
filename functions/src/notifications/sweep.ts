import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { cstDay } from '@ah-tourism/shared';
import { config } from '../platform/config';
import { dynamo } from '../platform/dynamodb';
import { dayPartitionItems } from './day-partitions';
import { sweepStateKey, timerKey, timerPartition } from './keys';
import { outboxPut } from './outbox';
import { timerPut, type Timer } from './timers';

/** How far back the sweep looks when it has not run for a while (or ever). */
const MAX_LOOKBACK_DAYS = 14;

export interface SweepResult {
  fired: number;
  days: string[];
}

/**
 * Fires every timer that is due: near-due, overdue and evaluation reminders become outbox events,
 * and each timer is deleted in the same transaction, so a timer fires once however often the sweep
 * runs. Timers are found by Query on GSI2, one partition per CST day (day-partitions.ts), never a table scan.
 */
export async function sweep(now: Date): Promise<SweepResult> {
  const db = dynamo();
  const { tableName: TableName } = config();
  const state = (await db.send(new GetCommand({ TableName, Key: sweepStateKey, ConsistentRead: true }))).Item;
  const floor = now.getTime() - MAX_LOOKBACK_DAYS * 86400_000;
  const lastRun = state?.lastRunAt ? Date.parse(state.lastRunAt as string) : floor;
  // From the day before the last run (timers written late in that day), at least yesterday and today.
  const since = Math.min(now.getTime() - 86400_000, Math.max(floor, lastRun - 86400_000));
  const days: string[] = [];
  for (let t = since; cstDay(new Date(t)) <= cstDay(now); t += 86400_000) days.push(cstDay(new Date(t)));
  const cutoff = now.toISOString();
  let fired = 0;

  for (const day of [...new Set(days)]) {
    for await (const item of dayPartitionItems(db, TableName, timerPartition(day), `${cutoff}\uffff`)) {
      const timer = item.timer as Timer;
      if (timer.fireAt > cutoff) continue;
      if (await fire(timer)) fired += 1;
    }
  }
  await db.send(new PutCommand({ TableName, Item: { ...sweepStateKey, entity: 'SweepState', lastRunAt: cutoff } }));
  return { fired, days: [...new Set(days)] };

  async function fire(timer: Timer): Promise<boolean> {
    // Only this very timer: a stage that moved on has replaced or removed it.
    const unchanged = { ConditionExpression: '#timer.fireAt = :fireAt', ExpressionAttributeNames: { '#timer': 'timer' }, ExpressionAttributeValues: { ':fireAt': timer.fireAt } };
    // A near-due reminder fires and the same row waits for the overdue alert, unless that is due too.
    const due = [{ fireAt: timer.fireAt, event: timer.event }, ...(timer.then && timer.then.fireAt <= cutoff ? [timer.then] : [])];
    const rearm = timer.then && timer.then.fireAt > cutoff ? timer.then : undefined;
    const done = rearm
      ? { Put: { ...timerPut(TableName, { caseNumber: timer.caseNumber, kind: timer.kind, fireAt: rearm.fireAt, event: rearm.event }).Put, ...unchanged } }
      : { Delete: { TableName, Key: timerKey(timer.caseNumber, timer.kind), ...unchanged } };
    const events = due.map((stage) => outboxPut(TableName, { ...stage.event, eventId: `${stage.event.type}-${timer.caseNumber}-${stage.fireAt.replace(/[^0-9]/g, '')}`, occurredAt: stage.fireAt }));
    try {
      await db.send(
        new TransactWriteCommand({
          TransactItems: [done, ...events],
        }),
      );
      return true;
    } catch (error) {
      // Already fired by an overlapping run, or replaced: nothing to do.
      if (error instanceof TransactionCanceledException) return false;
      throw error;
    }
  }
}
