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
 * Wraps a Lambda handler: every log line of the invocation carries its Lambda context and the ids
 * `keysOf` finds in the event, and the metrics it counted are published when it ends, also when it throws.
 */
export function observed<E, R>(handler: (event: E) => Promise<R>, keysOf?: (event: E) => InvocationKeys) {
  return async (event: E, context?: Context): Promise<R> => {
    startLogContext(context, keysOf?.(event) ?? {});
    try {
      return await handler(event);
    } finally {
      publishMetrics();
    }
  };
}
