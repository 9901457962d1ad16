import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import type { SessionUser, StaffMembership } from '@ah-tourism/shared';
import { config } from '../platform/config';
import { AppError } from '../platform/errors';
import { parameter } from '../platform/parameters';

/**
 * Access tokens: short-lived ES256 JWTs. Only the sign-in functions can read the private key; every
 * other function verifies with the public key. The audience names the stage, so a token from one
 * stage (or a developer persona's token from the local stage) is worthless in another.
 */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = 'ah-tourism';
const ALGORITHM = 'ES256';

export interface Caller {
  userId: string;
  sessionId: string;
  staff?: StaffMembership;
  provincialAdmin: boolean;
}

interface AccessClaims {
  sid: string;
  adm?: boolean;
  stf?: StaffMembership;
  /** 'dev' marks a local developer persona; refused outside the local stage. */
  amr?: string[];
}

const audience = () => `${ISSUER}-${config().stage}`;

/** A JWK as stored: raw JSON or base64url-encoded JSON. */
function jwkKey(text: string, kind: 'private' | 'public'): KeyObject {
  const json = text.trim().startsWith('{') ? text : Buffer.from(text, 'base64url').toString('utf8');
  const jwk = JSON.parse(json) as import('node:crypto').JsonWebKey;
  return kind === 'private' ? createPrivateKey({ key: jwk, format: 'jwk' }) : createPublicKey({ key: jwk, format: 'jwk' });
}

let privateKey: Promise<KeyObject> | undefined;
let publicKey: Promise<KeyObject> | undefined;

function signingKey(): Promise<KeyObject> {
  privateKey ??= parameter('session-private-key', config().localSessionKey).then((text) => jwkKey(text, 'private'));
  return privateKey;
}

/**
 * The public key: derived from the local key in the local stage; elsewhere SESSION_PUBLIC_KEY when the
 * deployment sets it (it is not a secret), else SSM `<prefix>session-public-key`.
 */
function verificationKey(): Promise<KeyObject> {
  const { stage, localSessionKey } = config();
  const configured = process.env.SESSION_PUBLIC_KEY;
  publicKey ??=
    stage === 'local' && localSessionKey
      ? Promise.resolve(createPublicKey(jwkKey(localSessionKey, 'private')))
      : configured
        ? Promise.resolve(jwkKey(configured, 'public'))
        : parameter('session-public-key', undefined).then((text) => jwkKey(text, 'public'));
  return publicKey;
}

export async function issueAccessToken(user: Omit<SessionUser, 'preferences'>, sessionId: string, options: { dev?: boolean } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const claims: AccessClaims = {
    sid: sessionId,
    ...(user.provincialAdmin ? { adm: true } : {}),
    ...(user.staff ? { stf: user.staff } : {}),
    ...(options.dev ? { amr: ['dev'] } : {}),
  };
  const token = await new SignJWT({ ...claims })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(user.userId)
    .setIssuer(ISSUER)
    .setAudience(audience())
    .setIssuedAt(now)
    .setExpirationTime(now + ACCESS_TOKEN_TTL_SECONDS)
    .sign(await signingKey());
  return { token, expiresAt: new Date((now + ACCESS_TOKEN_TTL_SECONDS) * 1000).toISOString() };
}

/** The caller a bearer token proves, or AUTH_TOKEN_EXPIRED / AUTH_TOKEN_INVALID. */
export async function verifyAccessToken(token: string): Promise<Caller> {
  let payload: AccessClaims & { sub?: string };
  try {
    ({ payload } = await jwtVerify<AccessClaims>(token, await verificationKey(), {
      issuer: ISSUER,
      audience: audience(),
      algorithms: [ALGORITHM],
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new AppError('AUTH_TOKEN_EXPIRED');
    if (error instanceof joseErrors.JOSEError) throw new AppError('AUTH_TOKEN_INVALID');
    throw error;
  }
  if (!payload.sub || !payload.sid) throw new AppError('AUTH_TOKEN_INVALID');
  if (payload.amr?.includes('dev') && config().stage !== 'local') throw new AppError('AUTH_TOKEN_INVALID');
  return { userId: payload.sub, sessionId: payload.sid, provincialAdmin: payload.adm === true, ...(payload.stf ? { staff: payload.stf } : {}) };
}

/** For tests that switch stage or keys between cases. */
export function resetTokenKeys(): void {
  privateKey = undefined;
  publicKey = undefined;
}
