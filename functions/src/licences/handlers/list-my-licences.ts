import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE } from '../../platform/http';
import { myLicences } from '../wallet-view';

/** GET /me/licences: 我的证照, the licences of the caller and of the enterprises they act for. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  return json(200, { licences: await myLicences(caller.userId) }, NO_STORE);
});
