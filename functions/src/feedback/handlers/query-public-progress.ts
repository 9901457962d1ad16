import { setTimeout as sleep } from 'node:timers/promises';
import { publicProgressRequestSchema } from '@ah-tourism/shared';
import { config } from '../../platform/config';
import { httpHandler, json, parseJsonBody, NO_STORE, type HttpEvent, type HttpResponse } from '../../platform/http';
import { logger } from '../../platform/logger';
import { clientKey, takeFromWindow } from '../../platform/rate-limit';
import { publicProgress } from '../wiring';

async function answer(event: HttpEvent): Promise<HttpResponse> {
  await takeFromWindow('public-progress', clientKey(event.requestContext?.http?.sourceIp ?? 'unknown'), config().feedback.publicQueryPerMinute);
  const request = parseJsonBody(event, publicProgressRequestSchema);
  const result = await publicProgress().query(request);
  logger.info('public progress query answered', { status: result.statusLabel });
  return json(200, result, NO_STORE);
}

/**
 * POST /public/progress. Every answer (found, not found, mismatch, invalid) leaves no sooner than a fixed
 * floor after the request arrived, so the time taken tells nothing about whether a case exists.
 */
export const handler = httpHandler(async (event) => {
  const started = Date.now();
  try {
    return await answer(event);
  } finally {
    const wait = config().feedback.publicQueryFloorMs - (Date.now() - started);
    if (wait > 0) await sleep(wait);
  }
});
