import { hooks } from '@tarojs/runtime'
import { rootStyle } from './scale'

/**
 * weapp: every page's template starts with
 *   <page-meta root-font-size="system" page-style="{{elderPageStyle}}">
 * (plugins/weapp-page-meta.js). root-font-size="system" makes 1rem WeChat's font size setting, so the
 * type (in rem here) follows it; page-style carries the mode's custom properties to the page's root,
 * which the SCSS tokens read. Each page gets the style when it loads and again whenever the mode changes.
 */
export const PAGE_STYLE_KEY = 'elderPageStyle'

interface MiniPage {
  setData(data: Record<string, unknown>): void
}

type Lifecycle = (this: MiniPage, ...args: unknown[]) => unknown

/**
 * rpx per design px: the 375 px design is 750 rpx wide (config/index.ts, deviceRatio 375: 2). Taro.pxTransform
 * would say the same, but it throws until the app is created, and the first page may load before that.
 */
const RPX_PER_DESIGN_PX = 2
const rpx = (size: number) => `${size * RPX_PER_DESIGN_PX}rpx`

let style = rootStyle(false, { px: rpx, fontsInRem: true })
const pages = new Set<MiniPage>()

hooks.tap('modifyPageObject', (config: Record<string, unknown>) => {
  const onLoad = config.onLoad as Lifecycle | undefined
  const onUnload = config.onUnload as Lifecycle | undefined
  config.onLoad = function (this: MiniPage, ...args: unknown[]) {
    pages.add(this)
    this.setData({ [PAGE_STYLE_KEY]: style })
    return onLoad?.apply(this, args)
  }
  config.onUnload = function (this: MiniPage, ...args: unknown[]) {
    pages.delete(this)
    return onUnload?.apply(this, args)
  }
})

export function applyRoot(elderMode: boolean): void {
  const next = rootStyle(elderMode, { px: rpx, fontsInRem: true })
  if (next === style) return
  style = next
  pages.forEach((page) => page.setData({ [PAGE_STYLE_KEY]: style }))
}
