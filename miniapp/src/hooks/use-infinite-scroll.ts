import { useReachBottom } from '@tarojs/taro'
import { useRef } from 'react'

/**
 * Calls `onNearEnd` when the user scrolls near the end of the page while `active`.
 * Mini-program variant: the page's native onReachBottom (distance set in the page config).
 * H5 variant (use-infinite-scroll.h5.ts) watches the element with id `sentinelId` instead.
 */
export function useInfiniteScroll(_sentinelId: string, onNearEnd: () => void, active: boolean): void {
  const latest = useRef({ onNearEnd, active })
  latest.current = { onNearEnd, active }
  useReachBottom(() => {
    if (latest.current.active) latest.current.onNearEnd()
  })
}
