/*
 * When a report the platform could not take now is tried again. Each attempt that fails for a reason
 * that may pass (no answer, a timeout, 5xx, a signature the platform did not accept) waits longer; after
 * the last one the report is given up ('failed') and lands on the dead-letter list, from where an
 * administrator replays it. A refusal (the platform names a problem with the record) is final at once.
 */

/** Waits before the 2nd … 7th attempt: about 9 hours in all before a report is given up. */
export const REPORT_RETRY_DELAYS_MS = [30_000, 2 * 60_000, 10 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];
export const MAX_REPORT_ATTEMPTS = REPORT_RETRY_DELAYS_MS.length + 1;
/** A report the platform took more than this after the change is late (晚报), counted per organisation. */
export const REPORT_LATE_AFTER_MS = 15 * 60_000;
/** A pending report nobody finished by then (the stream gave up, a worker crashed) is looked at again. */
export const REPORT_WATCH_AFTER_MS = 2 * 60_000;

export type AttemptDecision = { next: 'retry'; at: Date } | { next: 'give_up' };

/** After `attempts` failed attempts (≥ 1) ending at `now`: when to try again, or give up. */
export function afterFailedAttempt(attempts: number, now: Date): AttemptDecision {
  if (!Number.isInteger(attempts) || attempts < 1) throw new Error('attempts must be a positive integer');
  if (attempts >= MAX_REPORT_ATTEMPTS) return { next: 'give_up' };
  return { next: 'retry', at: new Date(now.getTime() + REPORT_RETRY_DELAYS_MS[attempts - 1]!) };
}

/** Whether a report of a change at `changedAt` taken at `deliveredAt` is late. */
export const isLate = (changedAt: string, deliveredAt: Date) => deliveredAt.getTime() - new Date(changedAt).getTime() > REPORT_LATE_AFTER_MS;
