import Taro from '@tarojs/taro'
import type { Session, SessionUser } from '@ah-tourism/shared'
import { ERRORS } from '@ah-tourism/shared/src/errors'
import { ApiError, clientError, isApiError } from './api-error'
import { IS_WEAPP } from './config'
import { currentPageUrl, openLogin } from './login-route'
import { sendJson } from './transport'

/**
 * Who is signed in. The API issues a session (short-lived access token, rotating refresh token and
 * the user with their roles) for a WeChat login code, or — in the local stage only — for a seeded
 * persona. It is kept in Taro storage so it survives restarts; http.ts sends the access token and
 * renews it through `renewSession` when it has expired.
 */
export const SESSION_STORAGE_KEY = 'ah-tourism.session'

/** Renew a little before the access token's stated expiry (clocks on phones drift). */
const EXPIRY_MARGIN_MS = 30_000

let current: Session | null | undefined
const listeners = new Set<() => void>()
/** Set by an explicit sign-out: screens stop signing in silently until the user signs in again. */
let signedOutByUser = false

function isSession(value: unknown): value is Session {
  const session = value as Session
  return (
    typeof session === 'object' &&
    session !== null &&
    typeof session.accessToken === 'string' &&
    typeof session.refreshToken === 'string' &&
    typeof session.accessTokenExpiresAt === 'string' &&
    typeof session.user === 'object' &&
    session.user !== null &&
    typeof session.user.userId === 'string'
  )
}

function readStored(): Session | null {
  try {
    const stored: unknown = Taro.getStorageSync(SESSION_STORAGE_KEY)
    return isSession(stored) ? stored : null
  } catch {
    return null
  }
}

function setSession(next: Session | null): void {
  current = next
  if (next) signedOutByUser = false
  try {
    if (next) Taro.setStorageSync(SESSION_STORAGE_KEY, next)
    else Taro.removeStorageSync(SESSION_STORAGE_KEY)
  } catch {
    // Not persisted: the session still holds until the app closes.
  }
  listeners.forEach((listener) => listener())
}

export function currentSession(): Session | null {
  if (current === undefined) current = readStored()
  return current
}

export function currentUser(): SessionUser | null {
  return currentSession()?.user ?? null
}

/** For useSyncExternalStore (hooks/use-session.ts): called whenever the session changes. */
export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** A session the API just issued (sign-in, staff binding). */
export function adoptSession(session: Session): void {
  if (!isSession(session)) throw clientError('RESPONSE_INVALID')
  setSession(session)
}

/** The user as `GET /me` now describes them (roles can change while the session lasts). */
export function updateUser(user: SessionUser): void {
  const session = currentSession()
  if (session && session.user.userId === user.userId) setSession({ ...session, user })
}

export function clearSession(): void {
  setSession(null)
}

export function isFresh(session: Session): boolean {
  const expires = Date.parse(session.accessTokenExpiresAt)
  return Number.isNaN(expires) || expires - EXPIRY_MARGIN_MS > Date.now()
}

async function requestSession(path: string, body: unknown): Promise<Session> {
  const { data } = await sendJson<Session>('POST', path, { body })
  if (!isSession(data)) throw clientError('RESPONSE_INVALID')
  return data
}

/** The API refused the credentials themselves (not a network failure, not a server fault). */
function refused(error: unknown): boolean {
  return isApiError(error) && error.status !== null && error.status >= 400 && error.status < 500
}

let renewing: Promise<Session> | null = null

/**
 * A new access token, once for everyone: concurrent requests that found theirs expired share one
 * `POST /auth/refresh`. Refresh tokens rotate (the old one is refused afterwards), so a session that
 * another request — or another tab — has already renewed is used as it is. If the API refuses the
 * refresh token the session is cleared; a network failure keeps it for a later try.
 */
export function renewSession(staleAccessToken: string | null): Promise<Session> {
  const stored = readStored()
  if (stored && stored.accessToken !== staleAccessToken && isFresh(stored)) {
    if (current?.accessToken !== stored.accessToken) setSession(stored)
    return Promise.resolve(stored)
  }
  if (renewing) return renewing
  const refreshToken = stored?.refreshToken ?? currentSession()?.refreshToken
  if (!refreshToken) return Promise.reject(new ApiError('AUTH_REQUIRED', ERRORS.AUTH_REQUIRED.message, 401))
  renewing = requestSession('/auth/refresh', { refreshToken })
    .then(
      (session) => {
        setSession(session)
        return session
      },
      (error: unknown) => {
        if (refused(error)) setSession(null)
        throw error
      },
    )
    .finally(() => {
      renewing = null
    })
  return renewing
}

let wechatSignIn: Promise<Session> | null = null

/** Mini-program: `wx.login` gives a one-time code, the API exchanges it for a session. No tap needed. */
export function signInWithWechat(): Promise<Session> {
  wechatSignIn ??= (async () => {
    let code: string
    try {
      code = (await Taro.login()).code
    } catch {
      throw new ApiError('AUTH_WECHAT_UNAVAILABLE', ERRORS.AUTH_WECHAT_UNAVAILABLE.message)
    }
    const session = await requestSession('/auth/wechat', { code })
    setSession(session)
    return session
  })().finally(() => {
    wechatSignIn = null
  })
  return wechatSignIn
}

/**
 * Single sign-on from the provincial portal: a code of the unified identity service (from a portal deep
 * link, or back from our own authorisation request) is exchanged for a session. A previous login on this
 * device is ended, as when switching persona.
 */
export async function signInWithPortal(body: { code: string; redirectUri: string; state?: string; codeVerifier?: string }): Promise<Session> {
  const previous = currentSession()
  const session = await requestSession('/auth/portal/exchange', body)
  setSession(session)
  if (previous && previous.refreshToken !== session.refreshToken) {
    void sendJson('POST', '/auth/logout', { body: { refreshToken: previous.refreshToken } }).catch(() => undefined)
  }
  return session
}

let arriving: Promise<unknown> | null = null

/**
 * A sign-in under way that no screen started (a portal code in the address the app was opened with):
 * screens that need a user wait for it instead of sending the person to the login page.
 */
export function awaitArrival(signIn: Promise<unknown>): void {
  const tracked: Promise<unknown> = signIn.catch(() => undefined).finally(() => {
    if (arriving === tracked) arriving = null
    listeners.forEach((listener) => listener())
  })
  arriving = tracked
  listeners.forEach((listener) => listener())
}

/** True while such a sign-in is under way. */
export function signingIn(): boolean {
  return arriving !== null
}

/** Local stage only: sign in as one of the seeded personas (the API answers 404 elsewhere). */
export async function signInAsPersona(personaId: string): Promise<Session> {
  const previous = currentSession()
  const session = await requestSession('/dev/login', { personaId })
  setSession(session)
  // Switching persona: end the previous login too, so its refresh token stops working.
  if (previous && previous.refreshToken !== session.refreshToken) {
    void sendJson('POST', '/auth/logout', { body: { refreshToken: previous.refreshToken } }).catch(() => undefined)
  }
  return session
}

/** Ends the login on the server (its refresh token stops working), then forgets it here. */
export async function signOut(): Promise<void> {
  const session = currentSession()
  if (session) await sendJson('POST', '/auth/logout', { body: { refreshToken: session.refreshToken } }).catch(() => undefined)
  setSession(null)
  signedOutByUser = true
}

/**
 * For screens that are useful signed out too (我的): on WeChat, signs in quietly unless the user
 * signed out in this run; never navigates. Resolves true when signed in.
 */
export async function signInQuietly(): Promise<boolean> {
  if (currentSession()) return true
  if (!IS_WEAPP || signedOutByUser) return false
  return signInWithWechat().then(
    () => true,
    () => false,
  )
}

/**
 * Before anything that needs a user (drafts, uploads, submitting, the account pages). Resolves
 * true when signed in — on WeChat silently, with `wx.login` — and false when the user has been sent
 * to the login page (H5, or WeChat login failed); they come back to `returnUrl` afterwards.
 */
export async function ensureSignedIn(returnUrl: string = currentPageUrl()): Promise<boolean> {
  if (arriving) await arriving
  if (currentSession()) return true
  if (IS_WEAPP) {
    try {
      await signInWithWechat()
      return true
    } catch {
      // The login page explains what went wrong and offers the button.
    }
  }
  openLogin(returnUrl)
  return false
}

/**
 * The session is gone for good (the refresh token was refused). On WeChat the user is signed in
 * again silently; otherwise they are sent to sign in, coming back to this page. Resolves with a new
 * session or rejects with `error`.
 */
export async function recoverSession(error: ApiError): Promise<Session> {
  setSession(null)
  if (IS_WEAPP) {
    try {
      return await signInWithWechat()
    } catch {
      // Fall through to the login page.
    }
  }
  openLogin(currentPageUrl())
  throw error
}
