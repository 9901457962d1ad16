// Deep import on purpose: the package index also exports the zod schemas (~460 KB minified),
// which the mini-program does not need. errors.ts has no dependencies.
import { ERRORS, isErrorCode, type ErrorCode, type FieldIssue } from '@ah-tourism/shared/src/errors'
import { SERVICE_STRINGS } from './strings'

/** Failures that happen before the API answers; the server never sends these codes. */
export const CLIENT_ERRORS = SERVICE_STRINGS.clientErrors

export type ClientErrorCode = keyof typeof CLIENT_ERRORS
export type ApiErrorCode = ErrorCode | ClientErrorCode

/**
 * The one error type the UI sees. Screens branch on `code`; `message` is Chinese text a user can
 * act on and is only ever displayed.
 */
export class ApiError extends Error {
  readonly code: ApiErrorCode
  readonly status: number | null
  readonly details: FieldIssue[]

  constructor(code: ApiErrorCode, message: string, status: number | null = null, details: FieldIssue[] = []) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = status
    this.details = details
  }
}

/** Compiled classes that extend Error do not always keep their prototype, so check the shape. */
export function isApiError(error: unknown): error is ApiError {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ApiError' && 'code' in error
}

export function clientError(code: ClientErrorCode): ApiError {
  return new ApiError(code, CLIENT_ERRORS[code])
}

function codeForStatus(status: number): ErrorCode {
  if (status === 404) return 'COMMON_NOT_FOUND'
  if (status === 405) return 'COMMON_METHOD_NOT_ALLOWED'
  if (status >= 400 && status < 500) return 'COMMON_VALIDATION_FAILED'
  return 'COMMON_INTERNAL'
}

function isFieldIssue(value: unknown): value is FieldIssue {
  const issue = value as FieldIssue
  return typeof issue === 'object' && issue !== null && typeof issue.path === 'string' && typeof issue.message === 'string'
}

/** Turns an HTTP error response (any body, even none) into an ApiError. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const payload = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const code = isErrorCode(payload.code) ? payload.code : codeForStatus(status)
  const message = typeof payload.message === 'string' && payload.message.trim() ? payload.message : ERRORS[code].message
  const details = Array.isArray(payload.details) ? payload.details.filter(isFieldIssue) : []
  return new ApiError(code, message, status, details)
}

/** Anything thrown while no response arrived: a timeout, no network, a blocked request. */
export function errorFromFailure(failure: unknown): ApiError {
  const { errMsg, message, name } = (typeof failure === 'object' && failure !== null ? failure : {}) as Record<string, unknown>
  const text = `${String(errMsg ?? '')} ${String(message ?? '')}`.toLowerCase()
  // weapp: "request:fail timeout"; H5 aborts the fetch on timeout (AbortError).
  if (name === 'AbortError' || text.includes('timeout') || text.includes('abort')) return clientError('NETWORK_TIMEOUT')
  return clientError('NETWORK_UNAVAILABLE')
}

/** Whatever a request threw, as an ApiError (unexpected errors read as a bad response). */
export function toApiError(error: unknown): ApiError {
  return isApiError(error) ? error : clientError('RESPONSE_INVALID')
}
