import { authenticate } from '../../auth/caller';
import { httpHandler, readJsonBody } from '../../platform/http';
import { idempotencyKeyOf, idempotentRequest, idempotentResponse } from '../../platform/idempotency';
import { visitActions } from '../wiring';

/** PUT /cases/{caseNumber}/visit: book (or move) the visit; a retry with the same idempotency key gets the same booking. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const caseNumber = event.pathParameters?.caseNumber ?? '';
  const body = readJsonBody(event);
  const once = idempotentRequest(caller.userId, idempotencyKeyOf(event), 'visit_booking', { caseNumber, body });
  return idempotentResponse(await visitActions().bookVisit(caller, caseNumber, once, body), 200);
});
