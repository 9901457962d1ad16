import { httpHandler, json, NO_STORE } from '../../platform/http';
import { authenticate } from '../caller';
import { auth } from '../wiring';

/** GET /me */
export const handler = httpHandler(async (event) => json(200, await auth().me(await authenticate(event)), NO_STORE));
