import { complaintListQuerySchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseInput, NO_STORE } from '../../platform/http';
import { complaints } from '../wiring';

/** GET /me/complaints */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const query = parseInput(complaintListQuerySchema, event.queryStringParameters ?? {});
  return json(200, await complaints().listMine(caller, query), NO_STORE);
});
