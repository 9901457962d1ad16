import { staffInboxQuerySchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseInput, NO_STORE } from '../../platform/http';
import { staffViews } from '../wiring';

/** GET /staff/cases: the organisation's open cases, soonest deadline first. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const query = parseInput(staffInboxQuerySchema, event.queryStringParameters ?? {});
  return json(200, await staffViews().inbox(caller, query), NO_STORE);
});
