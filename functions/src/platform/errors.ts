import { ERRORS, type ErrorCode, type FieldIssue } from '@ah-tourism/shared';

/** An expected failure with a stable code; the HTTP adapter turns it into {code, message}. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: FieldIssue[] | undefined;
  /** Extra response headers, e.g. Retry-After on 429. */
  readonly headers: Record<string, string> | undefined;

  constructor(code: ErrorCode, message?: string, details?: FieldIssue[], headers?: Record<string, string>) {
    super(message ?? ERRORS[code].message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.headers = headers;
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}
