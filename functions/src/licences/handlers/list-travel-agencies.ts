import { registryQuerySchema } from '@ah-tourism/shared';
import { httpHandler, json, parseInput } from '../../platform/http';
import { takeRegistryRequest } from '../registry';
import { registry } from '../wiring';

/** GET /public/registries/travel-agencies: 旅行社名录 of a city, no sign-in; counted per source address before anything else. */
export const handler = httpHandler(async (event) => {
  await takeRegistryRequest(event.requestContext?.http?.sourceIp);
  const query = parseInput(registryQuerySchema, event.queryStringParameters ?? {});
  return json(200, await registry().agencies(query), { 'Cache-Control': 'public, max-age=60' });
});
