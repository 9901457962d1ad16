import { portalExchangeRequestSchema } from '@ah-tourism/shared';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../../platform/http';
import { authenticate } from '../caller';
import { portal } from '../wiring';

/** POST /me/portal-identity */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const request = parseJsonBody(event, portalExchangeRequestSchema);
  return json(200, await portal().linkPortal(caller, request), NO_STORE);
});
