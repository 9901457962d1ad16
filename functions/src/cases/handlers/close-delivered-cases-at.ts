import { config } from '../../platform/config';
import { observed } from '../../platform/invocation';
import { logger } from '../../platform/logger';
import { closeDue } from '../wiring';

/** Local stage only (stages/local.yml): the closing sweep as if it were `now`, so tests can move the clock. */
export const handler = observed(async (event: { now?: string }) => {
  if (config().stage !== 'local') throw new Error('closeDeliveredCasesAt runs in the local stage only');
  const now = new Date(event?.now ?? Number.NaN);
  if (Number.isNaN(now.getTime())) throw new Error('closeDeliveredCasesAt needs an ISO time in `now`');
  const result = await closeDue(now);
  logger.info('closing sweep done', { ...result, at: now.toISOString() });
  return result;
});
