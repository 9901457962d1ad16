import Taro from '@tarojs/taro'
import { acceptLanguage } from '@/i18n/language'
import { clientError, errorFromFailure, errorFromResponse } from './api-error'
import { API_BASE, REQUEST_TIMEOUT_MS } from './config'

export type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue>
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface SendOptions {
  query?: Query
  /** Sent as JSON. */
  body?: unknown
  headers?: Record<string, string>
}

export interface JsonResponse<T> {
  status: number
  data: T
}

/** Builds `?a=1&b=2`, leaving out empty values so optional filters are simply absent. */
export function toQueryString(query: Query = {}): string {
  const pairs = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return pairs.length ? `?${pairs.join('&')}` : ''
}

/**
 * One request to the API, nothing more: it resolves with the status and parsed JSON body (undefined
 * for 204) or rejects with an ApiError. Error bodies ({code, message, details}) and network failures
 * are normalised here, once. Who is calling is added by http.ts; the session's own calls (sign-in,
 * refresh) come straight here, so they never wait for themselves.
 */
export async function sendJson<T>(method: HttpMethod, path: string, options: SendOptions = {}, base: string = API_BASE): Promise<JsonResponse<T>> {
  // Accept-Language is a CORS-safelisted header: public reads stay simple requests without a preflight.
  const header: Record<string, string> = { Accept: 'application/json', 'Accept-Language': acceptLanguage(), ...options.headers }
  if (options.body !== undefined) header['Content-Type'] = 'application/json'
  let response: { statusCode: number; data: unknown }
  try {
    response = await Taro.request({
      url: `${base}${path}${toQueryString(options.query)}`,
      method,
      header,
      data: options.body,
      dataType: 'json',
      timeout: REQUEST_TIMEOUT_MS,
    })
  } catch (failure) {
    throw errorFromFailure(failure)
  }
  const { statusCode, data } = response
  if (statusCode < 200 || statusCode >= 300) throw errorFromResponse(statusCode, data)
  if (statusCode === 204) return { status: statusCode, data: undefined as T }
  if (data === null || typeof data !== 'object') throw clientError('RESPONSE_INVALID')
  return { status: statusCode, data: data as T }
}
