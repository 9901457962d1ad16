import { refreshRequestSchema } from '@ah-tourism/shared';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../../platform/http';
import { auth } from '../wiring';

/** POST /auth/refresh */
export const handler = httpHandler(async (event) => {
  const { refreshToken } = parseJsonBody(event, refreshRequestSchema);
  return json(200, await auth().refresh(refreshToken), NO_STORE);
});
