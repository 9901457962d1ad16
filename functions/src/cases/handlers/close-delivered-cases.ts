import { observed } from '../../platform/invocation';
import { logger } from '../../platform/logger';
import { closeDue } from '../wiring';

/** Scheduled: closes (已办结) the delivered cases whose evaluation period has ended. */
export const handler = observed(async () => {
  const result = await closeDue(new Date());
  logger.info('closing sweep done', { ...result });
  return result;
});
