import { authenticate } from '../../auth/caller';
import { httpHandler, NO_STORE } from '../../platform/http';
import { inbox } from '../wiring';

/** POST /me/messages/{messageId}/read */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  await inbox().markRead(caller, event.pathParameters?.messageId ?? '');
  return { statusCode: 204, headers: NO_STORE };
});
