import { assessmentCasesQuerySchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseInput, NO_STORE } from '../../platform/http';
import { assessment } from '../wiring';

/** GET /staff/assessment/cases */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const query = parseInput(assessmentCasesQuerySchema, event.queryStringParameters ?? {});
  return json(200, await assessment().cases(caller, query), NO_STORE);
});
