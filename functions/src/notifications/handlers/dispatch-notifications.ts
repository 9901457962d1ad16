import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { observed } from '../../platform/invocation';
import { REPORT_KIND } from '../../reports/keys';
import { defaultReportWorkerDeps, reportWorker } from '../../reports/worker';
import { deliverBatch } from '../dispatch-batch';
import { defaultDispatcherDeps, dispatcher } from '../dispatcher';

let instance: ReturnType<typeof dispatcher> | undefined;
let reports: ReturnType<typeof reportWorker> | undefined;

/**
 * The stream side of the outbox: every new outbox record is one event to deliver, and every new report
 * row starts the delivery of its partition's reports upward (the same reader of the stream, so the table
 * keeps three). A report that cannot go now never fails the batch: the watch brings it back
 * (reports/worker.ts).
 */
export const handler = observed(async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  instance ??= dispatcher(defaultDispatcherDeps());
  reports ??= reportWorker(defaultReportWorkerDeps());
  const records = event.Records ?? [];
  const reported = records.filter((r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage?.kind?.S === REPORT_KIND).map((r) => r.dynamodb!.Keys!.pk!.S!);
  const [answer] = await Promise.all([deliverBatch(records, (e) => instance!.deliver(e)), reported.length ? reports.deliverPartitions(reported, () => new Date()) : 0]);
  return answer;
});
