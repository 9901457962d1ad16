import Taro from '@tarojs/taro'

/** The account pages live in the `pages/account` subpackage; the push log in `pages/dev`. */
export const MESSAGES_PAGE = '/pages/account/messages/index'
export const BIND_PAGE = '/pages/account/bind/index'
export const STAFF_PAGE = '/pages/account/staff/index'
export const SUBSCRIPTIONS_PAGE = '/pages/account/subscriptions/index'
export const DEV_PUSHES_PAGE = '/pages/dev/pushes/index'

export function openPage(url: string): void {
  void Taro.navigateTo({ url })
}
