import { config } from '../platform/config';
import { dynamo } from '../platform/dynamodb';
import { logger } from '../platform/logger';
import { parameter } from '../platform/parameters';
import { afterFailedAttempt, isLate } from './backoff';
import { portalPlatform, type PortalPlatform } from './platform-client';
import { reportStore, type ReportStore } from './store';

export interface ReportWorkerDeps {
  store: ReportStore;
  /** Undefined: no platform configured, nothing is sent (the reports wait, and show as late). */
  platform: PortalPlatform | undefined;
}

export function defaultReportWorkerDeps(): ReportWorkerDeps {
  const { tableName, portalReports } = config();
  const { baseUrl, appId, localAppSecret } = portalReports;
  return {
    store: reportStore(dynamo(), tableName),
    platform: baseUrl ? portalPlatform({ baseUrl, appId, secret: () => parameter('portal-report-secret', localAppSecret) }) : undefined,
  };
}

export interface PartitionOutcome {
  delivered: number;
  /** Why the partition's delivery stopped before its last report, if it did. */
  stopped?: 'deferred' | 'dead_letter' | 'blocked' | 'not_due' | 'no_platform';
}

/**
 * Delivers the reports of one partition (a case, a guide) in the order of their changes: each only after
 * the one before it was taken. The first that cannot go now ends the run: deferred with backoff (the
 * watch brings it back), or on the dead-letter list, where it holds back the partition's later reports
 * until it is replayed. Safe to run any number of times, at once too: each run sends in order, every
 * final state is conditional on the report still pending, and the platform takes a message id once.
 */
export function reportWorker(deps: ReportWorkerDeps) {
  async function deliverPartition(pk: string, now: () => Date): Promise<PartitionOutcome> {
    const result: PartitionOutcome = { delivered: 0 };
    for (const row of await deps.store.partition(pk)) {
      if (row.state === 'delivered') continue;
      if (row.state !== 'pending') return { ...result, stopped: 'blocked' };
      if (row.nextAttemptAt && row.nextAttemptAt > now().toISOString()) return { ...result, stopped: 'not_due' };
      if (!deps.platform) return { ...result, stopped: 'no_platform' };
      const sent = await deps.platform.send(row.report);
      const at = now();
      const attempts = row.attempts + 1;
      if (sent.outcome === 'taken') {
        await deps.store.delivered(row, at, isLate(row.changedAt, at), sent.duplicate);
        result.delivered += 1;
        continue;
      }
      if (sent.outcome === 'refused') {
        logger.warn('report refused by the provincial platform', { messageId: row.report.messageId, code: sent.code });
        await deps.store.deadLetter(row, 'refused', attempts, at, sent.reason, sent.code);
        return { ...result, stopped: 'dead_letter' };
      }
      const decision = afterFailedAttempt(attempts, at);
      if (decision.next === 'give_up') {
        logger.error('report given up', { messageId: row.report.messageId, attempts, error: sent.reason });
        await deps.store.deadLetter(row, 'failed', attempts, at, sent.reason);
        return { ...result, stopped: 'dead_letter' };
      }
      logger.warn('report not delivered; deferred', { messageId: row.report.messageId, attempts, error: sent.reason });
      await deps.store.defer(row, attempts, decision.at, sent.reason);
      return { ...result, stopped: 'deferred' };
    }
    return result;
  }

  /** Delivers each partition of `pks` (several at once), logging rather than throwing: the watch brings back what failed. */
  async function deliverPartitions(pks: string[], now: () => Date, concurrency = 10): Promise<number> {
      const queue = [...new Set(pks)];
      let delivered = 0;
      const worker = async () => {
        for (let pk = queue.shift(); pk; pk = queue.shift()) {
          try {
            delivered += (await deliverPartition(pk, now)).delivered;
          } catch (error) {
            logger.warn('report delivery failed; the watch brings it back', { error: (error as Error).message });
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
      return delivered;
  }

  return {
    deliverPartition,
    deliverPartitions,

    /** Every partition with a report whose time has come by `now` (retryReports, every minute). */
    async retryDue(now: Date): Promise<{ partitions: number; delivered: number }> {
      const due = await deps.store.due(now);
      const delivered = await deliverPartitions(due, () => now);
      logger.info('report retries done', { partitions: due.length, delivered, at: now.toISOString() });
      return { partitions: due.length, delivered };
    },
  };
}

export type ReportWorker = ReturnType<typeof reportWorker>;
