import { complaintRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../../platform/http';
import { complaints } from '../wiring';

/** POST /complaints */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const request = parseJsonBody(event, complaintRequestSchema);
  return json(201, await complaints().submit(caller, request), NO_STORE);
});
