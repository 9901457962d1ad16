import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE } from '../../platform/http';
import { draftCode } from '../drafts';
import { draftKeeper } from '../wiring';

/** GET /drafts/{code} */
export const handler = httpHandler(async (event) => json(200, await draftKeeper().getDraft(await authenticate(event), draftCode(event.pathParameters?.code)), NO_STORE));
