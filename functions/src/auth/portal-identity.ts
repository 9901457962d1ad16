import { createHash } from 'node:crypto';
import { createLocalJWKSet, errors as joseErrors, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { isValidResidentId } from '@ah-tourism/shared';

/**
 * The provincial unified identity service (安徽政务服务网统一身份认证), single sign-on by OpenID Connect's
 * authorisation-code flow. This adapter, as it speaks the contract:
 *
 *   GET  <issuer>/.well-known/openid-configuration        token_endpoint, jwks_uri (read once, kept)
 *   POST <token_endpoint>  application/x-www-form-urlencoded, client_secret_post:
 *        grant_type=authorization_code, code, redirect_uri, client_id, client_secret[, code_verifier]
 *        200 { access_token, id_token, … }; 400 { error: invalid_grant } for a bad, used or expired code
 *   GET  <jwks_uri>        the RS256 keys of the id_token (fetched again once when a kid is unknown)
 *
 * The id_token must be RS256, from the issuer, for our client id, unexpired, carry the nonce we derived
 * from our own state (see `nonceForState`) when the sign-in began here, and name a verified person:
 * sub, name, cert_type 111 (居民身份证) with a valid cert_no, real_name_verified true. Issuer and client id
 * come from configuration; the client secret from SSM (`portal-client-secret`). A call takes at most 5 s.
 */
export const PORTAL_TIMEOUT_MS = 5_000;
const CLOCK_TOLERANCE_SECONDS = 60;

/** The verified person the identity service vouches for. */
export interface PortalIdentity {
  sub: string;
  name: string;
  certType: '111';
  idNumber: string;
  mobile?: string;
}

/** The code (or the token it gave) was refused: bad, used, expired, for another redirect, or not verifiable. */
export class PortalRefusedError extends Error {}
/** The service could not be asked or answered nonsense (network, timeout, 5xx, our own credentials refused). */
export class PortalUnavailableError extends Error {}

/** The nonce of a sign-in that began here: bound to the state the browser carries, so a code cannot be replayed into another sign-in. */
export const nonceForState = (state: string) => createHash('sha256').update(`ah-tourism/portal-nonce/v1\n${state}`).digest('base64url');

export interface PortalExchange {
  code: string;
  redirectUri: string;
  codeVerifier?: string;
  state?: string;
}

/** Checks an id_token against the keys and our expectations; the person it names, or PortalRefusedError. */
export async function verifyIdToken(
  idToken: string,
  keys: JWTVerifyGetKey,
  expected: { issuer: string; clientId: string; nonce?: string; now?: () => number },
): Promise<PortalIdentity> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(idToken, keys, {
      issuer: expected.issuer,
      audience: expected.clientId,
      algorithms: ['RS256'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['sub', 'exp', 'iat'],
      ...(expected.now ? { currentDate: new Date(expected.now()) } : {}),
    }));
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) throw new PortalRefusedError(`id_token refused: ${error.code}`);
    throw error;
  }
  if (expected.nonce !== undefined && payload.nonce !== expected.nonce) throw new PortalRefusedError('id_token nonce does not match the sign-in');
  const { sub, name, cert_type: certType, cert_no: certNo, phone_number: mobile, real_name_verified: verified } = payload;
  if (typeof sub !== 'string' || !sub || typeof name !== 'string' || !name.trim()) throw new PortalRefusedError('id_token names no person');
  if (verified !== true || certType !== '111' || typeof certNo !== 'string' || !isValidResidentId(certNo)) throw new PortalRefusedError('id_token carries no verified resident identity');
  return { sub, name: name.trim(), certType: '111', idNumber: certNo.toUpperCase(), ...(typeof mobile === 'string' && mobile ? { mobile } : {}) };
}

interface Discovery {
  issuer: string;
  token_endpoint: string;
  jwks_uri: string;
}

export function portalIdentityService(options: {
  issuer: string;
  clientId: string;
  clientSecret: () => Promise<string>;
  timeoutMs?: number;
  now?: () => number;
  fetch?: typeof fetch;
}) {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? PORTAL_TIMEOUT_MS;
  let discovery: Promise<Discovery> | undefined;
  let keySet: Promise<JWTVerifyGetKey> | undefined;

  async function call(url: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    } catch (error) {
      throw new PortalUnavailableError(`identity service unreachable: ${(error as Error).name}`);
    }
  }

  async function getJson(url: string): Promise<unknown> {
    const response = await call(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new PortalUnavailableError(`identity service answered ${response.status} for ${new URL(url).pathname}`);
    return response.json().catch(() => {
      throw new PortalUnavailableError('identity service answered no JSON');
    });
  }

  function discover(): Promise<Discovery> {
    discovery ??= (async () => {
      const document = (await getJson(`${options.issuer}/.well-known/openid-configuration`)) as Partial<Discovery>;
      if (document.issuer !== options.issuer || typeof document.token_endpoint !== 'string' || typeof document.jwks_uri !== 'string') {
        throw new PortalUnavailableError('identity service discovery document does not match the configured issuer');
      }
      return document as Discovery;
    })();
    discovery.catch(() => (discovery = undefined));
    return discovery;
  }

  function keys(refresh = false): Promise<JWTVerifyGetKey> {
    if (refresh) keySet = undefined;
    keySet ??= (async () => createLocalJWKSet((await getJson((await discover()).jwks_uri)) as JSONWebKeySet))();
    keySet.catch(() => (keySet = undefined));
    return keySet;
  }

  return {
    /** A portal code → the verified person. PortalRefusedError or PortalUnavailableError otherwise. */
    async exchange(request: PortalExchange): Promise<PortalIdentity> {
      const { token_endpoint: tokenEndpoint } = await discover();
      const form = new URLSearchParams({
        grant_type: 'authorization_code',
        code: request.code,
        redirect_uri: request.redirectUri,
        client_id: options.clientId,
        client_secret: await options.clientSecret(),
        ...(request.codeVerifier ? { code_verifier: request.codeVerifier } : {}),
      });
      const response = await call(tokenEndpoint, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body: form.toString() });
      const body = (await response.json().catch(() => ({}))) as { error?: unknown; id_token?: unknown };
      if (response.status === 400 && (body.error === 'invalid_grant' || body.error === 'invalid_request')) throw new PortalRefusedError(`token endpoint: ${String(body.error)}`);
      if (!response.ok) throw new PortalUnavailableError(`token endpoint answered ${response.status} ${typeof body.error === 'string' ? body.error : ''}`.trim());
      if (typeof body.id_token !== 'string') throw new PortalUnavailableError('token endpoint answered no id_token');
      const expected = { issuer: options.issuer, clientId: options.clientId, ...(request.state ? { nonce: nonceForState(request.state) } : {}), ...(options.now ? { now: options.now } : {}) };
      try {
        return await verifyIdToken(body.id_token, await keys(), expected);
      } catch (error) {
        // The service may have rolled its keys since we read them: read them once more.
        if (!(error instanceof PortalRefusedError) || !/ERR_JWKS_NO_MATCHING_KEY/.test(error.message)) throw error;
        return verifyIdToken(body.id_token, await keys(true), expected);
      }
    },
  };
}

export type PortalIdentityService = ReturnType<typeof portalIdentityService>;
