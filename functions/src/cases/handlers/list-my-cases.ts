import { pageQuerySchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseInput, NO_STORE } from '../../platform/http';
import { applicantViews } from '../wiring';

/** GET /cases: the caller's own cases, newest first. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const query = parseInput(pageQuerySchema, event.queryStringParameters);
  return json(200, await applicantViews().list(caller, query.limit ?? 20, query.cursor), NO_STORE);
});
