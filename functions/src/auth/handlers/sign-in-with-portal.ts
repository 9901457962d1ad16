import { portalExchangeRequestSchema } from '@ah-tourism/shared';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../../platform/http';
import { portal } from '../wiring';

/** POST /auth/portal/exchange */
export const handler = httpHandler(async (event) => {
  const request = parseJsonBody(event, portalExchangeRequestSchema);
  return json(200, await portal().signIn(request), NO_STORE);
});
