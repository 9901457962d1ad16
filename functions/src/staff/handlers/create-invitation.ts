import { createInvitationRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../../platform/http';
import { staff } from '../wiring';

/** POST /organisations/{organisationCode}/invitations */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const input = parseJsonBody(event, createInvitationRequestSchema);
  return json(201, await staff().invite(caller, event.pathParameters?.organisationCode ?? '', input), NO_STORE);
});
