import { logger } from '../platform/logger';
import { defaultDispatcherDeps, dispatcher } from './dispatcher';

let deps: ReturnType<typeof defaultDispatcherDeps> | undefined;
let instance: ReturnType<typeof dispatcher> | undefined;

/** Watched pushes tried at once. */
const CONCURRENCY = 10;

/**
 * Another attempt at each pending push whose time has come by `now`, or its give-up after the last one
 * (push-watch.ts); the dispatcher and its WeChat client are made once per container.
 */
export async function retryDuePushes(now: Date): Promise<{ due: number; sent: number }> {
  deps ??= defaultDispatcherDeps();
  instance ??= dispatcher(deps);
  const due = await deps.store.due(now);
  let sent = 0;
  const queue = [...due];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) if (await instance!.retry(next.userId, next.messageId)) sent += 1;
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
  logger.info('push retries done', { due: due.length, sent, at: now.toISOString() });
  return { due: due.length, sent };
}
