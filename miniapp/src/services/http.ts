import Taro from '@tarojs/taro'
import { clientError, errorFromFailure, errorFromResponse } from './api-error'
import { API_BASE, REQUEST_TIMEOUT_MS } from './config'

export type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue>

export interface RequestOptions {
  query?: Query
}

/** Builds `?a=1&b=2`, leaving out empty values so optional filters are simply absent. */
export function toQueryString(query: Query = {}): string {
  const pairs = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return pairs.length ? `?${pairs.join('&')}` : ''
}

/**
 * The one HTTP client. Every call resolves with the parsed JSON body or rejects with an ApiError:
 * error bodies ({code, message, details}) and network failures are normalised here, once.
 */
export async function getJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response: { statusCode: number; data: unknown }
  try {
    response = await Taro.request({
      url: `${API_BASE}${path}${toQueryString(options.query)}`,
      method: 'GET',
      header: { Accept: 'application/json' },
      dataType: 'json',
      timeout: REQUEST_TIMEOUT_MS,
    })
  } catch (failure) {
    throw errorFromFailure(failure)
  }
  const { statusCode, data } = response
  if (statusCode < 200 || statusCode >= 300) throw errorFromResponse(statusCode, data)
  if (data === null || typeof data !== 'object') throw clientError('RESPONSE_INVALID')
  return data as T
}
