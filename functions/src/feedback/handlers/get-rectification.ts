import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE } from '../../platform/http';
import { subjectIdOf } from '../request-paths';
import { rectifications } from '../wiring';

/** GET /staff/rectifications/{subjectId} */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  return json(200, await rectifications().detail(caller, subjectIdOf(event)), NO_STORE);
});
