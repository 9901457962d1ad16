import Taro from '@tarojs/taro'
import { clientError, errorFromFailure, errorFromResponse } from './api-error'
import { API_BASE, REQUEST_TIMEOUT_MS } from './config'
import { localUserId, LOCAL_USER_HEADER } from './identity'

export type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue>
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface RequestOptions {
  query?: Query
  /** Sent as JSON. */
  body?: unknown
  headers?: Record<string, string>
  /**
   * The route needs to know who is calling (cases, uploads, drafts). The catalog is public and stays
   * a simple CORS request without it, so browsers need no preflight and caches can share it.
   */
  auth?: boolean
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
 * The one HTTP client. Every call resolves with the status and parsed JSON body (undefined for 204)
 * or rejects with an ApiError: error bodies ({code, message, details}) and network failures are
 * normalised here, once. Routes that need a caller get the caller's identity here too.
 */
export async function requestJson<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<JsonResponse<T>> {
  const header: Record<string, string> = { Accept: 'application/json', ...options.headers }
  if (options.body !== undefined) header['Content-Type'] = 'application/json'
  if (options.auth) header[LOCAL_USER_HEADER] = localUserId()
  let response: { statusCode: number; data: unknown }
  try {
    response = await Taro.request({
      url: `${API_BASE}${path}${toQueryString(options.query)}`,
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

export async function getJson<T>(path: string, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
  return (await requestJson<T>('GET', path, options)).data
}
