import { complaintRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, parseInput, readJsonBody } from '../../platform/http';
import { idempotencyKeyOf, idempotentRequest, idempotentResponse } from '../../platform/idempotency';
import { complaints } from '../wiring';

/** POST /complaints: one complaint per idempotency key, however often the phone retries. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const body = readJsonBody(event);
  const once = idempotentRequest(caller.userId, idempotencyKeyOf(event), 'complaint', body);
  return idempotentResponse(await complaints().submit(caller, once, parseInput(complaintRequestSchema, body)));
});
