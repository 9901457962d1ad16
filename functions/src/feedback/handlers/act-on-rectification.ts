import { rectificationActionSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../../platform/http';
import { subjectIdOf } from '../request-paths';
import { rectifications } from '../wiring';

/** POST /staff/rectifications/{subjectId}/actions */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const action = parseJsonBody(event, rectificationActionSchema);
  return json(200, await rectifications().act(caller, subjectIdOf(event), action), NO_STORE);
});
