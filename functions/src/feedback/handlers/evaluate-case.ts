import { evaluationRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, parseInput, readJsonBody } from '../../platform/http';
import { idempotencyKeyOf, idempotentRequest, idempotentResponse } from '../../platform/idempotency';
import { evaluations } from '../wiring';

/** POST /cases/{caseNumber}/evaluation: a retry with the same idempotency key gets the same evaluation. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const caseNumber = event.pathParameters?.caseNumber ?? '';
  const body = readJsonBody(event);
  const once = idempotentRequest(caller.userId, idempotencyKeyOf(event), 'evaluation', { caseNumber, body });
  return idempotentResponse(await evaluations().evaluate(caller, 'case', caseNumber, once, parseInput(evaluationRequestSchema, body)));
});
