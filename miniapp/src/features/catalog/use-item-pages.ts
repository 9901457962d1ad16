import type { ItemSummary } from '@ah-tourism/shared'
import { useCallback, useRef } from 'react'
import { useCursorPages } from '@/hooks/use-cursor-pages'
import { listItems, type ItemQuery } from './api'

/**
 * Infinite scroll over GET /catalog/items: a new query starts over from the first page (the
 * pagination itself is the shared useCursorPages).
 */
export function useItemPages(query: Omit<ItemQuery, 'cursor'>) {
  const queryRef = useRef(query)
  queryRef.current = query
  const load = useCallback(
    (cursor: string | null): Promise<{ items: ItemSummary[]; nextCursor: string | null }> =>
      listItems(cursor ? { ...queryRef.current, cursor } : queryRef.current),
    [],
  )
  const { pages, loadMore, reload } = useCursorPages(load, JSON.stringify(query))
  // A retry button's click event must not be taken for the `quiet` flag.
  const reloadFromStart = useCallback(() => reload(), [reload])
  return { pages, loadMore, reload: reloadFromStart }
}
