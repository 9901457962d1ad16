import { authenticate } from '../../auth/caller';
import { httpHandler, NO_STORE } from '../../platform/http';
import { draftCode } from '../drafts';
import { draftKeeper } from '../wiring';

/** DELETE /drafts/{code} */
export const handler = httpHandler(async (event) => {
  await draftKeeper().deleteDraft(await authenticate(event), draftCode(event.pathParameters?.code));
  return { statusCode: 204, headers: NO_STORE };
});
