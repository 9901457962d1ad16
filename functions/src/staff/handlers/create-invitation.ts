import { createInvitationRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, parseInput, readJsonBody } from '../../platform/http';
import { idempotencyKeyOf, idempotentRequest, idempotentResponse } from '../../platform/idempotency';
import { staff } from '../wiring';

/** POST /organisations/{organisationCode}/invitations: a retry with the same idempotency key gets the same code. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const organisationCode = event.pathParameters?.organisationCode ?? '';
  const body = readJsonBody(event);
  const once = idempotentRequest(caller.userId, idempotencyKeyOf(event), 'staff_invitation', { organisationCode, body });
  return idempotentResponse(await staff().invite(caller, organisationCode, once, parseInput(createInvitationRequestSchema, body)));
});
