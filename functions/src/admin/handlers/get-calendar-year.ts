import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE } from '../../platform/http';
import { calendarYear, requireStaff, yearOf } from '../calendar';

/** GET /admin/calendar/{year}: any staff member may look; deadlines depend on it. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  await requireStaff(caller);
  return json(200, await calendarYear(yearOf(event.pathParameters?.year)), NO_STORE);
});
