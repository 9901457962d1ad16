import { verifyAccessToken, type Caller } from './tokens';
import { AppError } from '../platform/errors';
import { header, type HttpEvent } from '../platform/http';

export type { Caller } from './tokens';

/**
 * Who is calling: the bearer access token issued at sign-in, verified with the stage's public key.
 * Every route marked `auth` in the route list calls this first.
 */
export async function authenticate(event: HttpEvent): Promise<Caller> {
  const value = header(event, 'authorization');
  const match = value?.match(/^Bearer\s+([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)$/);
  if (!value) throw new AppError('AUTH_REQUIRED');
  if (!match) throw new AppError('AUTH_TOKEN_INVALID');
  return verifyAccessToken(match[1]!);
}
