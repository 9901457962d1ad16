import { cstDay } from '@ah-tourism/shared';
import type { PortalReport } from '@ah-tourism/shared/src/reports/layout';
import { REPORT_WATCH_AFTER_MS } from './backoff';
import { REPORT_KIND, reportSk, reportWatchPartition } from './keys';

/** What a change reports upward: the record, the partition whose order it keeps, and when it happened. */
export interface ReportOfChange {
  /** The partition of the subject (`CASE#<no>`, or a guide's): reports of one partition go out in order. */
  partition: string;
  report: PortalReport;
  organisationCode: string;
  /** When the change happened (the report's lag and lateness are counted from it). */
  changedAt: string;
}

/** The report row as stored; `state` moves pending → delivered, or → refused / failed (the dead-letter list). */
export interface StoredReport {
  pk: string;
  sk: string;
  kind: typeof REPORT_KIND;
  report: PortalReport;
  organisationCode: string;
  changedAt: string;
  state: 'pending' | 'delivered' | 'refused' | 'failed';
  attempts: number;
  nextAttemptAt?: string;
  lastError?: string;
  deliveredAt?: string;
  late?: boolean;
  duplicate?: boolean;
  deadLetteredAt?: string;
  refusalCode?: string;
  replays?: { at: string; by: string }[];
}

/** The GSI2 attributes that put a report's partition on the watch list at `at` (the partition is what the retry needs). */
export function watchKeys(pk: string, at: Date) {
  return { gsi2pk: reportWatchPartition(cstDay(at)), gsi2sk: `${at.toISOString()}#${pk}` };
}

/**
 * The report row of a change, to be written in the same transaction as the change: the report exists
 * exactly when the change does. The table's stream hands it to the delivering worker at once; the watch
 * time brings it back should that not finish it.
 */
export function reportPut(TableName: string, change: ReportOfChange) {
  const sk = reportSk(change.changedAt, change.report.messageId);
  const watchAt = new Date(new Date(change.changedAt).getTime() + REPORT_WATCH_AFTER_MS);
  return {
    Put: {
      TableName,
      Item: {
        pk: change.partition,
        sk,
        entity: 'PortalReport',
        kind: REPORT_KIND,
        report: change.report,
        organisationCode: change.organisationCode,
        changedAt: change.changedAt,
        state: 'pending',
        attempts: 0,
        ...watchKeys(change.partition, watchAt),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
