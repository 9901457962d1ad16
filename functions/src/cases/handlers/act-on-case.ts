import { staffActionRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../../platform/http';
import { staffActions } from '../wiring';

/** POST /staff/cases/{caseNumber}/actions */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const request = parseJsonBody(event, staffActionRequestSchema);
  return json(200, await staffActions().act(caller, event.pathParameters?.caseNumber ?? '', request), NO_STORE);
});
