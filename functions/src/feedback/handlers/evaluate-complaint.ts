import { complaintPathSchema, evaluationRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, parseInput, readJsonBody } from '../../platform/http';
import { idempotencyKeyOf, idempotentRequest, idempotentResponse } from '../../platform/idempotency';
import { evaluations } from '../wiring';

/** POST /complaints/{complaintNumber}/evaluation: a retry with the same idempotency key gets the same evaluation. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const { complaintNumber } = parseInput(complaintPathSchema, event.pathParameters ?? {});
  const body = readJsonBody(event);
  const once = idempotentRequest(caller.userId, idempotencyKeyOf(event), 'evaluation', { complaintNumber, body });
  return idempotentResponse(await evaluations().evaluate(caller, 'complaint', complaintNumber, once, parseInput(evaluationRequestSchema, body)));
});
