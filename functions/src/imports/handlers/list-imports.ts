import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE } from '../../platform/http';
import { staffImportService } from '../wiring';

/** GET /staff/imports: the organisation's imports of national records, newest first. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  return json(200, { items: await staffImportService().list(caller) }, NO_STORE);
});
