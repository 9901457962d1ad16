import { randomBytes } from 'node:crypto';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { NotificationEvent } from '@ah-tourism/shared';
import { OUTBOX_KIND, outboxKey } from './keys';

/** Outbox records outlive any stream retry (24 h) with room to spare. */
const OUTBOX_TTL_SECONDS = 3 * 86400;

export const newEventId = () => `ev_${randomBytes(10).toString('hex')}`;

/**
 * The outbox record of an event, to be written in the same transaction as the change it reports:
 * the event exists exactly when the change does. The table's stream hands it to the dispatcher.
 */
export function outboxPut(tableName: string, event: NotificationEvent) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...outboxKey(event.caseNumber, event.eventId),
        entity: 'Outbox',
        kind: OUTBOX_KIND,
        event,
        expiresAt: Math.floor(Date.now() / 1000) + OUTBOX_TTL_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** A given-up event's outbox record stays this long, for whoever follows up the alarm or the log line. */
const GIVEN_UP_TTL_SECONDS = 30 * 86400;

export interface OutboxGiveUp {
  /** Why, e.g. 'stream_gave_up'. */
  reason: string;
  /** The last error of its delivery. */
  error: string;
  /** Pending pushes of the event that were given up with it, when they could be looked up. */
  pushesGivenUp?: number;
}

/**
 * Records on an outbox record that delivery of its event was given up: the event's messages that were
 * never written cannot carry it. Nothing is written when the record is gone. Returns whether it was there.
 */
export async function recordOutboxGiveUp(db: DynamoDBDocumentClient, TableName: string, key: { pk: string; sk: string }, giveUp: OutboxGiveUp): Promise<boolean> {
  try {
    await db.send(
      new UpdateCommand({
        TableName,
        Key: key,
        UpdateExpression: `SET deliveryGaveUpAt = :now, deliveryGaveUpReason = :reason, deliveryLastError = :error, expiresAt = :expires${giveUp.pushesGivenUp === undefined ? '' : ', pushesGivenUp = :pushes'}`,
        ConditionExpression: 'attribute_exists(pk) AND #kind = :outbox',
        ExpressionAttributeNames: { '#kind': 'kind' },
        ExpressionAttributeValues: {
          ':now': new Date().toISOString(),
          ':reason': giveUp.reason,
          ':error': giveUp.error.slice(0, 200),
          ':expires': Math.floor(Date.now() / 1000) + GIVEN_UP_TTL_SECONDS,
          ':outbox': OUTBOX_KIND,
          ...(giveUp.pushesGivenUp === undefined ? {} : { ':pushes': giveUp.pushesGivenUp }),
        },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
