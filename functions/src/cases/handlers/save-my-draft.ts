import { saveDraftRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../../platform/http';
import { draftCode } from '../drafts';
import { draftKeeper } from '../wiring';

/** PUT /drafts/{code}: saves (replaces) the caller's draft for one item; it expires after the configured days. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const code = draftCode(event.pathParameters?.code);
  const { form } = parseJsonBody(event, saveDraftRequestSchema);
  return json(200, await draftKeeper().saveDraft(caller, code, form), NO_STORE);
});
