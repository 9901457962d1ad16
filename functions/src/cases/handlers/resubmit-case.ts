import { authenticate } from '../../auth/caller';
import { httpHandler, json, readJsonBody, NO_STORE } from '../../platform/http';
import { applicantActions } from '../wiring';

/** POST /cases/{caseNumber}/resubmit: the supplement the one-time notice asked for. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  return json(200, await applicantActions().resubmit(caller, event.pathParameters?.caseNumber ?? '', readJsonBody(event)), NO_STORE);
});
