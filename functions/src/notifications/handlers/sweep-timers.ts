import { observed } from '../../platform/invocation';
import { logger } from '../../platform/logger';
import { sweep, type SweepResult } from '../sweep';

/**
 * The scheduled function (EventBridge in AWS; `npm run sweep` locally). The local stage also has
 * sweepTimersAt (stages/local.yml), the same sweep at a moment the caller chooses.
 */
export const handler = observed(async (): Promise<SweepResult> => {
  const result = await sweep(new Date());
  logger.info('timer sweep done', { fired: result.fired, days: result.days.length });
  return result;
});
