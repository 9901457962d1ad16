import { publicAssessmentQuerySchema } from '@ah-tourism/shared';
import { httpHandler, json, parseInput } from '../../platform/http';
import { assessment } from '../wiring';

/** Public figures change with the stream, not by the second: browsers and proxies may keep them five minutes. */
const PUBLIC_CACHE = { 'Cache-Control': 'public, max-age=300' };

/** GET /public/assessment: no sign-in, no cases. */
export const handler = httpHandler(async (event) => {
  const query = parseInput(publicAssessmentQuerySchema, event.queryStringParameters ?? {});
  return json(200, await assessment().publicReport(query), PUBLIC_CACHE);
});
