import { pageQuerySchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseInput, NO_STORE } from '../../platform/http';
import { inbox } from '../wiring';

/** GET /me/messages */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const { limit, cursor } = parseInput(pageQuerySchema, event.queryStringParameters ?? {});
  return json(200, await inbox().messages(caller, limit ?? 20, cursor), NO_STORE);
});
