/**
 * Helpers for the local services that stop on one AbortSignal (the stream poller and its failure
 * destinations).
 */

/**
 * A signal of its own for one request, aborted with `parent`. Node's fetch keeps an abort listener on
 * the signal it is given until the request is garbage-collected, so passing one long-lived signal to
 * thousands of requests piles up listeners (MaxListenersExceededWarning); this one is dropped at `done()`.
 */
export function requestSignal(parent: AbortSignal): { signal: AbortSignal; done(): void } {
  const controller = new AbortController();
  const abort = () => controller.abort(parent.reason);
  if (parent.aborted) abort();
  else parent.addEventListener('abort', abort, { once: true });
  return { signal: controller.signal, done: () => parent.removeEventListener('abort', abort) };
}

/** Waits `ms`, or less if `signal` aborts first (it resolves then, it does not reject). */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
    if (signal.aborted) done();
  });
}
