import { ERRORS } from '@ah-tourism/shared/src/errors'
import { ApiError, isApiError } from './api-error'
import { currentSession, isFresh, recoverSession, renewSession } from './session'
import { sendJson, type HttpMethod, type JsonResponse, type SendOptions } from './transport'

export { toQueryString, type HttpMethod, type JsonResponse, type Query, type QueryValue } from './transport'

export interface RequestOptions extends SendOptions {
  /**
   * The route needs to know who is calling (cases, uploads, drafts, messages…): the access token
   * goes along as `Authorization: Bearer …`. The catalog is public and stays a simple CORS request
   * without it, so browsers need no preflight and caches can share it.
   */
  auth?: boolean
}

/** 401s that a new access token cures; anything else (e.g. AUTH_REQUIRED) is final. */
const RENEWABLE = new Set(['AUTH_TOKEN_EXPIRED', 'AUTH_TOKEN_INVALID'])

function withBearer(options: SendOptions, accessToken: string): SendOptions {
  return { ...options, headers: { ...options.headers, Authorization: `Bearer ${accessToken}` } }
}

/** Renews the access token; if the API refuses the refresh token, the session is recovered or lost. */
async function renewed(staleAccessToken: string) {
  try {
    return await renewSession(staleAccessToken)
  } catch (caught) {
    if (isApiError(caught) && caught.status !== null && caught.status >= 400 && caught.status < 500) {
      return recoverSession(new ApiError('AUTH_REFRESH_INVALID', ERRORS.AUTH_REFRESH_INVALID.message, 401))
    }
    throw caught
  }
}

/**
 * The one HTTP client of the screens. It resolves with the status and parsed JSON body (undefined
 * for 204) or rejects with an ApiError. For `auth: true` it sends the access token, renews it first
 * when it has run out, and on a 401 AUTH_TOKEN_EXPIRED / AUTH_TOKEN_INVALID renews it (one refresh
 * shared by concurrent requests) and retries the request once.
 */
export async function requestJson<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<JsonResponse<T>> {
  const { auth, ...sendOptions } = options
  if (!auth) return sendJson<T>(method, path, sendOptions)
  let session = currentSession()
  if (!session) throw new ApiError('AUTH_REQUIRED', ERRORS.AUTH_REQUIRED.message, 401)
  if (!isFresh(session)) session = await renewed(session.accessToken)
  try {
    return await sendJson<T>(method, path, withBearer(sendOptions, session.accessToken))
  } catch (caught) {
    if (!isApiError(caught) || caught.status !== 401 || !RENEWABLE.has(caught.code)) throw caught
  }
  session = await renewed(session.accessToken)
  return sendJson<T>(method, path, withBearer(sendOptions, session.accessToken))
}

export async function getJson<T>(path: string, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
  return (await requestJson<T>('GET', path, options)).data
}

/**
 * A fresh access token for a request the JSON client cannot make (a file download with the session):
 * renewed first when it has run out; AUTH_REQUIRED when nobody is signed in.
 */
export async function accessToken(): Promise<string> {
  let session = currentSession()
  if (!session) throw new ApiError('AUTH_REQUIRED', ERRORS.AUTH_REQUIRED.message, 401)
  if (!isFresh(session)) session = await renewed(session.accessToken)
  return session.accessToken
}
