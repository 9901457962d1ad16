import { licenceActionRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE, parseJsonBody } from '../../platform/http';
import { licenceAdmin } from '../wiring';

/** POST /staff/licences/{licenceId}/actions: 变更/暂停/恢复/吊销/注销 by the issuing organisation's staff. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const request = parseJsonBody(event, licenceActionRequestSchema);
  return json(200, await licenceAdmin().act(caller, decodeURIComponent(event.pathParameters?.licenceId ?? ''), request), NO_STORE);
});
