import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, SQSBatchResponse, SQSRecord } from 'aws-lambda';
import type { NotificationEvent } from '@ah-tourism/shared';
import { config } from '../platform/config';
import { dynamo } from '../platform/dynamodb';
import { logger } from '../platform/logger';
import { countDispatchGiveUp, countFailedBatchExpired, countFailedBatchFinished, countRecordsReplayed } from '../platform/metrics';
import { parseStreamBatchFailure, type StreamBatch } from '../platform/stream-records';
import { readStreamRange, type StreamRangeRead } from '../platform/streams';
import { deliverBatch } from './dispatch-batch';
import { defaultDispatcherDeps, dispatcher } from './dispatcher';
import { recordOutboxGiveUp } from './outbox';

/*
 * The consumer of the notification dead-letter queue. When the stream's event source mapping gives up
 * on a batch of outbox records (the dispatcher failed on it through every retry), the queue gets only
 * where that batch lies: a shard and a range of sequence numbers. This reads those records back from
 * the stream and hands them to the dispatcher's own batch delivery, which is idempotent per event and
 * recipient: what went through before sends nothing twice. An event that still fails is tried again on
 * the message's next receives; from GIVE_UP_FROM_RECEIVE on it is given up, recorded on its pending
 * messages (push 'failed') and on its outbox record, so that nothing it started stays pending.
 */

/** The reason a give-up by the stream and this consumer carries, on messages and outbox records. */
export const STREAM_GAVE_UP = 'stream_gave_up';
/**
 * The receive of a dead-letter message from which an event that still fails is given up rather than
 * handed back. The receives before leave time (the queue's visibility timeout between them) for
 * trouble that passes, such as DynamoDB throttling. The queue's maxReceiveCount is higher
 * (resources/notifications.yml), so a give-up that fails is tried again before the message moves on to
 * the unfinished queue and its alarm.
 */
export const GIVE_UP_FROM_RECEIVE = 3;

export interface FailedBatchDeps {
  read(batch: StreamBatch): Promise<StreamRangeRead>;
  deliver(event: NotificationEvent): Promise<unknown>;
  /** Ends what is left of an event that cannot be delivered, recording why; throws when it cannot. */
  giveUp(event: NotificationEvent, record: DynamoDBRecord, error: Error): Promise<void>;
}

/** finished: the message can go. Otherwise it stays in the queue: handed over again, then moved on. */
export type FailedBatchOutcome = 'finished' | 'retry' | 'expired' | 'unreadable';

/** One dead-letter message: its batch read back and delivered, or given up from the last receives. */
export async function finishFailedBatch(body: string, receiveCount: number, deps: FailedBatchDeps): Promise<FailedBatchOutcome> {
  let batch: StreamBatch;
  try {
    batch = parseStreamBatchFailure(body).batch;
  } catch (error) {
    logger.error('dead-letter message names no stream batch; left in the queue', { receiveCount }, error);
    return 'unreadable';
  }
  const where = { shardId: batch.shardId, startSequenceNumber: batch.startSequenceNumber, endSequenceNumber: batch.endSequenceNumber, batchSize: batch.batchSize, receiveCount };
  const read = await deps.read(batch);
  if (read.kind === 'expired') {
    // Nothing left to replay: the message stays, so the queue's own retention and alarm take it on.
    logger.error('failed batch has left the stream; its events cannot be replayed', { ...where, firstArrival: batch.approximateArrivalOfFirstRecord, reason: read.reason });
    countFailedBatchExpired();
    return 'expired';
  }
  const givingUp = receiveCount >= GIVE_UP_FROM_RECEIVE;
  let replayed = 0;
  let givenUp = 0;
  const result = await deliverBatch(read.records, async (event, record) => {
    replayed += 1;
    try {
      await deps.deliver(event);
    } catch (error) {
      if (!givingUp) throw error;
      logger.error('outbox event given up: neither the stream nor the dead-letter consumer could deliver it', { ...where, eventId: event?.eventId, caseNumber: event?.caseNumber }, error);
      await deps.giveUp(event, record, error as Error);
      countDispatchGiveUp();
      givenUp += 1;
    }
  });
  countRecordsReplayed(replayed);
  if (result.batchItemFailures.length) {
    logger.warn('failed batch not finished yet; the queue hands it over again', { ...where, records: read.records.length, replayed });
    return 'retry';
  }
  logger.info('failed batch finished', { ...where, records: read.records.length, replayed, givenUp });
  countFailedBatchFinished();
  return 'finished';
}

/** The outbox record's key, from the stream record that carried it. */
function outboxKeyOf(record: DynamoDBRecord): { pk: string; sk: string } {
  const keys = unmarshall((record.dynamodb?.Keys ?? {}) as Parameters<typeof unmarshall>[0]);
  return { pk: String(keys.pk), sk: String(keys.sk) };
}

/**
 * The consumer's parts: the dispatcher's delivery and give-up, the table for the outbox records, and
 * the stream to read from.
 */
export function failedBatchDeps(parts: {
  dispatch: Pick<ReturnType<typeof dispatcher>, 'deliver' | 'giveUp'>;
  db: DynamoDBDocumentClient;
  tableName: string;
  read: FailedBatchDeps['read'];
}): FailedBatchDeps {
  const { dispatch } = parts;
  return {
    read: parts.read,
    deliver: (event) => dispatch.deliver(event),
    async giveUp(event, record, error) {
      let pushesGivenUp: number | undefined;
      try {
        pushesGivenUp = await dispatch.giveUp(event, STREAM_GAVE_UP);
      } catch (cause) {
        // A malformed event may name no one to look up; a pending push it did start is still on the
        // watch list, which gives it up after its attempts (push-watch.ts).
        logger.warn('pushes of a given-up event could not be looked up', { eventId: event?.eventId, error: (cause as Error)?.message });
      }
      await recordOutboxGiveUp(parts.db, parts.tableName, outboxKeyOf(record), { reason: STREAM_GAVE_UP, error: error.message, ...(pushesGivenUp === undefined ? {} : { pushesGivenUp }) });
    },
  };
}

/** Wired to the function's table, stream and WeChat client: made once per container. */
const defaultDeps = () =>
  failedBatchDeps({ dispatch: dispatcher(defaultDispatcherDeps()), db: dynamo(), tableName: config().tableName, read: (batch) => readStreamRange(batch) });

let deps: FailedBatchDeps | undefined;

/** The queue's messages one after the other; those not finished are reported, so the queue keeps them. */
export async function finishFailedBatches(messages: SQSRecord[], given?: FailedBatchDeps): Promise<SQSBatchResponse> {
  const use = given ?? (deps ??= defaultDeps());
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const message of messages) {
    const receiveCount = Number(message.attributes?.ApproximateReceiveCount ?? 1);
    const outcome = await finishFailedBatch(message.body, receiveCount, use).catch((error: unknown) => {
      logger.error('failed batch could not be finished; the queue hands it over again', { messageId: message.messageId, receiveCount }, error);
      return 'retry' as const;
    });
    if (outcome !== 'finished') batchItemFailures.push({ itemIdentifier: message.messageId });
  }
  return { batchItemFailures };
}
