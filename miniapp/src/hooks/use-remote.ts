import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError, type ApiError } from '@/services/api-error'

export type Remote<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: ApiError }

/**
 * Loads one resource and reloads it when `key` changes. A response that arrives after a newer
 * request started is dropped, so fast filter changes never show stale data. A reload of the same
 * resource keeps showing what is there instead of the loading view, so a form
 * on the page keeps what was typed into it.
 */
export function useRemote<T>(load: () => Promise<T>, key: string): { remote: Remote<T>; reload: () => void; replace: (data: T) => void } {
  const [remote, setRemote] = useState<Remote<T>>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const latest = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load
  /** The key of the data on screen, if any. */
  const shownKey = useRef<string | null>(null)
  const keyRef = useRef(key)
  keyRef.current = key

  useEffect(() => {
    const request = ++latest.current
    setRemote((current) => (current.status === 'ready' && shownKey.current === key ? current : { status: 'loading' }))
    loadRef.current().then(
      (data) => {
        if (request !== latest.current) return
        shownKey.current = key
        setRemote({ status: 'ready', data })
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
    shownKey.current = keyRef.current
    setRemote({ status: 'ready', data })
  }, [])
  return { remote, reload, replace }
}
