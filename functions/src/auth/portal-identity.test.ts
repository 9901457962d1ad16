import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, createLocalJWKSet, exportJWK } from 'jose';
import { IdentityServiceStandIn } from '../../../scripts/local/identity-standin';
import type { ServiceRequest } from '../../../scripts/local/provincial-service';
import { PortalRefusedError, PortalUnavailableError, nonceForState, portalIdentityService, verifyIdToken } from './portal-identity';

const ISSUER = 'https://uias.example/ahzwfw/uias';
const CLIENT = 'ah-tourism';
const ID_NUMBER = '34100219850312002X';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const intruder = generateKeyPairSync('rsa', { modulusLength: 2048 });
let jwks: ReturnType<typeof createLocalJWKSet>;

beforeAll(async () => {
  jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256' }] });
});

const CLAIMS = { name: '张皖生', cert_type: '111', cert_no: ID_NUMBER, phone_number: '13955900001', real_name_verified: true };

function token(overrides: { claims?: Record<string, unknown>; issuer?: string; audience?: string; expiresIn?: number; key?: typeof keys.privateKey; alg?: string } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...CLAIMS, ...overrides.claims })
    .setProtectedHeader({ alg: overrides.alg ?? 'RS256', kid: 'k1' })
    .setIssuer(overrides.issuer ?? ISSUER)
    .setAudience(overrides.audience ?? CLIENT)
    .setSubject('uias-1')
    .setIssuedAt(now)
    .setExpirationTime(now + (overrides.expiresIn ?? 600))
    .sign(overrides.key ?? keys.privateKey);
}

const expected = { issuer: ISSUER, clientId: CLIENT };

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    return error instanceof PortalRefusedError ? 'refused' : `other: ${(error as Error).message}`;
  }
}

describe('id_token verification', () => {
  it('accepts a token of the issuer for this client and names the verified person', async () => {
    await expect(verifyIdToken(await token(), jwks, expected)).resolves.toEqual({ sub: 'uias-1', name: '张皖生', certType: '111', idNumber: ID_NUMBER, mobile: '13955900001' });
  });

  it('refuses a token signed with another key (forged), from another issuer, for another client, or expired', async () => {
    expect(await refusal(verifyIdToken(await token({ key: intruder.privateKey }), jwks, expected))).toBe('refused');
    expect(await refusal(verifyIdToken(await token({ issuer: 'https://evil.example' }), jwks, expected))).toBe('refused');
    expect(await refusal(verifyIdToken(await token({ audience: 'another-system' }), jwks, expected))).toBe('refused');
    expect(await refusal(verifyIdToken(await token({ expiresIn: -120 }), jwks, expected))).toBe('refused');
    expect(await refusal(verifyIdToken('not.a.token', jwks, expected))).toBe('refused');
  });

  it('allows a minute of clock drift', async () => {
    expect(await refusal(verifyIdToken(await token({ expiresIn: -30 }), jwks, expected))).toBe('accepted');
  });

  it('checks the nonce when the sign-in began here', async () => {
    const nonce = nonceForState('state-of-this-sign-in');
    expect(await refusal(verifyIdToken(await token({ claims: { nonce } }), jwks, { ...expected, nonce }))).toBe('accepted');
    expect(await refusal(verifyIdToken(await token({ claims: { nonce: nonceForState('another') } }), jwks, { ...expected, nonce }))).toBe('refused');
    expect(await refusal(verifyIdToken(await token(), jwks, { ...expected, nonce }))).toBe('refused');
  });

  it('refuses a token without a verified resident identity', async () => {
    expect(await refusal(verifyIdToken(await token({ claims: { real_name_verified: false } }), jwks, expected))).toBe('refused');
    expect(await refusal(verifyIdToken(await token({ claims: { cert_type: '414' } }), jwks, expected))).toBe('refused');
    expect(await refusal(verifyIdToken(await token({ claims: { cert_no: '341002198503120021' } }), jwks, expected))).toBe('refused');
    expect(await refusal(verifyIdToken(await token({ claims: { name: ' ' } }), jwks, expected))).toBe('refused');
  });
});

describe('the adapter against the identity service stand-in', () => {
  const SECRET = 'client-secret';
  const REDIRECT = 'https://app.example/';

  /** fetch served by the stand-in in-process (its own checks, not the adapter's). */
  function viaStandIn(standIn: IdentityServiceStandIn, down = { token: false }): typeof fetch {
    return (async (input: string | URL, init: RequestInit = {}) => {
      const url = new URL(String(input));
      if (down.token && url.pathname.endsWith('/token')) throw new TypeError('fetch failed');
      const request: ServiceRequest = {
        method: init.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: Object.fromEntries(Object.entries((init.headers as Record<string, string>) ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
        body: Buffer.from(typeof init.body === 'string' ? init.body : ''),
      };
      const reply = await standIn.handle(request);
      if (!reply || reply === 'hold') throw new TypeError('no answer');
      return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
  }

  async function mint(standIn: IdentityServiceStandIn, body: Record<string, unknown>): Promise<string> {
    const reply = await standIn.handle({ method: 'POST', path: '/__control/identity/codes', query: new URLSearchParams(), headers: {}, body: Buffer.from(JSON.stringify(body)) });
    return ((reply as { body: { code: string } }).body).code;
  }

  it('exchanges a code through discovery, the token endpoint and the JWKS; a second use is refused', async () => {
    const standIn = new IdentityServiceStandIn({ issuer: ISSUER, clientId: CLIENT, clientSecret: SECRET });
    const service = portalIdentityService({ issuer: ISSUER, clientId: CLIENT, clientSecret: async () => SECRET, fetch: viaStandIn(standIn) });
    const code = await mint(standIn, { personId: 'zhang', redirectUri: REDIRECT });
    await expect(service.exchange({ code, redirectUri: REDIRECT })).resolves.toMatchObject({ sub: 'uias-0000000001', idNumber: ID_NUMBER, name: '张皖生' });
    await expect(service.exchange({ code, redirectUri: REDIRECT })).rejects.toBeInstanceOf(PortalRefusedError);
  });

  it('is unavailable, not refused, when the secret is wrong or the service cannot be reached', async () => {
    const standIn = new IdentityServiceStandIn({ issuer: ISSUER, clientId: CLIENT, clientSecret: SECRET });
    const wrongSecret = portalIdentityService({ issuer: ISSUER, clientId: CLIENT, clientSecret: async () => 'wrong', fetch: viaStandIn(standIn) });
    await expect(wrongSecret.exchange({ code: await mint(standIn, { personId: 'li', redirectUri: REDIRECT }), redirectUri: REDIRECT })).rejects.toBeInstanceOf(PortalUnavailableError);
    const unreachable = portalIdentityService({ issuer: ISSUER, clientId: CLIENT, clientSecret: async () => SECRET, fetch: viaStandIn(standIn, { token: true }) });
    await expect(unreachable.exchange({ code: await mint(standIn, { personId: 'li', redirectUri: REDIRECT }), redirectUri: REDIRECT })).rejects.toBeInstanceOf(PortalUnavailableError);
  });

  it('refuses a discovery document of another issuer', async () => {
    const standIn = new IdentityServiceStandIn({ issuer: 'https://elsewhere.example/uias', clientId: CLIENT, clientSecret: SECRET });
    const service = portalIdentityService({ issuer: ISSUER, clientId: CLIENT, clientSecret: async () => SECRET, fetch: viaStandIn(standIn) });
    await expect(service.exchange({ code: 'x', redirectUri: REDIRECT })).rejects.toBeInstanceOf(PortalUnavailableError);
  });
});
