import { config } from '../../platform/config';
import { observed } from '../../platform/invocation';
import { logger } from '../../platform/logger';
import { sweep, type SweepResult } from '../sweep';

/**
 * Local stage only (stages/local.yml): the reminder sweep as if it were `now`, so tests and
 * `AT=<time> npm run sweep` can move the clock. No other stage has this function.
 */
export const handler = observed(async (event: { now?: string }): Promise<SweepResult> => {
  if (config().stage !== 'local') throw new Error('sweepTimersAt runs in the local stage only');
  const now = new Date(event?.now ?? Number.NaN);
  if (Number.isNaN(now.getTime())) throw new Error('sweepTimersAt needs an ISO time in `now`');
  const result = await sweep(now);
  logger.info('timer sweep done', { fired: result.fired, days: result.days.length, at: now.toISOString() });
  return result;
});
