import { authenticate } from '../platform/caller';
import { httpHandler, json, readJsonBody, NO_STORE } from '../platform/http';
import { cases } from './service-instance';


/** POST /cases/{caseNumber}/resubmit: the supplement the one-time notice asked for. */
export const resubmit = httpHandler(async (event) => {
  const caller = await authenticate(event);
  return json(200, await cases().resubmit(caller, event.pathParameters?.caseNumber ?? '', readJsonBody(event)), NO_STORE);
});

/** POST /cases/{caseNumber}/withdraw */
export const withdraw = httpHandler(async (event) => {
  const caller = await authenticate(event);
  return json(200, await cases().withdraw(caller, event.pathParameters?.caseNumber ?? '', readJsonBody(event)), NO_STORE);
});

/** GET /cases/{caseNumber}/visit-slots: the hall's slots for the one on-site visit (negative-list items). */
export const visitSlots = httpHandler(async (event) => {
  const caller = await authenticate(event);
  return json(200, await cases().visitSlots(caller, event.pathParameters?.caseNumber ?? ''), NO_STORE);
});

/** PUT /cases/{caseNumber}/visit: book (or move) the visit. */
export const bookVisit = httpHandler(async (event) => {
  const caller = await authenticate(event);
  return json(200, await cases().bookVisit(caller, event.pathParameters?.caseNumber ?? '', readJsonBody(event)), NO_STORE);
});
