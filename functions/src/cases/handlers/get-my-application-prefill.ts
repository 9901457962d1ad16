import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE } from '../../platform/http';
import { prefillService } from '../wiring';

/** GET /me/application-prefill/{code}: the caller's own earlier answers for a new form of this item. */
export const handler = httpHandler(async (event) => json(200, await prefillService().forItem(await authenticate(event), event.pathParameters?.code), NO_STORE));
