import { authenticate } from '../../auth/caller';
import { httpHandler, NO_STORE } from '../../platform/http';
import { staff } from '../wiring';

/** DELETE /organisations/{organisationCode}/staff/{staffId} */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  await staff().revoke(caller, event.pathParameters?.organisationCode ?? '', event.pathParameters?.staffId ?? '');
  return { statusCode: 204, headers: NO_STORE };
});
