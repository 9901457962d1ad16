import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE } from '../../platform/http';
import { entryCodeOf } from '../request-paths';
import { lists } from '../wiring';

/** GET /staff/lists/{code}/versions */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  return json(200, await lists().versions(caller, entryCodeOf(event)), NO_STORE);
});
