import { parseImplementationCode } from '@ah-tourism/shared';
import { AppError } from '../platform/errors';
import type { HttpEvent } from '../platform/http';

/** The entry's implementation code from the path; anything else names no entry. */
export function entryCodeOf(event: HttpEvent): string {
  const code = decodeURIComponent(event.pathParameters?.code ?? '');
  if (!parseImplementationCode(code)) throw new AppError('CATALOG_ITEM_NOT_FOUND');
  return code;
}
