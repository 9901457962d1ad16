import { complaintActionRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../../platform/http';
import { complaintNumberOf } from '../request-paths';
import { complaints } from '../wiring';

/** POST /staff/complaints/{complaintNumber}/actions */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const complaintNumber = complaintNumberOf(event);
  const request = parseJsonBody(event, complaintActionRequestSchema);
  return json(200, await complaints().act(caller, complaintNumber, request), NO_STORE);
});
