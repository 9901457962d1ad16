import { listDraftActionRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE, parseJsonBody } from '../../platform/http';
import { entryCodeOf } from '../request-paths';
import { lists } from '../wiring';

/** POST /staff/lists/{code}/draft/actions */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const request = parseJsonBody(event, listDraftActionRequestSchema);
  return json(200, await lists().act(caller, entryCodeOf(event), request), NO_STORE);
});
