import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE } from '../../platform/http';
import { staffViews } from '../wiring';

/** GET /staff/cases/{caseNumber} */
export const handler = httpHandler(async (event) => json(200, await staffViews().detail(await authenticate(event), event.pathParameters?.caseNumber ?? ''), NO_STORE));
