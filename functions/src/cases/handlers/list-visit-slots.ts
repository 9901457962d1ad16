import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE } from '../../platform/http';
import { visitActions } from '../wiring';

/** GET /cases/{caseNumber}/visit-slots: the hall's slots for the one on-site visit (negative-list items). */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  return json(200, await visitActions().visitSlots(caller, event.pathParameters?.caseNumber ?? ''), NO_STORE);
});
