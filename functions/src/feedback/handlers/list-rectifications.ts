import { rectificationListQuerySchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseInput, NO_STORE } from '../../platform/http';
import { rectifications } from '../wiring';

/** GET /staff/rectifications */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const query = parseInput(rectificationListQuerySchema, event.queryStringParameters ?? {});
  return json(200, await rectifications().list(caller, query), NO_STORE);
});
