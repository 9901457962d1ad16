import { devLoginRequestSchema } from '@ah-tourism/shared/src/auth/dev-api';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../../platform/http';
import { devSignIn } from '../dev-sign-in';

/** POST /dev/login: local stage only (stages/local.yml; 404 elsewhere, checked before the body is read). */
export const handler = httpHandler(async (event) => {
  devSignIn().listPersonas();
  const { personaId } = parseJsonBody(event, devLoginRequestSchema);
  return json(200, await devSignIn().signInAsPersona(personaId), NO_STORE);
});
