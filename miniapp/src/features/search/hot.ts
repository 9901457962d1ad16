import { getSuggestions } from '@/features/catalog/api'

let hotCache: Promise<string[]> | null = null

/** The hot searches, fetched once per app run (an empty list when they cannot load: they are a help). */
export function hotSearches(): Promise<string[]> {
  hotCache ??= getSuggestions('').then(
    (answer) => answer.hot,
    () => {
      hotCache = null
      return []
    },
  )
  return hotCache
}
