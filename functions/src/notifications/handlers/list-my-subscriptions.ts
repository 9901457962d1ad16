import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE } from '../../platform/http';
import { inbox } from '../wiring';

/** GET /me/subscriptions */
export const handler = httpHandler(async (event) => json(200, { templates: await inbox().subscriptions(await authenticate(event)) }, NO_STORE));
