import { consultationRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, parseInput, readJsonBody } from '../../platform/http';
import { idempotencyKeyOf, idempotentRequest, idempotentResponse } from '../../platform/idempotency';
import { consultations } from '../wiring';

/** POST /consultations: one consultation per idempotency key, however often the phone retries. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const body = readJsonBody(event);
  const once = idempotentRequest(caller.userId, idempotencyKeyOf(event), 'consultation', body);
  return idempotentResponse(await consultations().ask(caller, once, parseInput(consultationRequestSchema, body)));
});
