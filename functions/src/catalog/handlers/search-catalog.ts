import { searchQuerySchema } from '@ah-tourism/shared/src/search/api';
import { httpHandler, json, parseInput } from '../../platform/http';
import { takeSearchRequest } from '../rate';
import { search } from '../search-wiring';

/** GET /catalog/search: an item at the province and at every city, grouped, the chosen region first. */
export const handler = httpHandler(async (event) => {
  await takeSearchRequest(event.requestContext?.http?.sourceIp);
  const query = parseInput(searchQuerySchema, event.queryStringParameters ?? {});
  return json(200, await search().search(query), { 'Cache-Control': 'public, max-age=60' });
});
