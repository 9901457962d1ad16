import { saveListDraftRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE, parseJsonBody } from '../../platform/http';
import { entryCodeOf } from '../request-paths';
import { lists } from '../wiring';

/** PUT /staff/lists/{code}/draft */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const request = parseJsonBody(event, saveListDraftRequestSchema);
  return json(200, await lists().saveDraft(caller, entryCodeOf(event), request), NO_STORE);
});
