import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE } from '../../platform/http';
import { applicantViews } from '../wiring';

/** GET /me/case-overview: the caller's own latest cases, each with whether they have something to do (home's 我的办件). */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  return json(200, await applicantViews().overview(caller), NO_STORE);
});
