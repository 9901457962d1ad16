import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE } from '../../platform/http';
import { complaintNumberOf } from '../request-paths';
import { complaints } from '../wiring';

/** GET /complaints/{complaintNumber} */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  return json(200, await complaints().getMine(caller, complaintNumberOf(event)), NO_STORE);
});
