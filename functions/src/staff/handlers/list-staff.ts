import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE } from '../../platform/http';
import { staff } from '../wiring';

/** GET /organisations/{organisationCode}/staff */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  return json(200, { items: await staff().list(caller, event.pathParameters?.organisationCode ?? '') }, NO_STORE);
});
