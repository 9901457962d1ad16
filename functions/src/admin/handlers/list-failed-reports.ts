import { failedReportsQuerySchema } from '@ah-tourism/shared/src/reports/api';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseInput, NO_STORE } from '../../platform/http';
import { portalReports } from '../portal-reports';

/** GET /staff/reports/failed: reports upward that were refused or given up (administrators). */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const query = parseInput(failedReportsQuerySchema, event.queryStringParameters ?? {});
  return json(200, await portalReports().failed(caller, query), NO_STORE);
});
