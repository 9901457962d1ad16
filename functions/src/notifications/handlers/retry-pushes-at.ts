import { config } from '../../platform/config';
import { observed } from '../../platform/invocation';
import { retryDuePushes } from '../push-retries';

/**
 * Local stage only (stages/local.yml): the push retries as if it were `now`, so tests can move the clock
 * past a deferred push's next attempt. No other stage has this function.
 */
export const handler = observed(async (event: { now?: string }) => {
  if (config().stage !== 'local') throw new Error('retryPushesAt runs in the local stage only');
  const now = new Date(event?.now ?? Number.NaN);
  if (Number.isNaN(now.getTime())) throw new Error('retryPushesAt needs an ISO time in `now`');
  return retryDuePushes(now);
});
