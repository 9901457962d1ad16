import { config } from '../../platform/config';
import { observed } from '../../platform/invocation';
import { defaultReportWorkerDeps, reportWorker, type ReportWorker } from '../worker';

let worker: ReportWorker | undefined;

/**
 * Local stage only (stages/local.yml): the report retries as if it were `now`, so tests can move the clock
 * past a deferred report's next attempt. No other stage has this function.
 */
export const handler = observed(async (event: { now?: string }) => {
  if (config().stage !== 'local') throw new Error('retryReportsAt runs in the local stage only');
  const now = new Date(event?.now ?? Number.NaN);
  if (Number.isNaN(now.getTime())) throw new Error('retryReportsAt needs an ISO time in `now`');
  worker ??= reportWorker(defaultReportWorkerDeps());
  return worker.retryDue(now);
});
