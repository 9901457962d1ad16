import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * Business and error metrics, written as CloudWatch embedded metric format (EMF) lines in the function's
 * log (Powertools Metrics): no API call, no latency. Namespace POWERTOOLS_METRICS_NAMESPACE, dimension
 * `service` (POWERTOOLS_SERVICE_NAME, one per stage); the alarms in resources/alarms.yml read them.
 * The local stage turns them off (POWERTOOLS_METRICS_DISABLED), so local output stays readable.
 *
 * Counts are kept per invocation and published when it ends (invocation.ts).
 */
export const METRIC = {
  /** A case was created from an application. */
  submissions: 'CaseSubmissions',
  /** A case moved from one status to another (staff action, supplement, withdrawal, …). */
  transitions: 'CaseTransitions',
  /** A subscribe message reached its final state; dimension `state` (sent, refused, quota_exceeded, failed, no_subscription). */
  pushes: 'Pushes',
  /**
   * The dispatcher gave up: an outbox event handed back to the stream (after its retries: the DLQ), a push
   * given up after its last attempt (notifications/push-watch.ts), or an event the dead-letter consumer
   * gave up on (notifications/failed-batches.ts).
   */
  dispatchGiveUps: 'DispatchGiveUps',
  /**
   * The dead-letter consumer (notifications/failed-batches.ts) finished a batch the stream gave up on:
   * every outbox event in it delivered, or given up with the give-up recorded.
   */
  failedBatchesFinished: 'FailedBatchesFinished',
  /** Outbox records that consumer read back from the stream and delivered again. */
  failedBatchRecordsReplayed: 'FailedBatchRecordsReplayed',
  /** A failed batch whose records had left the stream (24 h) before the consumer could read them. */
  failedBatchesExpired: 'FailedBatchesExpired',
} as const;

const metrics = new Metrics();

const count = (name: string) => metrics.addMetric(name, MetricUnit.Count, 1);

export const countSubmission = () => count(METRIC.submissions);
export const countTransition = () => count(METRIC.transitions);
export const countDispatchGiveUp = () => count(METRIC.dispatchGiveUps);
export const countFailedBatchFinished = () => count(METRIC.failedBatchesFinished);
export const countFailedBatchExpired = () => count(METRIC.failedBatchesExpired);
export const countRecordsReplayed = (records: number) => {
  if (records > 0) metrics.addMetric(METRIC.failedBatchRecordsReplayed, MetricUnit.Count, records);
};

/** One push in its final state: its own EMF line, since the state is a dimension of this metric only. */
export function countPush(state: string): void {
  const single = metrics.singleMetric();
  single.addDimension('state', state);
  single.addMetric(METRIC.pushes, MetricUnit.Count, 1);
}

/** Publishes what this invocation counted; nothing when it counted nothing. */
export function publishMetrics(): void {
  if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
}
