import { config } from '../../platform/config';
import { logger } from '../../platform/logger';
import { sweep, type SweepResult } from '../sweep';

/**
 * The scheduled function (EventBridge in AWS; `npm run sweep` locally). In the local stage only, the
 * event may carry `now` so tests can move the clock.
 */
export async function handler(event: { now?: string } = {}): Promise<SweepResult> {
  const now = config().stage === 'local' && event?.now ? new Date(event.now) : new Date();
  const result = await sweep(now);
  logger.info('timer sweep done', { fired: result.fired, days: result.days.length });
  return result;
}
