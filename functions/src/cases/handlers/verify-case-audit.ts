import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE } from '../../platform/http';
import { staffViews } from '../wiring';

/** GET /staff/cases/{caseNumber}/audit: recomputes the chain and names the first broken link. */
export const handler = httpHandler(async (event) => json(200, await staffViews().verifyAudit(await authenticate(event), event.pathParameters?.caseNumber ?? ''), NO_STORE));
