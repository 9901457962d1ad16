import { useRef } from 'react'
import { retryKey, type RetryKey } from '@/services/retry-key'

/** One retry key for the life of a form (see services/retry-key.ts). */
export function useRetryKey(): RetryKey {
  const ref = useRef<RetryKey | null>(null)
  if (!ref.current) ref.current = retryKey()
  return ref.current
}
