import { suggestionsQuerySchema } from '@ah-tourism/shared/src/search/api';
import { httpHandler, json, parseInput } from '../../platform/http';
import { takeSearchRequest } from '../rate';
import { search } from '../search-wiring';

/** GET /catalog/suggestions: what to search while typing, and the hot searches; from bundled data, no read. */
export const handler = httpHandler(async (event) => {
  await takeSearchRequest(event.requestContext?.http?.sourceIp);
  const query = parseInput(suggestionsQuerySchema, event.queryStringParameters ?? {});
  return json(200, search().suggestions(query.prefix), { 'Cache-Control': 'public, max-age=300' });
});
