import { devLoginRequestSchema } from '@ah-tourism/shared';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../../platform/http';
import { auth } from '../wiring';

/** POST /dev/login: local stage only (404 elsewhere, checked before the body is read). */
export const handler = httpHandler(async (event) => {
  auth().listPersonas();
  const { personaId } = parseJsonBody(event, devLoginRequestSchema);
  return json(200, await auth().signInAsPersona(personaId), NO_STORE);
});
