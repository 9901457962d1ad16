import { authenticate } from '../../auth/caller';
import { httpHandler, json, readJsonBody, NO_STORE } from '../../platform/http';
import { applicantActions } from '../wiring';

/** PUT /cases/{caseNumber}/visit: book (or move) the visit. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  return json(200, await applicantActions().bookVisit(caller, event.pathParameters?.caseNumber ?? '', readJsonBody(event)), NO_STORE);
});
