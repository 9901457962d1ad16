import Taro from '@tarojs/taro'

/**
 * Where sign-in happens and how the user comes back. The login page takes `redirect`, an app path
 * with its query (`/pages/cases/apply/index?code=…`); after signing in the user returns there: back
 * down the stack when the page is still open beneath the login page (a half-filled form keeps its
 * state), to the tab for a tab page, or by replacing the login page otherwise (a deep link).
 */
export const LOGIN_PAGE = '/pages/login/index'
const MINE_TAB = '/pages/mine/index'
const TAB_PAGES = ['/pages/home/index', '/pages/items/index', MINE_TAB]

/** Router bookkeeping that is not part of a page's own query. */
const INTERNAL_PARAMS = new Set(['stamp', '$taroTimestamp'])

/** `pages/x/index?a=1` or `/pages/x/index` → `/pages/x/index`. */
function pathOf(url: string): string {
  const path = url.split('?')[0] ?? ''
  return path.startsWith('/') ? path : `/${path}`
}

export function loginUrl(redirect?: string): string {
  return redirect ? `${LOGIN_PAGE}?redirect=${encodeURIComponent(redirect)}` : LOGIN_PAGE
}

/** Only a page of this app, and never the login page itself; 我的 otherwise. */
export function safeRedirect(raw: string | undefined): string {
  const value = (raw ?? '').trim()
  if (!/^\/?pages\/[A-Za-z0-9/_-]+(\?.*)?$/.test(value)) return MINE_TAB
  const url = value.startsWith('/') ? value : `/${value}`
  return pathOf(url) === LOGIN_PAGE ? MINE_TAB : url
}

/** The page on screen as an app URL, to come back to after signing in. */
export function currentPageUrl(): string {
  const router = Taro.getCurrentInstance().router
  if (!router?.path) return MINE_TAB
  const query = Object.entries(router.params ?? {})
    .filter(([key, value]) => !INTERNAL_PARAMS.has(key) && typeof value === 'string' && value !== '')
    .map(([key, value]) => {
      let decoded = value as string
      try {
        decoded = decodeURIComponent(decoded)
      } catch {
        // Already decoded (H5) and containing a lone %.
      }
      return `${encodeURIComponent(key)}=${encodeURIComponent(decoded)}`
    })
  return `${pathOf(router.path)}${query.length ? `?${query.join('&')}` : ''}`
}

function onLoginPage(): boolean {
  const pages = Taro.getCurrentPages()
  const top = pages[pages.length - 1]
  return !!top && pathOf(top.route ?? '') === LOGIN_PAGE
}

let opening = false

/** Opens the login page (once, however many requests find the session gone at the same time). */
export function openLogin(redirect: string = currentPageUrl()): void {
  if (opening || onLoginPage()) return
  opening = true
  Taro.navigateTo({ url: loginUrl(safeRedirect(redirect)) })
    .catch(() => undefined)
    .finally(() => {
      opening = false
    })
}

/** After signing in: back to where the user was. */
export function returnAfterSignIn(redirect: string | undefined): void {
  const target = safeRedirect(redirect)
  const path = pathOf(target)
  if (TAB_PAGES.includes(path)) {
    void Taro.switchTab({ url: path })
    return
  }
  const pages = Taro.getCurrentPages()
  const below = pages[pages.length - 2]
  if (below && pathOf(below.route ?? '') === path) {
    void Taro.navigateBack()
    return
  }
  void Taro.redirectTo({ url: target })
}
