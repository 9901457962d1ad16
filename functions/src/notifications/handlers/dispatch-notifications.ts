import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { NotificationEvent } from '@ah-tourism/shared';
import { logger } from '../../platform/logger';
import { defaultDispatcherDeps, dispatcher } from '../dispatcher';
import { OUTBOX_KIND } from '../keys';

let instance: ReturnType<typeof dispatcher> | undefined;
/** Events of one batch delivered at once (each to all its recipients): the whole batch of 25. */
const CONCURRENCY = 25;

/**
 * The stream side of the outbox: every new outbox record is one event to deliver. Records are
 * delivered concurrently; on failure the batch reports the earliest failed record, so the stream
 * retries from there (records after it may run twice, which delivery tolerates).
 */
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  instance ??= dispatcher(defaultDispatcherDeps());
  const records = event.Records ?? [];
  const failed = new Set<number>();
  let next = 0;
  const worker = async () => {
    while (next < records.length) {
      const index = next++;
      const record = records[index]!;
      const image = record.dynamodb?.NewImage;
      if (record.eventName !== 'INSERT' || !image) continue;
      const item = unmarshall(image as Parameters<typeof unmarshall>[0]);
      if (item.kind !== OUTBOX_KIND) continue;
      try {
        await instance!.deliver(item.event as NotificationEvent);
      } catch (error) {
        failed.add(index);
        logger.warn('event delivery failed; the stream will retry', { eventId: (item.event as NotificationEvent).eventId, error: (error as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, records.length) }, worker));
  if (!failed.size) return { batchItemFailures: [] };
  const first = records[Math.min(...failed)]!;
  return { batchItemFailures: [{ itemIdentifier: first.dynamodb?.SequenceNumber ?? '' }] };
}
