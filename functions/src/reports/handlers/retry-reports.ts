import { observed } from '../../platform/invocation';
import { defaultReportWorkerDeps, reportWorker, type ReportWorker } from '../worker';

let worker: ReportWorker | undefined;

/** Every minute: another attempt at each report whose time has come (deferred, or never finished). */
export const handler = observed(async (): Promise<{ partitions: number; delivered: number }> => {
  worker ??= reportWorker(defaultReportWorkerDeps());
  return worker.retryDue(new Date());
});
