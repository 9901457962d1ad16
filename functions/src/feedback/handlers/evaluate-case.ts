import { evaluationRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../../platform/http';
import { evaluations } from '../wiring';

/** POST /cases/{caseNumber}/evaluation */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const request = parseJsonBody(event, evaluationRequestSchema);
  return json(201, await evaluations().evaluate(caller, 'case', event.pathParameters?.caseNumber ?? '', request), NO_STORE);
});
