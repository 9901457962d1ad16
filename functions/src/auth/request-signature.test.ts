import { canonicalRequest } from '@ah-tourism/shared/src/auth/open-api';
import type { HttpEvent } from '../platform/http';
import { deriveAppSecret, secretFingerprint, type AppKey } from './app-keys';
import { bodyHash, signCanonical, verifySignedRequest, type SignatureDeps } from './request-signature';

const MASTER = 'unit-master-secret';
const KEY_ID = 'ak_0123456789abcdef01234567';
const NOW = 1_796_371_200;
const secret = deriveAppSecret(MASTER, KEY_ID);

function key(overrides: Partial<AppKey> = {}): AppKey {
  return { keyId: KEY_ID, consumer: 'ahzwfw', name: '安徽政务服务网', scopes: ['portal'], status: 'active', createdAt: '2026-12-01T00:00:00.000Z', fingerprint: secretFingerprint(secret), ...overrides };
}

function deps(stored: AppKey | null = key()) {
  const used = new Set<string>();
  const ledger: SignatureDeps = {
    readKey: async (id) => (id === stored?.keyId ? stored : undefined),
    masterSecret: async () => MASTER,
    claimNonce: async (id, nonce) => !used.has(`${id}#${nonce}`) && !!used.add(`${id}#${nonce}`),
    now: () => NOW * 1000,
  };
  return { ledger, used };
}

function event(options: { method?: string; path?: string; query?: string; body?: string; timestamp?: number; nonce?: string; signWith?: string; headers?: Record<string, string> } = {}): HttpEvent {
  const method = options.method ?? 'GET';
  const path = options.path ?? '/open/v1/cases/20261205341000ABCDEFGH';
  const query = options.query ?? '';
  const body = options.body ?? '';
  const timestamp = String(options.timestamp ?? NOW);
  const nonce = options.nonce ?? '2f1d6c0e-7a5b-4c1e-9d1a-3b2c4d5e6f70';
  const signature = signCanonical(options.signWith ?? secret, canonicalRequest({ method, path, query, timestamp, nonce, bodyHash: bodyHash(body) }));
  return {
    rawPath: path,
    rawQueryString: query,
    body: body || undefined,
    isBase64Encoded: false,
    requestContext: { http: { method } },
    headers: options.headers ?? { 'x-ah-app-key': KEY_ID, 'x-ah-timestamp': timestamp, 'x-ah-nonce': nonce, 'x-ah-signature': signature },
  } as unknown as HttpEvent;
}

const refusal = (promise: Promise<unknown>) => promise.then(() => 'accepted', (error: { code?: string }) => error.code);

describe('signCanonical', () => {
  it('is hex HMAC-SHA256 with the secret as UTF-8 text, as `openssl dgst -sha256 -hmac` computes it', () => {
    const canonical = canonicalRequest({ method: 'GET', path: '/open/v1/cases/20261205341000ABCDEFGH', query: '', timestamp: '1796371200', nonce: '2f1d6c0e-7a5b-4c1e-9d1a-3b2c4d5e6f70', bodyHash: bodyHash('') });
    expect(signCanonical('test-secret', canonical)).toBe('edef23300d98fafbbb8bf1a9f2b49d0f8b919fe359f21699e52e1ac26da554cc');
  });
});

describe('verifySignedRequest', () => {
  it('answers who signed a good request, and spends its nonce', async () => {
    const { ledger, used } = deps();
    await expect(verifySignedRequest(event({ method: 'POST', path: '/open/v1/licences/verify', query: 'b=2&a=1', body: '{"token":"x"}' }), 'portal', ledger)).resolves.toEqual({ keyId: KEY_ID, consumer: 'ahzwfw', scopes: ['portal'] });
    expect(used.size).toBe(1);
  });

  it('refuses each fault with its own code, spending no nonce on any', async () => {
    const { ledger, used } = deps();
    expect(await refusal(verifySignedRequest(event({ headers: { 'x-ah-app-key': KEY_ID } }), 'portal', ledger))).toBe('OPEN_API_SIGNATURE_MISSING');
    expect(await refusal(verifySignedRequest(event({ signWith: 'other' }), 'portal', ledger))).toBe('OPEN_API_SIGNATURE_INVALID');
    expect(await refusal(verifySignedRequest(event({ timestamp: NOW - 301 }), 'portal', ledger))).toBe('OPEN_API_TIMESTAMP_STALE');
    expect(await refusal(verifySignedRequest(event({ timestamp: NOW + 301 }), 'portal', ledger))).toBe('OPEN_API_TIMESTAMP_STALE');
    expect(await refusal(verifySignedRequest(event({ nonce: 'short' }), 'portal', ledger))).toBe('OPEN_API_SIGNATURE_INVALID');
    expect(await refusal(verifySignedRequest(event(), 'national_records', ledger))).toBe('OPEN_API_SCOPE_FORBIDDEN');
    expect(await refusal(verifySignedRequest(event(), 'portal', deps(key({ status: 'revoked' })).ledger))).toBe('OPEN_API_KEY_REVOKED');
    expect(await refusal(verifySignedRequest(event(), 'portal', deps(null).ledger))).toBe('OPEN_API_KEY_UNKNOWN');
    expect(used.size).toBe(0);
  });

  it('accepts a timestamp at the edge of the window, and a nonce only once', async () => {
    const { ledger } = deps();
    await expect(verifySignedRequest(event({ timestamp: NOW - 300 }), 'portal', ledger)).resolves.toMatchObject({ keyId: KEY_ID });
    expect(await refusal(verifySignedRequest(event({ timestamp: NOW - 300 }), 'portal', ledger))).toBe('OPEN_API_NONCE_REUSED');
  });

  it('fails closed when the master secret is not the one the key was issued under', async () => {
    const { ledger } = deps();
    const signedWithNew = event({ signWith: deriveAppSecret('another-master', KEY_ID) });
    expect(await refusal(verifySignedRequest(signedWithNew, 'portal', { ...ledger, masterSecret: async () => 'another-master' }))).toBe('OPEN_API_KEY_UNKNOWN');
  });

  it('refuses a body over 64 KB before hashing it', async () => {
    const { ledger } = deps();
    expect(await refusal(verifySignedRequest(event({ method: 'POST', body: 'x'.repeat(64 * 1024 + 1) }), 'portal', ledger))).toBe('COMMON_PAYLOAD_TOO_LARGE');
  });

  it('never stores the secret: the key row holds its fingerprint, and each key id derives its own secret', () => {
    expect(JSON.stringify(key())).not.toContain(secret);
    expect(deriveAppSecret(MASTER, 'ak_ffffffffffffffffffffffff')).not.toBe(secret);
  });
});
