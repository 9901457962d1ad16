import { config } from '../../platform/config';
import { logger } from '../../platform/logger';
import { defaultDispatcherDeps, dispatcher } from '../dispatcher';

let deps: ReturnType<typeof defaultDispatcherDeps> | undefined;
let instance: ReturnType<typeof dispatcher> | undefined;

/** Watched pushes tried at once. */
const CONCURRENCY = 10;

/**
 * Every minute (EventBridge in AWS, serverless offline's scheduler locally): another attempt at each
 * pending push whose time has come, or its give-up after the last one. In the local stage the event may
 * carry `now` so tests can move the clock.
 */
export async function handler(event: { now?: string } = {}): Promise<{ due: number; sent: number }> {
  const now = config().stage === 'local' && event?.now ? new Date(event.now) : new Date();
  deps ??= defaultDispatcherDeps();
  instance ??= dispatcher(deps);
  const due = await deps.store.due(now);
  let sent = 0;
  const queue = [...due];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) if (await instance!.retry(next.userId, next.messageId)) sent += 1;
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
  logger.info('push retries done', { due: due.length, sent });
  return { due: due.length, sent };
}
