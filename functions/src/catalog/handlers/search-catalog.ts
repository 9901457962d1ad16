import { localiseSummary } from '@ah-tourism/shared/src/catalog/guide-translation';
import { searchQuerySchema } from '@ah-tourism/shared/src/search/api';
import { httpHandler, json, parseInput } from '../../platform/http';
import { requestLanguage } from '../../platform/language';
import { takeSearchRequest } from '../rate';
import { search } from '../search-wiring';

/** GET /catalog/search: an item at the province and at every city, grouped, the chosen region first. */
export const handler = httpHandler(async (event) => {
  await takeSearchRequest(event.requestContext?.http?.sourceIp);
  const query = parseInput(searchQuerySchema, event.queryStringParameters ?? {});
  const result = await search().search(query);
  const language = requestLanguage();
  const groups = result.groups.map((group) => {
    const implementations = group.implementations.map((summary) => localiseSummary(summary, language));
    // The group is named as its first implementation is (every implementation has the item's name).
    return { ...group, name: implementations[0]?.name ?? group.name, implementations };
  });
  return json(200, { ...result, groups }, { 'Cache-Control': 'public, max-age=60', Vary: 'Accept-Language' });
});
