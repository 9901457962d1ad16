import { calendarOverrideRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../../platform/http';
import { requireProvincialAdmin, setCalendarYear, yearOf } from '../calendar';

/** PUT /admin/calendar/{year}: a provincial admin adds next year's holidays and 调休 without a code change. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const admin = await requireProvincialAdmin(caller);
  const year = yearOf(event.pathParameters?.year);
  const body = parseJsonBody(event, calendarOverrideRequestSchema);
  return json(200, await setCalendarYear(admin, year, body), NO_STORE);
});
