import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE } from '../../platform/http';
import { draftKeeper } from '../wiring';

/** GET /drafts: the caller's unexpired drafts, most recently saved first. */
export const handler = httpHandler(async (event) => json(200, { drafts: await draftKeeper().listDrafts(await authenticate(event)) }, NO_STORE));
