import { registryQuerySchema } from '@ah-tourism/shared';
import { httpHandler, json, parseInput } from '../../platform/http';
import { takeRegistryRequest } from '../registry';
import { registry } from '../wiring';

/** GET /public/registries/tour-guides: 导游名录 of a city, names masked, no sign-in; counted per source address first. */
export const handler = httpHandler(async (event) => {
  await takeRegistryRequest(event.requestContext?.http?.sourceIp);
  const query = parseInput(registryQuerySchema, event.queryStringParameters ?? {});
  return json(200, await registry().guides(query), { 'Cache-Control': 'public, max-age=60' });
});
