import { httpHandler, json, NO_STORE } from '../../platform/http';
import { auth } from '../wiring';

/** GET /dev/personas: local stage only (404 elsewhere). */
export const handler = httpHandler(async () => json(200, { personas: auth().listPersonas() }, NO_STORE));
