import Taro from '@tarojs/taro'

/**
 * The licence pages live in the `pages/licences` subpackage (我的证照, one licence, 扫码核验); the staff
 * side of a licence in `pages/staff`. Main-package pages (首页, 我的) import only this file from the feature.
 */
export const LICENCES_PAGE = '/pages/licences/index'
export const LICENCE_PAGE = '/pages/licences/detail/index'
export const VERIFY_PAGE = '/pages/licences/verify/index'
export const STAFF_LICENCE_PAGE = '/pages/staff/licence/index'

export function licenceUrl(licenceId: string): string {
  return `${LICENCE_PAGE}?licenceId=${encodeURIComponent(licenceId)}`
}

export function staffLicenceUrl(licenceId: string): string {
  return `${STAFF_LICENCE_PAGE}?licenceId=${encodeURIComponent(licenceId)}`
}

/** 扫码核验 needs no sign-in. */
export function openVerify(): void {
  void Taro.navigateTo({ url: VERIFY_PAGE })
}
