import { feedbackStatsQuerySchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseInput, NO_STORE } from '../../platform/http';
import { feedbackStats } from '../wiring';

/** GET /staff/feedback/stats */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const query = parseInput(feedbackStatsQuerySchema, event.queryStringParameters ?? {});
  return json(200, await feedbackStats().stats(caller, query), NO_STORE);
});
