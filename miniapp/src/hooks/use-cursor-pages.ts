import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError, type ApiError } from '@/services/api-error'

export type CursorPagesStatus = 'loading' | 'ready' | 'error' | 'loading-more' | 'more-error'

export interface CursorPages<T> {
  items: T[]
  status: CursorPagesStatus
  error: ApiError | null
  hasMore: boolean
}

export type LoadPage<T> = (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>

/**
 * Cursor pagination for infinite scroll. `key` identifies the query: a new key starts over, and
 * responses for an older generation are dropped. A cursor the API no longer accepts reloads from the
 * first page.
 */
export function useCursorPages<T>(load: LoadPage<T>, key: string) {
  const [pages, setPages] = useState<CursorPages<T>>({ items: [], status: 'loading', error: null, hasMore: false })
  const cursor = useRef<string | null>(null)
  const generation = useRef(0)
  const busy = useRef(false)
  const loadRef = useRef(load)
  loadRef.current = load

  /** `quiet` keeps the current items on screen while the first page reloads (e.g. on returning to a tab). */
  const loadFirst = useCallback((quiet = false) => {
    const current = ++generation.current
    cursor.current = null
    busy.current = true
    if (!quiet) setPages({ items: [], status: 'loading', error: null, hasMore: false })
    loadRef.current(null).then(
      (page) => {
        if (current !== generation.current) return
        busy.current = false
        cursor.current = page.nextCursor
        setPages({ items: page.items, status: 'ready', error: null, hasMore: page.nextCursor !== null })
      },
      (error: unknown) => {
        if (current !== generation.current) return
        busy.current = false
        setPages({ items: [], status: 'error', error: toApiError(error), hasMore: false })
      },
    )
  }, [])

  useEffect(() => loadFirst(), [key, loadFirst])

  const loadMore = useCallback(() => {
    if (busy.current || cursor.current === null) return
    const current = generation.current
    busy.current = true
    setPages((previous) => ({ ...previous, status: 'loading-more', error: null }))
    loadRef.current(cursor.current).then(
      (page) => {
        if (current !== generation.current) return
        busy.current = false
        cursor.current = page.nextCursor
        setPages((previous) => ({ items: [...previous.items, ...page.items], status: 'ready', error: null, hasMore: page.nextCursor !== null }))
      },
      (error: unknown) => {
        if (current !== generation.current) return
        busy.current = false
        const apiError = toApiError(error)
        if (apiError.code === 'COMMON_INVALID_CURSOR') {
          loadFirst()
          return
        }
        setPages((previous) => ({ ...previous, status: 'more-error', error: apiError }))
      },
    )
  }, [loadFirst])

  return { pages, loadMore, reload: loadFirst }
}
