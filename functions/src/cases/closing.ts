import { cstDay } from '@ah-tourism/shared';
import { dayPartitionItems } from '../notifications/day-partitions';
import { config } from '../platform/config';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';
import { logger } from '../platform/logger';
import { CLOSE_AFTER_DAYS, closingPartition } from './keys';
import type { CaseLifecycle } from './lifecycle';
import type { CaseStore } from './store';

const SYSTEM = { kind: 'system' as const, userId: 'system', name: '系统', role: 'system' };
/** Days looked back: a sweep that did not run for a while still finds what it missed. */
const LOOKBACK_DAYS = CLOSE_AFTER_DAYS + 20;

export interface ClosingResult {
  closed: number;
  skipped: number;
}

/**
 * Closes (已办结) every delivered case whose closing time has come, from the `CLOSING#<day>` index
 * partitions of the last weeks up to `now`. Each close is the lifecycle's `close` step, with its audit
 * entry; a case someone changed meanwhile (a conflict) is left for the next run.
 */
export async function closeDueCases(deps: { cases: Pick<CaseStore, 'getCase'>; lifecycle: () => CaseLifecycle }, now: Date): Promise<ClosingResult> {
  const result: ClosingResult = { closed: 0, skipped: 0 };
  const cutoff = now.toISOString();
  for (let back = LOOKBACK_DAYS; back >= 0; back -= 1) {
    const day = cstDay(new Date(now.getTime() - back * 86_400_000));
    for await (const row of dayPartitionItems(dynamo(), config().tableName, closingPartition(day), cutoff, 'pk')) {
      const caseNumber = String(row.pk).replace(/^CASE#/, '');
      const stored = await deps.cases.getCase(caseNumber);
      if (!stored || stored.record.status !== 'delivered') {
        result.skipped += 1;
        continue;
      }
      try {
        await deps.lifecycle().transition(stored, 'close', SYSTEM, { action: 'close', version: stored.record.version });
        result.closed += 1;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        logger.warn('case not closed this time', { caseNumber, code: error.code });
        result.skipped += 1;
      }
    }
  }
  return result;
}
