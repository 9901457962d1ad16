import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE } from '../../platform/http';
import { licenceAdmin } from '../wiring';

/** GET /staff/licences/{licenceId}: a licence as its issuer's staff manage it (others: read only). */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  return json(200, await licenceAdmin().get(caller, decodeURIComponent(event.pathParameters?.licenceId ?? '')), NO_STORE);
});
