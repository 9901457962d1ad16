import Taro from '@tarojs/taro'
import type { RegionChoice } from '@/store/app-store'

/**
 * The public registries live in the `pages/registry` subpackage (no sign-in, no zod). Main-package
 * pages (首页) import only this file from the feature.
 */
export const AGENCIES_PAGE = '/pages/registry/agencies/index'
export const GUIDES_PAGE = '/pages/registry/guides/index'
export const AGENCY_PAGE = '/pages/registry/agency/index'

export const agencyUrl = (number: string, region: string) => `${AGENCY_PAGE}?number=${encodeURIComponent(number)}&region=${encodeURIComponent(region)}`

export function openAgencies(): void {
  void Taro.navigateTo({ url: AGENCIES_PAGE })
}

export function openGuides(): void {
  void Taro.navigateTo({ url: GUIDES_PAGE })
}

/**
 * From one registry to the other, in the same city: the same place in the page stack, so 返回 leads
 * where the user came from.
 */
export function switchRegistry(to: 'agencies' | 'guides', city: RegionChoice): void {
  const page = to === 'agencies' ? AGENCIES_PAGE : GUIDES_PAGE
  void Taro.redirectTo({ url: `${page}?region=${city.code}&regionName=${encodeURIComponent(city.name)}` })
}

/** The city a registry page opens with: the one it was switched from, else the app's chosen region. */
export function initialCity(params: Partial<Record<string, string>>, fallback: RegionChoice): RegionChoice {
  const code = params.region ?? ''
  const name = decodeURIComponent(params.regionName ?? '')
  return /^\d{6}$/.test(code) && name ? { code, name } : fallback
}
