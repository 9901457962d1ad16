import { randomBytes } from 'node:crypto';
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
