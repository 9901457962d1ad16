import { regionOnlyQuerySchema } from '@ah-tourism/shared/src/search/api';
import { httpHandler, json, parseInput } from '../../platform/http';
import { search } from '../search-wiring';

/** GET /catalog/facets: the item types and themes that have items in a region (the chips worth showing). */
export const handler = httpHandler(async (event) => {
  const query = parseInput(regionOnlyQuerySchema, event.queryStringParameters ?? {});
  return json(200, await search().facets(query.region), { 'Cache-Control': 'public, max-age=60' });
});
