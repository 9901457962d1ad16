import { httpHandler, json, NO_STORE } from '../../platform/http';
import { authenticate } from '../caller';
import { portal } from '../wiring';

/** GET /me/verified-identity */
export const handler = httpHandler(async (event) => {
  const identity = await portal().verifiedIdentity(await authenticate(event));
  return json(200, identity ? { verified: true, ...identity } : { verified: false }, NO_STORE);
});
