import { refreshRequestSchema } from '@ah-tourism/shared';
import { httpHandler, parseJsonBody, NO_STORE } from '../../platform/http';
import { auth } from '../wiring';

/** POST /auth/logout: idempotent; an unknown token is simply not signed in. */
export const handler = httpHandler(async (event) => {
  const { refreshToken } = parseJsonBody(event, refreshRequestSchema);
  await auth().signOut(refreshToken);
  return { statusCode: 204, headers: NO_STORE };
});
