import { regionOnlyQuerySchema } from '@ah-tourism/shared/src/search/api';
import { httpHandler, json, parseInput } from '../../platform/http';
import { search } from '../search-wiring';

/** GET /catalog/scenarios: 一件事, each step with the item as the chosen region implements it. */
export const handler = httpHandler(async (event) => {
  const query = parseInput(regionOnlyQuerySchema, event.queryStringParameters ?? {});
  return json(200, await search().scenarios(query.region), { 'Cache-Control': 'public, max-age=60' });
});
