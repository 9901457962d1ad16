import { bindStaffRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../../platform/http';
import { staff } from '../wiring';

/** POST /staff/bind */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const { code } = parseJsonBody(event, bindStaffRequestSchema);
  return json(200, await staff().bind(caller, code), NO_STORE);
});
