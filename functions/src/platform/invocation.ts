import { AsyncLocalStorage } from 'node:async_hooks';
import type { Context } from 'aws-lambda';
import { startLogContext, type InvocationKeys } from './logger';
import { publishMetrics } from './metrics';

export type { InvocationKeys } from './logger';

/** A correlation id the app may send (x-correlation-id): short and plain, so it cannot forge or bloat log lines. */
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * The ids an HTTP request's log lines carry: API Gateway's request id, and as correlation id the app's
 * x-correlation-id when it sends a usable one, else that same request id.
 */
export function requestKeys(requestId: string | undefined, correlationHeader: string | undefined): InvocationKeys {
  const sent = correlationHeader?.trim();
  const correlationId = sent && CORRELATION_ID.test(sent) ? sent : requestId;
  return { ...(correlationId ? { correlationId } : {}), ...(requestId ? { apiRequestId: requestId } : {}) };
}

/**
 * When the running invocation times out (epoch ms), per invocation: an instance handles one at a time in
 * Lambda, but a process that calls handlers itself (a benchmark) may run many at once.
 */
const deadlines = new AsyncLocalStorage<number | undefined>();

/**
 * Milliseconds until the running invocation's timeout, for work that waits and should rather answer than
 * be cut off (cases/document-counter.ts); undefined outside an invocation or without a Lambda context.
 */
export function remainingTimeMs(): number | undefined {
  const deadline = deadlines.getStore();
  return deadline === undefined ? undefined : deadline - Date.now();
}

/**
 * Wraps a Lambda handler: every log line of the invocation carries its Lambda context and the ids
 * `keysOf` finds in the event, and the metrics it counted are published when it ends, also when it throws.
 */
export function observed<E, R>(handler: (event: E) => Promise<R>, keysOf?: (event: E) => InvocationKeys) {
  return async (event: E, context?: Context): Promise<R> => {
    startLogContext(context, keysOf?.(event) ?? {});
    const deadline = context?.getRemainingTimeInMillis ? Date.now() + context.getRemainingTimeInMillis() : undefined;
    try {
      return await deadlines.run(deadline, () => handler(event));
    } finally {
      publishMetrics();
    }
  };
}
