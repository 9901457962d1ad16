import { createPrivateKey, createPublicKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { resetConfig } from '../platform/config';
import { AppError } from '../platform/errors';
import { issueAccessToken, resetTokenKeys, verifyAccessToken } from './tokens';

/** The local stage's published development key (LOCAL_SESSION_KEY in stages/local.yml). */
const LOCAL_KEY =
  'eyJrdHkiOiJFQyIsIngiOiJtSG1ncVg0YlZOWXhybFcwWnZJRHAxeVNqcjkxZjYwQnRLclQtNUtmNWtrIiwieSI6IkZGc0djcFJDX0x4TDhiY28yUzdtSU01UjFOb3RFVVZzcVpPOTc1dTl6T1kiLCJjcnYiOiJQLTI1NiIsImQiOiJSYjRWZnV0cURrNEZpZE5YTVNuWlR6WEhUVmJ3NjBMbG83MHZGSzl0Z1pBIn0';
const privateKey = createPrivateKey({ key: JSON.parse(Buffer.from(LOCAL_KEY, 'base64url').toString()), format: 'jwk' });
const publicJwk = JSON.stringify(createPublicKey(privateKey).export({ format: 'jwk' }));
const user = { userId: 'u_1', displayName: '张三', provincialAdmin: false };

const saved = { ...process.env };
function stage(name: string, extra: Record<string, string> = {}) {
  process.env = { ...saved, STAGE: name, TABLE_NAME: 't', ...extra };
  resetConfig();
  resetTokenKeys();
}
afterEach(() => {
  process.env = saved;
  resetConfig();
  resetTokenKeys();
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

const sign = (claims: Record<string, unknown>, audience: string, expiresIn: number) => {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sid: 's_1', ...claims })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject('u_1')
    .setIssuer('ah-tourism')
    .setAudience(audience)
    .setIssuedAt(now - 10)
    .setExpirationTime(now + expiresIn)
    .sign(privateKey);
};

describe('access tokens', () => {
  it('prove who is calling, with their staff binding', async () => {
    stage('local', { LOCAL_SESSION_KEY: LOCAL_KEY });
    const staff = { staffId: 'st_1', organisationCode: 'X', organisationName: '黄山市文化和旅游局', regionCode: '341000', level: 'city' as const, permissions: ['pre_review' as const] };
    const { token } = await issueAccessToken({ ...user, staff }, 's_1');
    await expect(verifyAccessToken(token)).resolves.toEqual({ userId: 'u_1', sessionId: 's_1', provincialAdmin: false, staff });
  });

  it('refuses an expired token as expired', async () => {
    stage('local', { LOCAL_SESSION_KEY: LOCAL_KEY });
    expect(await codeOf(verifyAccessToken(await sign({}, 'ah-tourism-local', -60)))).toBe('AUTH_TOKEN_EXPIRED');
  });

  it('refuses a tampered token, an unsigned one and one signed by another key', async () => {
    stage('local', { LOCAL_SESSION_KEY: LOCAL_KEY });
    const { token } = await issueAccessToken(user, 's_1');
    const [head, body, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'u_2' })).toString('base64url');
    expect(await codeOf(verifyAccessToken(`${head}.${forged}.${signature}`))).toBe('AUTH_TOKEN_INVALID');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(await codeOf(verifyAccessToken(`${none}.${body}.`))).toBe('AUTH_TOKEN_INVALID');
    const { privateKey: otherKey } = await import('node:crypto').then((c) => c.generateKeyPairSync('ec', { namedCurve: 'P-256' }));
    const other = await new SignJWT({ sid: 's_1' }).setProtectedHeader({ alg: 'ES256' }).setSubject('u_1').setIssuer('ah-tourism').setAudience('ah-tourism-local').setExpirationTime('5m').sign(otherKey);
    expect(await codeOf(verifyAccessToken(other))).toBe('AUTH_TOKEN_INVALID');
  });

  it('in production, refuses local and developer-persona tokens even under the same key', async () => {
    stage('prod', { SESSION_PUBLIC_KEY: publicJwk });
    expect(await codeOf(verifyAccessToken(await sign({ amr: ['dev'] }, 'ah-tourism-local', 300)))).toBe('AUTH_TOKEN_INVALID');
    expect(await codeOf(verifyAccessToken(await sign({}, 'ah-tourism-local', 300)))).toBe('AUTH_TOKEN_INVALID');
    expect(await codeOf(verifyAccessToken(await sign({ amr: ['dev'] }, 'ah-tourism-prod', 300)))).toBe('AUTH_TOKEN_INVALID');
    // The control: a production token of the production stage is accepted.
    expect(await codeOf(verifyAccessToken(await sign({}, 'ah-tourism-prod', 300)))).toBe('accepted');
  });

  it('refuses to sign with the local key outside the local stage', async () => {
    stage('prod', { LOCAL_SESSION_KEY: LOCAL_KEY });
    await expect(issueAccessToken(user, 's_1')).rejects.toThrow(/local-only/);
  });
});
