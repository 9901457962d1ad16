import { useCallback, useRef } from 'react'
import { useCursorPages } from '@/hooks/use-cursor-pages'
import type { RegistryQuery } from './api'

/**
 * Infinite scroll over one registry: a new city or search starts over from the first page, and each
 * next page follows the cursor the API gave (useCursorPages).
 */
export function useRegistryPages<T>(list: (query: RegistryQuery) => Promise<{ items: T[]; nextCursor: string | null }>, query: Omit<RegistryQuery, 'cursor'>) {
  const queryRef = useRef(query)
  queryRef.current = query
  const listRef = useRef(list)
  listRef.current = list
  const load = useCallback((cursor: string | null) => listRef.current(cursor ? { ...queryRef.current, cursor } : queryRef.current), [])
  const { pages, loadMore, reload } = useCursorPages<T>(load, JSON.stringify(query))
  const reloadFromStart = useCallback(() => reload(), [reload])
  return { pages, loadMore, reload: reloadFromStart }
}
