import { useEffect, useRef } from 'react'

/** How far below the viewport the sentinel may still be when the next page is requested. */
const PRELOAD_MARGIN = '0px 0px 160px 0px'

/**
 * H5 variant: an IntersectionObserver on the list's end marker. Taro's H5 onReachBottom tracks one
 * scroll container for the whole app, so after visiting another page and coming back it can stop
 * firing; the observer does not depend on which page scrolled last. It also loads the next page
 * straight away when the first one is too short to scroll.
 */
export function useInfiniteScroll(sentinelId: string, onNearEnd: () => void, active: boolean): void {
  const latest = useRef(onNearEnd)
  latest.current = onNearEnd

  useEffect(() => {
    if (!active || typeof IntersectionObserver === 'undefined') return undefined
    const sentinel = document.getElementById(sentinelId)
    if (!sentinel) return undefined
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) latest.current()
      },
      { rootMargin: PRELOAD_MARGIN },
    )
    observer.observe(sentinel)
    return () => observer.disconnect()
  }, [sentinelId, active])
}
