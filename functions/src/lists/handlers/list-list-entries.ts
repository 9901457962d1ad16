import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE } from '../../platform/http';
import { lists } from '../wiring';

/** GET /staff/lists */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  return json(200, await lists().listEntries(caller), NO_STORE);
});
