import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { observed } from '../../platform/invocation';
import { finishFailedBatches } from '../failed-batches';

/**
 * The notification dead-letter queue's consumer: each message names a stream batch the dispatcher
 * gave up on, which is read back from the stream and finished (failed-batches.ts). Messages not
 * finished are reported, so the queue hands them over again and, after its last receive, moves them on.
 */
export const handler = observed(async (event: SQSEvent): Promise<SQSBatchResponse> => finishFailedBatches(event.Records ?? []));
