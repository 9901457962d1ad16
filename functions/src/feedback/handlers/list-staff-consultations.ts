import { consultationListQuerySchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseInput, NO_STORE } from '../../platform/http';
import { consultations } from '../wiring';

/** GET /staff/consultations */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const query = parseInput(consultationListQuerySchema, event.queryStringParameters ?? {});
  return json(200, await consultations().listForStaff(caller, query), NO_STORE);
});
