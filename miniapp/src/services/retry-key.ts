import { randomToken } from './random'

/**
 * The `Idempotency-Key` of one intention (filing this complaint, booking this slot…). The key is made when
 * the content is first sent and sent again, unchanged, with every retry of the same content (after a
 * timeout, a lost connection or any failure), so the server creates the thing once and answers a retry with
 * it. Changed content is a new intention and gets a new key; so does the next one after a success.
 */
export interface RetryKey {
  /** The key to send with this content. */
  for(content: unknown): string
  /** The intention was fulfilled (or the server refused the key): the next send starts a new one. */
  done(): void
}

export function retryKey(): RetryKey {
  let current: { content: string; key: string } | null = null
  return {
    for(content) {
      const text = JSON.stringify(content)
      if (!current || current.content !== text) current = { content: text, key: randomToken(16) }
      return current.key
    },
    done() {
      current = null
    },
  }
}

/** The error codes after which a key must not be sent again. */
export const KEY_REFUSED = new Set(['COMMON_IDEMPOTENCY_KEY_REUSED', 'COMMON_IDEMPOTENCY_KEY_REQUIRED'])
