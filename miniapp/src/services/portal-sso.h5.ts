import type { SessionUser } from '@ah-tourism/shared'
import { toApiError } from './api-error'
import { requestJson } from './http'
import { PORTAL_AUTHORIZE, PORTAL_CLIENT_ID } from './config'
import { randomToken } from './random'
import { SERVICE_STRINGS } from './strings'
import { awaitArrival, currentSession, signInWithPortal, updateUser } from './session'

/**
 * Single sign-on from the provincial portal, browser side (the mini-program's is portal-sso.ts).
 *
 * - Portal deep link: `<app address>?code=<code>#/pages/…` — a code the portal obtained for this system
 *   with the app's address as redirect URI. It is taken from the address before the router starts, the
 *   address keeps only the page, and the code is exchanged while the page opens.
 * - Our own 政务服务网账号登录 (and linking): the browser goes to the identity service's authorize endpoint
 *   with state, a nonce bound to it and PKCE; it comes back to `<app address>?code=&state=`, and the
 *   page it set out from is put back in the address before the router starts.
 */
export type PortalPurpose = 'signin' | 'link'

const PENDING_KEY = 'ah-tourism.portal-pending'

interface Pending {
  state: string
  verifier: string
  purpose: PortalPurpose
  redirect: string
}

let lastError: string | null = null

/** The app's own address without query or page: the redirect URI registered with the identity service. */
const redirectUri = () => `${window.location.origin}${window.location.pathname}`

const base64url = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')

async function sha256url(text: string): Promise<string> {
  return base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
}

/** The nonce bound to a state, as the API derives it (functions/src/auth/portal-identity.ts, nonceForState). */
const nonceFor = (state: string) => sha256url(`ah-tourism/portal-nonce/v1\n${state}`)

function readPending(): Pending | null {
  try {
    const raw = window.sessionStorage.getItem(PENDING_KEY)
    window.sessionStorage.removeItem(PENDING_KEY)
    const pending = raw ? (JSON.parse(raw) as Pending) : null
    return pending && typeof pending.state === 'string' && typeof pending.verifier === 'string' ? pending : null
  } catch {
    return null
  }
}

async function linkPortal(body: { code: string; redirectUri: string; state: string; codeVerifier: string }): Promise<SessionUser> {
  const { data } = await requestJson<SessionUser>('POST', '/me/portal-identity', { auth: true, body })
  updateUser(data)
  return data
}

/**
 * Called once as the app starts (app.ts), before the router reads the address: takes a portal code
 * from it and starts the exchange (or the link).
 */
export function takePortalArrival(_query?: Record<string, string | undefined>): void {
  if (typeof window === 'undefined') return
  const search = new URLSearchParams(window.location.search)
  const code = search.get('code')
  if (!code) return
  const state = search.get('state')
  const pending = state ? readPending() : null
  const uri = redirectUri()
  // The code leaves the address (and the history) at once; the page stays, or the one we set out from returns.
  const hash = pending ? `#${pending.redirect}` : window.location.hash
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${hash}`)
  lastError = null
  if (state && (!pending || pending.state !== state)) {
    lastError = SERVICE_STRINGS.portalRequestExpired
    return
  }
  const attempt =
    pending?.purpose === 'link' && currentSession()
      ? linkPortal({ code, redirectUri: uri, state: pending.state, codeVerifier: pending.verifier })
      : signInWithPortal({ code, redirectUri: uri, ...(pending ? { state: pending.state, codeVerifier: pending.verifier } : {}) })
  attempt.catch((error: unknown) => {
    lastError = toApiError(error).message
  })
  awaitArrival(attempt)
}

/** 政务服务网账号登录 (or linking): off to the identity service, back to `redirect` (an app page) afterwards. */
export async function startPortalSignIn(purpose: PortalPurpose, redirect: string): Promise<void> {
  const state = randomToken(16)
  const verifier = randomToken(32)
  const pending: Pending = { state, verifier, purpose, redirect }
  window.sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending))
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: PORTAL_CLIENT_ID,
    redirect_uri: redirectUri(),
    scope: 'openid profile idcard',
    state,
    nonce: await nonceFor(state),
    code_challenge: await sha256url(verifier),
    code_challenge_method: 'S256',
  })
  window.location.assign(`${PORTAL_AUTHORIZE}?${query.toString()}`)
}

/** What went wrong with the last portal sign-in or link, once (the login page and 我的 show it). */
export function takePortalError(): string | null {
  const error = lastError
  lastError = null
  return error
}

/** Mini-program only. */
export async function linkWechat(_code: string): Promise<SessionUser> {
  return Promise.reject(new Error('linking WeChat happens in the mini-program'))
}
