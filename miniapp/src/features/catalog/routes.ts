import Taro from '@tarojs/taro'

/** Path of the service guide; the provincial portal deep-links here (see README). */
export const GUIDE_PAGE = '/pages/guide/index'
export const ITEMS_TAB = '/pages/items/index'
export const HOME_TAB = '/pages/home/index'

export function guideUrl(implementationCode: string): string {
  return `${GUIDE_PAGE}?code=${encodeURIComponent(implementationCode)}`
}

/** A published version of the guide, e.g. the one a case was applied under. */
export function guideVersionUrl(implementationCode: string, version: number): string {
  return `${guideUrl(implementationCode)}&version=${version}`
}

export function openGuide(implementationCode: string): void {
  void Taro.navigateTo({ url: guideUrl(implementationCode) })
}

export function openItemsTab(): void {
  void Taro.switchTab({ url: ITEMS_TAB })
}
