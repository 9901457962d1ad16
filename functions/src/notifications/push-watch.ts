import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { cstDay, type TemplateKey } from '@ah-tourism/shared';
import { dayPartitionItems } from './day-partitions';
import { messageKey, pushWatchPartition } from './keys';

/*
 * Every pending push ends in a final state (sent, refused, quota, failed) within a bounded time. A message
 * whose push is pending carries a watch time on GSI2; the final state removes it. A transient failure does
 * not fail the stream batch (which held every other record behind it): the push is deferred to its next
 * attempt, and `retryPushes` (every minute) picks up what is due — a deferred push, or one whose attempt
 * crashed. After the last attempt the push is given up: 'failed', with the time and the reason on it.
 */

/** A pending push not finished by then (its attempt crashed, or the stream gave up on it) is looked at again. */
export const PUSH_WATCH_AFTER_MS = 5 * 60_000;
/** Waits before the 2nd, 3rd and 4th attempt; a 4th that fails too gives the push up (within about 25 minutes). */
export const PUSH_RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000];
export const MAX_PUSH_ATTEMPTS = PUSH_RETRY_DELAYS_MS.length + 1;
/** How far back `due` looks: watches of days before would only be there if the retries stopped for that long. */
const LOOKBACK_DAYS = 2;

/** What the push sends, kept on a pending message so a later attempt can send it without the event. */
export interface PushContent {
  template: TemplateKey;
  page?: string;
  values?: Record<string, string>;
}

/** The GSI2 attributes that put a pending push on the watch list at `at`. */
export function watchKeys(userId: string, messageId: string, at: Date): { gsi2pk: string; gsi2sk: string } {
  return { gsi2pk: pushWatchPartition(cstDay(at)), gsi2sk: `${at.toISOString()}#${userId}#${messageId}` };
}

export interface WatchedPush {
  userId: string;
  messageId: string;
}

export function pushWatch(db: DynamoDBDocumentClient, TableName: string) {
  return {
    /**
     * Records a failed attempt and when to try again, releasing the lease; only while the push is still
     * pending (an attempt that finished it meanwhile wins).
     */
    async defer(userId: string, messageId: string, attempts: number, retryAt: Date, error: string): Promise<void> {
      const watch = watchKeys(userId, messageId, retryAt);
      await db
        .send(
          new UpdateCommand({
            TableName,
            Key: messageKey(userId, messageId),
            UpdateExpression: 'SET pushAttempts = :attempts, pushLastError = :error, gsi2pk = :watchPk, gsi2sk = :watchSk REMOVE leaseUntil',
            ConditionExpression: 'pushStatus = :pending',
            ExpressionAttributeValues: {
              ':attempts': attempts,
              ':error': error.slice(0, 200),
              ':pending': 'pending',
              ':watchPk': watch.gsi2pk,
              ':watchSk': watch.gsi2sk,
            },
          }),
        )
        .catch((caught: Error) => {
          if (caught.name !== 'ConditionalCheckFailedException') throw caught;
        });
    },

    /** The pushes whose watch time has come, oldest first: one Query per CST day, never a scan. */
    async due(now: Date): Promise<WatchedPush[]> {
      const cutoff = `${now.toISOString()}#\uffff`;
      const found: WatchedPush[] = [];
      for (let back = LOOKBACK_DAYS; back >= 0; back -= 1) {
        const day = cstDay(new Date(now.getTime() - back * 86_400_000));
        for await (const item of dayPartitionItems(db, TableName, pushWatchPartition(day), cutoff, 'userId, message.messageId')) {
          found.push({ userId: item.userId as string, messageId: (item.message as { messageId: string }).messageId });
        }
      }
      return found;
    },
  };
}
