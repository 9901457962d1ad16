import { devLoginRequestSchema, refreshRequestSchema, wechatLoginRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../platform/caller';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../platform/http';
import { authService, type AuthService } from './service';

let instance: AuthService | undefined;
const auth = () => (instance ??= authService());

/** POST /auth/wechat */
export const wechatLogin = httpHandler(async (event) => {
  const { code } = parseJsonBody(event, wechatLoginRequestSchema);
  return json(200, await auth().signInWithWechat(code), NO_STORE);
});

/** POST /auth/refresh */
export const refresh = httpHandler(async (event) => {
  const { refreshToken } = parseJsonBody(event, refreshRequestSchema);
  return json(200, await auth().refresh(refreshToken), NO_STORE);
});

/** POST /auth/logout: idempotent; an unknown token is simply not signed in. */
export const logout = httpHandler(async (event) => {
  const { refreshToken } = parseJsonBody(event, refreshRequestSchema);
  await auth().signOut(refreshToken);
  return { statusCode: 204, headers: NO_STORE };
});

/** GET /me */
export const me = httpHandler(async (event) => json(200, await auth().me(await authenticate(event)), NO_STORE));

/** GET /dev/personas: local stage only (404 elsewhere). */
export const devPersonas = httpHandler(async () => json(200, { personas: auth().listPersonas() }, NO_STORE));

/** POST /dev/login: local stage only (404 elsewhere, checked before the body is read). */
export const devLogin = httpHandler(async (event) => {
  auth().listPersonas();
  const { personaId } = parseJsonBody(event, devLoginRequestSchema);
  return json(200, await auth().signInAsPersona(personaId), NO_STORE);
});
