import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError, type ApiError } from '@/services/api-error'

export type Remote<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: ApiError }

/**
 * Loads one resource and reloads it when `key` changes. A response that arrives after a newer
 * request started is dropped, so fast filter changes never show stale data.
 */
export function useRemote<T>(load: () => Promise<T>, key: string): { remote: Remote<T>; reload: () => void; replace: (data: T) => void } {
  const [remote, setRemote] = useState<Remote<T>>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const latest = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  useEffect(() => {
    const request = ++latest.current
    setRemote({ status: 'loading' })
    loadRef.current().then(
      (data) => {
        if (request === latest.current) setRemote({ status: 'ready', data })
      },
      (error: unknown) => {
        if (request === latest.current) setRemote({ status: 'error', error: toApiError(error) })
      },
    )
  }, [key, attempt])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  /** Shows data the caller already has (e.g. what an action answered with); a request still under way is dropped. */
  const replace = useCallback((data: T) => {
    latest.current += 1
    setRemote({ status: 'ready', data })
  }, [])
  return { remote, reload, replace }
}
