import type { SessionUser } from '@ah-tourism/shared'
import { requestJson } from './http'
import { PORTAL_WEAPP_REDIRECT } from './config'
import { awaitArrival, signInWithPortal, updateUser } from './session'

/**
 * Single sign-on from the provincial portal, mini-program side: the portal opens a page of the app with
 * `ssoCode=<code>` in its query (a code it obtained for this system with the mini-program's registered
 * redirect URI); the app exchanges it on launch, before the page needs a user. Signing in through the
 * portal from inside the mini-program (its authorize page) is not offered: WeChat users sign in with
 * WeChat and link the portal identity from a browser. The H5 variant is portal-sso.h5.ts.
 */
export type PortalPurpose = 'signin' | 'link'

let lastError: string | null = null
const seen = new Set<string>()

/** The portal code the app was opened with (launch or show options' query), exchanged once. */
export function takePortalArrival(query?: Record<string, string | undefined>): void {
  const code = query?.ssoCode
  if (!code || !PORTAL_WEAPP_REDIRECT || seen.has(code)) return
  seen.add(code)
  let decoded = code
  try {
    decoded = decodeURIComponent(code)
  } catch {
    // Already decoded.
  }
  lastError = null
  const signIn = signInWithPortal({ code: decoded, redirectUri: PORTAL_WEAPP_REDIRECT })
  signIn.catch((error: { message?: string }) => {
    lastError = error.message ?? null
  })
  awaitArrival(signIn)
}

/** Browser only: the mini-program never leaves for the portal's authorize page. */
export async function startPortalSignIn(_purpose: PortalPurpose, _redirect: string): Promise<void> {
  return Promise.resolve()
}

/** What went wrong with the last portal sign-in or link, once (the login page and 我的 show it). */
export function takePortalError(): string | null {
  const error = lastError
  lastError = null
  return error
}

/** Links WeChat (a wx.login code) to the signed-in account, one made by portal sign-in. */
export async function linkWechat(code: string): Promise<SessionUser> {
  const { data } = await requestJson<SessionUser>('POST', '/me/wechat', { auth: true, body: { code } })
  updateUser(data)
  return data
}
