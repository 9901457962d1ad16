import { listItemsQuerySchema } from '@ah-tourism/shared';
import { localiseSummary } from '@ah-tourism/shared/src/catalog/guide-translation';
import { httpHandler, json, parseInput } from '../../platform/http';
import { requestLanguage } from '../../platform/language';
import { catalog } from '../wiring';

export const handler = httpHandler(async (event) => {
  const query = parseInput(listItemsQuerySchema, event.queryStringParameters);
  const page = await catalog().listItems(query);
  const language = requestLanguage();
  return json(200, { ...page, items: page.items.map((item) => localiseSummary(item, language)) }, { 'Cache-Control': 'public, max-age=60', Vary: 'Accept-Language' });
});
