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

/** The tab bar's labels in the language of this run (app.config.ts has the Chinese). */
export function localizeTabBar(): void {
  if (currentLanguage() === DEFAULT_LANGUAGE) return
  const labels = [TAB_TITLES.home, TAB_TITLES.items, TAB_TITLES.mine]
  labels.forEach((text, index) => {
    Taro.setTabBarItem({ index, text }).catch(() => undefined)
  })
}
