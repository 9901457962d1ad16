import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { NotificationEvent } from '@ah-tourism/shared';
import { logger } from '../platform/logger';
import { countDispatchGiveUp } from '../platform/metrics';
import { OUTBOX_KIND } from './keys';

/** Cases of one batch delivered at once: up to the whole batch of 25. */
const CONCURRENCY = 25;

/**
 * Delivers the outbox events of one batch (of the stream, or read back from it by the dead-letter
 * consumer; other records are passed over). Records of one case (one partition key) are delivered one
 * after the other in stream order, as the event source mapping hands them over; different cases
 * concurrently. On failure the batch reports the earliest failed record, so the stream retries from
 * there (records after it may run twice, which delivery tolerates); later records of the failed case
 * are not attempted, so they keep their order in the retry.
 */
export async function deliverBatch(records: DynamoDBRecord[], deliver: (event: NotificationEvent, record: DynamoDBRecord) => Promise<unknown>): Promise<DynamoDBBatchResponse> {
  const cases = new Map<string, number[]>();
  records.forEach((record, index) => {
    const pk = record.dynamodb?.Keys?.pk?.S ?? `#${index}`;
    cases.set(pk, [...(cases.get(pk) ?? []), index]);
  });
  const queue = [...cases.values()];
  const failed = new Set<number>();
  const worker = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      for (const index of group) {
        const record = records[index]!;
        const image = record.dynamodb?.NewImage;
        if (record.eventName !== 'INSERT' || !image) continue;
        const item = unmarshall(image as Parameters<typeof unmarshall>[0]);
        if (item.kind !== OUTBOX_KIND) continue;
        try {
          await deliver(item.event as NotificationEvent, record);
        } catch (error) {
          failed.add(index);
          // Tried again by the stream, or by the dead-letter consumer once the stream has given up.
          const { eventId, caseNumber } = (item.event ?? {}) as Partial<NotificationEvent>;
          logger.warn('event delivery failed; it will be tried again', { eventId, caseNumber, error: (error as Error).message });
          countDispatchGiveUp();
          break;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
  if (!failed.size) return { batchItemFailures: [] };
  const first = records[Math.min(...failed)]!;
  return { batchItemFailures: [{ itemIdentifier: first.dynamodb?.SequenceNumber ?? '' }] };
}
