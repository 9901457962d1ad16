import { listItemsQuerySchema } from '@ah-tourism/shared';
import { httpHandler, json, parseInput } from '../../platform/http';
import { catalog } from '../wiring';

export const handler = httpHandler(async (event) => {
  const query = parseInput(listItemsQuerySchema, event.queryStringParameters);
  const page = await catalog().listItems(query);
  return json(200, page, { 'Cache-Control': 'public, max-age=60' });
});
