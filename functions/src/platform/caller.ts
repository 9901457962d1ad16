import { AppError } from './errors';
import { config } from './config';
import { header, type HttpEvent } from './http';

export interface Caller {
  userId: string;
}

/**
 * LOCAL-ONLY stand-in for "who is calling", until WeChat login lands: in the `local` stage the phone
 * sends `X-Local-User: local-<id>`. Every other stage refuses it, so nothing protected can be reached
 * there until real session tokens exist.
 */
export const LOCAL_USER_HEADER = 'x-local-user';
const LOCAL_USER = /^local-[a-z0-9-]{4,60}$/;

export function callerOf(event: HttpEvent): Caller {
  const claimed = header(event, LOCAL_USER_HEADER);
  if (config().stage !== 'local' || !claimed || !LOCAL_USER.test(claimed)) throw new AppError('AUTH_REQUIRED');
  return { userId: claimed };
}
