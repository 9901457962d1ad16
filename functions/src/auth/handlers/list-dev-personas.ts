import { httpHandler, json, NO_STORE } from '../../platform/http';
import { devSignIn } from '../dev-sign-in';

/** GET /dev/personas: local stage only (stages/local.yml; 404 elsewhere). */
export const handler = httpHandler(async () => json(200, { personas: devSignIn().listPersonas() }, NO_STORE));
