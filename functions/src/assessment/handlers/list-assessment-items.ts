import { assessmentItemsQuerySchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseInput, NO_STORE } from '../../platform/http';
import { assessment } from '../wiring';

/** GET /staff/assessment/items */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const query = parseInput(assessmentItemsQuerySchema, event.queryStringParameters ?? {});
  return json(200, await assessment().items(caller, query), NO_STORE);
});
