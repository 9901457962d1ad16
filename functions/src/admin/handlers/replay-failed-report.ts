import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE } from '../../platform/http';
import { portalReports } from '../portal-reports';

/** POST /staff/reports/failed/{reportId}/replay: idempotent; logged with who replayed. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  return json(200, await portalReports().replay(caller, event.pathParameters?.reportId ?? ''), NO_STORE);
});
