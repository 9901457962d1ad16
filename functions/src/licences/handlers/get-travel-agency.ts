import { travelAgencyDetailQuerySchema } from '@ah-tourism/shared';
import { httpHandler, json, parseInput } from '../../platform/http';
import { takeRegistryRequest } from '../registry';
import { registry } from '../wiring';

/** GET /public/registries/travel-agencies/{number}: an agency with the branches and service outlets it filed; no sign-in. */
export const handler = httpHandler(async (event) => {
  await takeRegistryRequest(event.requestContext?.http?.sourceIp);
  const { region } = parseInput(travelAgencyDetailQuerySchema, event.queryStringParameters ?? {});
  return json(200, await registry().agency(decodeURIComponent(event.pathParameters?.number ?? ''), region), { 'Cache-Control': 'public, max-age=60' });
});
