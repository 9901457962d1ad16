import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE } from '../../platform/http';
import { complaintNumberOf } from '../request-paths';
import { complaints } from '../wiring';

/** GET /staff/complaints/{complaintNumber} */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  return json(200, await complaints().getForStaff(caller, complaintNumberOf(event)), NO_STORE);
});
