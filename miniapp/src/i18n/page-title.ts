import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { currentLanguage, DEFAULT_LANGUAGE } from './catalogue'
import { PAGE_TITLES, TAB_TITLES } from './titles'

function routeOf(path: string): string {
  return path.replace(/^\//, '').split('?')[0] ?? ''
}

/**
 * Sets the page's title in the language of this run. The Chinese title is the page's configuration
 * (index.config.ts), so in Chinese nothing happens; each page calls this once.
 */
export function usePageTitle(): void {
  const { path } = useRouter()
  useDidShow(() => {
    if (currentLanguage() === DEFAULT_LANGUAGE) return
    const title = (PAGE_TITLES as Record<string, string>)[routeOf(path)]
    if (title) void Taro.setNavigationBarTitle({ title })
  })
}

/** How long to keep offering the tab bar its labels while H5's tab bar has not loaded yet. */
const TAB_BAR_ATTEMPTS = 100
const TAB_BAR_RETRY_MS = 100

/**
 * Sets one tab's label. H5's tab bar is a web component that starts listening only once it has loaded,
 * after the app launched; a label given before that is lost and its promise never settles. So on H5 the
 * label is offered again until the tab bar has taken it (or about ten seconds have passed).
 */
function setTabLabel(index: number, text: string, attemptsLeft = TAB_BAR_ATTEMPTS): void {
  let settled = false
  Taro.setTabBarItem({ index, text }).then(
    () => {
      settled = true
    },
    () => {
      settled = true
    },
  )
  if (process.env.TARO_ENV !== 'h5' || attemptsLeft <= 1) return
  setTimeout(() => {
    if (!settled) setTabLabel(index, text, attemptsLeft - 1)
  }, TAB_BAR_RETRY_MS)
}

/** The tab bar's labels in the language of this run (app.config.ts has the Chinese). */
export function localizeTabBar(): void {
  if (currentLanguage() === DEFAULT_LANGUAGE) return
  const labels = [TAB_TITLES.home, TAB_TITLES.items, TAB_TITLES.mine]
  labels.forEach((text, index) => setTabLabel(index, text))
}
