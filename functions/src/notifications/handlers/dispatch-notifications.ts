import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { observed } from '../../platform/invocation';
import { deliverBatch } from '../dispatch-batch';
import { defaultDispatcherDeps, dispatcher } from '../dispatcher';

let instance: ReturnType<typeof dispatcher> | undefined;

/**
 * The stream side of the outbox: every new outbox record is one event to deliver.
 */
export const handler = observed(async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  instance ??= dispatcher(defaultDispatcherDeps());
  return deliverBatch(event.Records ?? [], (e) => instance!.deliver(e));
});
