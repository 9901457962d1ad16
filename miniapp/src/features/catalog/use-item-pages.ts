import type { ItemSummary } from '@ah-tourism/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError, type ApiError } from '@/services/api-error'
import { listItems, type ItemQuery } from './api'

export type PagesStatus = 'loading' | 'ready' | 'error' | 'loading-more' | 'more-error'

export interface ItemPages {
  items: ItemSummary[]
  status: PagesStatus
  error: ApiError | null
  hasMore: boolean
}

const FIRST_LOAD: ItemPages = { items: [], status: 'loading', error: null, hasMore: false }

/**
 * Cursor pagination over GET /catalog/items for infinite scroll. A new query starts over;
 * responses for an older query are dropped.
 */
export function useItemPages(query: Omit<ItemQuery, 'cursor'>) {
  const [pages, setPages] = useState<ItemPages>(FIRST_LOAD)
  const cursor = useRef<string | null>(null)
  const generation = useRef(0)
  const busy = useRef(false)
  const queryRef = useRef(query)
  queryRef.current = query
  const key = JSON.stringify(query)

  const loadFirst = useCallback(() => {
    const current = ++generation.current
    cursor.current = null
    busy.current = true
    setPages(FIRST_LOAD)
    listItems(queryRef.current).then(
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

  useEffect(loadFirst, [key, loadFirst])

  const loadMore = useCallback(() => {
    if (busy.current || cursor.current === null) return
    const current = generation.current
    busy.current = true
    setPages((previous) => ({ ...previous, status: 'loading-more', error: null }))
    listItems({ ...queryRef.current, cursor: cursor.current }).then(
      (page) => {
        if (current !== generation.current) return
        busy.current = false
        cursor.current = page.nextCursor
        setPages((previous) => ({
          items: [...previous.items, ...page.items],
          status: 'ready',
          error: null,
          hasMore: page.nextCursor !== null,
        }))
      },
      (error: unknown) => {
        if (current !== generation.current) return
        busy.current = false
        const apiError = toApiError(error)
        // The cursor expired or no longer matches the data: start again from the first page.
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
