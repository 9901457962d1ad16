/**
 * A local stand-in for the provincial unified identity service (安徽政务服务网统一身份认证), served by the
 * WeChat stand-in's server under `/ahzwfw/uias` (the real service cannot be reached from local runs and
 * tests). It speaks OpenID Connect's authorisation-code flow as functions/src/auth/portal-identity.ts
 * expects it:
 *  - GET  /ahzwfw/uias/.well-known/openid-configuration   discovery
 *  - GET  /ahzwfw/uias/authorize    redirects at once to redirect_uri with a code for the chosen test person
 *                                   (login_hint, or the one set through the control API, or the first)
 *  - POST /ahzwfw/uias/token        client_secret_post or client_secret_basic; one-time codes valid 5 minutes,
 *                                   redirect_uri and PKCE (S256) checked; answers an RS256 id_token
 *  - GET  /ahzwfw/uias/jwks         the signing key
 *  - GET  /ahzwfw/uias/userinfo     the person of a bearer access token
 * id_token claims: sub, name (verified real name), cert_type ('111' 居民身份证), cert_no, phone_number,
 * real_name_verified, nonce when the authorisation had one. The checks are its own (not the adapter's
 * code), so a mistake in either shows. A control API under /__control/identity/ mints a code for a person
 * (as the portal does before a deep link), lists the requests it received, makes the token endpoint fail
 * and resets. All state is in memory; the signing key is made when the stand-in starts.
 */
import { createHash, generateKeyPairSync, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import { SignJWT, exportJWK } from 'jose';
import type { ProvincialService, ServiceReply, ServiceRequest } from './provincial-service';

export const IDENTITY_SERVICE_PREFIX = '/ahzwfw/uias';
export const IDENTITY_CONTROL_PREFIX = '/__control/identity/';
const CODE_TTL_MS = 5 * 60_000;
const KEY_ID = 'uias-local-1';

/** A seeded person of the stand-in: verified real name and resident ID number. */
export interface IdentityPerson {
  personId: string;
  sub: string;
  name: string;
  idNumber: string;
  mobile: string;
}

/** The seeded persons (valid resident ID numbers; not real people). */
export const IDENTITY_PERSONS: readonly IdentityPerson[] = [
  { personId: 'zhang', sub: 'uias-0000000001', name: '张皖生', idNumber: '34100219850312002X', mobile: '13955900001' },
  { personId: 'li', sub: 'uias-0000000002', name: '李合肥', idNumber: '340104199007081529', mobile: '13955900002' },
  { personId: 'wang', sub: 'uias-0000000003', name: '王安庆', idNumber: '340221197811230049', mobile: '13955900003' },
];

interface IssuedCode {
  code: string;
  person: IdentityPerson;
  clientId: string;
  redirectUri: string;
  nonce?: string;
  codeChallenge?: string;
  expiresAt: number;
  used: boolean;
}

/** A request the stand-in received, as the control API lists it (no secrets, no codes). */
export interface RecordedIdentityRequest {
  receivedAt: string;
  endpoint: 'authorize' | 'token' | 'userinfo';
  clientId: string | null;
  /** What it answered: 'ok' or an OAuth error code. */
  outcome: string;
}

export interface IdentityFailureRule {
  mode: 'http5xx' | 'timeout';
  times: number;
}

const sha256url = (text: string) => createHash('sha256').update(text).digest('base64url');

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function readJson(request: ServiceRequest): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(request.body.toString('utf8') || '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const oauthError = (status: number, error: string, description: string): ServiceReply => ({ status, body: { error, error_description: description } });

export class IdentityServiceStandIn implements ProvincialService {
  private codes = new Map<string, IssuedCode>();
  private accessTokens = new Map<string, IdentityPerson>();
  private requests: RecordedIdentityRequest[] = [];
  private rules: IdentityFailureRule[] = [];
  private nextPerson: string | undefined;
  private readonly keys: { privateKey: KeyObject; publicKey: KeyObject };

  constructor(private readonly options: { issuer: string; clientId: string; clientSecret: string; persons?: readonly IdentityPerson[]; now?: () => number }) {
    this.keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  }

  /** Persons added through the control API (a fresh person per test), beside the seeded ones. */
  private added: IdentityPerson[] = [];

  private get persons(): readonly IdentityPerson[] {
    return [...(this.options.persons ?? IDENTITY_PERSONS), ...this.added];
  }

  private now() {
    return (this.options.now ?? Date.now)();
  }

  private record(endpoint: RecordedIdentityRequest['endpoint'], clientId: string | null, outcome: string) {
    this.requests.push({ receivedAt: new Date(this.now()).toISOString(), endpoint, clientId, outcome });
  }

  handle(request: ServiceRequest): ServiceReply | undefined | Promise<ServiceReply | undefined> {
    if (request.path.startsWith(IDENTITY_CONTROL_PREFIX)) return this.control(request);
    if (!request.path.startsWith(`${IDENTITY_SERVICE_PREFIX}/`)) return undefined;
    const route = `${request.method} ${request.path.slice(IDENTITY_SERVICE_PREFIX.length)}`;
    switch (route) {
      case 'GET /.well-known/openid-configuration':
        return { status: 200, body: this.discovery() };
      case 'GET /jwks':
        return this.jwks();
      case 'GET /authorize':
        return this.authorize(request);
      case 'POST /token':
        return this.token(request);
      case 'GET /userinfo':
        return this.userinfo(request);
      default:
        return { status: 404, body: { error: 'not_found' } };
    }
  }

  private discovery() {
    const base = this.options.issuer;
    return {
      issuer: base,
      authorization_endpoint: `${base}/authorize`,
      token_endpoint: `${base}/token`,
      jwks_uri: `${base}/jwks`,
      userinfo_endpoint: `${base}/userinfo`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: ['openid', 'profile', 'idcard', 'phone'],
      claims_supported: ['sub', 'name', 'cert_type', 'cert_no', 'phone_number', 'real_name_verified', 'nonce'],
    };
  }

  private async jwks(): Promise<ServiceReply> {
    const jwk = await exportJWK(this.keys.publicKey);
    return { status: 200, body: { keys: [{ ...jwk, kid: KEY_ID, use: 'sig', alg: 'RS256' }] } };
  }

  private issueCode(person: IdentityPerson, fields: { clientId: string; redirectUri: string; nonce?: string; codeChallenge?: string; expiresInSeconds?: number }): string {
    const code = randomBytes(24).toString('base64url');
    const ttl = fields.expiresInSeconds !== undefined ? fields.expiresInSeconds * 1000 : CODE_TTL_MS;
    this.codes.set(code, {
      code,
      person,
      clientId: fields.clientId,
      redirectUri: fields.redirectUri,
      ...(fields.nonce ? { nonce: fields.nonce } : {}),
      ...(fields.codeChallenge ? { codeChallenge: fields.codeChallenge } : {}),
      expiresAt: this.now() + ttl,
      used: false,
    });
    return code;
  }

  /** No login form: the chosen test person "signs in" at once and the browser goes back with a code. */
  private authorize(request: ServiceRequest): ServiceReply {
    const q = request.query;
    const clientId = q.get('client_id');
    const redirectUri = q.get('redirect_uri');
    if (clientId !== this.options.clientId || !redirectUri) {
      this.record('authorize', clientId, 'invalid_request');
      return oauthError(400, 'invalid_request', 'unknown client_id or missing redirect_uri');
    }
    const challenge = q.get('code_challenge');
    if (q.get('response_type') !== 'code' || (challenge && q.get('code_challenge_method') !== 'S256')) {
      this.record('authorize', clientId, 'invalid_request');
      return oauthError(400, 'invalid_request', 'response_type=code and code_challenge_method=S256 are required');
    }
    const wanted = q.get('login_hint') ?? this.nextPerson;
    const person = this.persons.find((p) => p.personId === wanted) ?? this.persons[0]!;
    const code = this.issueCode(person, { clientId, redirectUri, ...(q.get('nonce') ? { nonce: q.get('nonce')! } : {}), ...(challenge ? { codeChallenge: challenge } : {}) });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    const state = q.get('state');
    if (state) target.searchParams.set('state', state);
    this.record('authorize', clientId, 'ok');
    return { status: 302, body: {}, headers: { Location: target.toString(), 'Cache-Control': 'no-store' } };
  }

  /** The client's credentials: client_secret_basic (Authorization header) or client_secret_post (form). */
  private client(request: ServiceRequest, form: URLSearchParams): { id: string | null; ok: boolean } {
    const auth = request.headers.authorization;
    if (typeof auth === 'string' && auth.startsWith('Basic ')) {
      const [id = '', secret = ''] = Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':').map((part) => decodeURIComponent(part));
      return { id, ok: id === this.options.clientId && same(secret, this.options.clientSecret) };
    }
    const id = form.get('client_id');
    const secret = form.get('client_secret') ?? '';
    return { id, ok: id === this.options.clientId && same(secret, this.options.clientSecret) };
  }

  private async token(request: ServiceRequest): Promise<ServiceReply> {
    const form = new URLSearchParams(request.body.toString('utf8'));
    const client = this.client(request, form);
    const rule = this.rules[0];
    if (rule) {
      rule.times -= 1;
      if (rule.times <= 0) this.rules.shift();
      this.record('token', client.id, `injected_${rule.mode}`);
      return rule.mode === 'timeout' ? 'hold' : { status: 503, body: { error: 'temporarily_unavailable' } };
    }
    if (!client.ok) {
      this.record('token', client.id, 'invalid_client');
      return oauthError(401, 'invalid_client', 'client authentication failed');
    }
    if (form.get('grant_type') !== 'authorization_code') {
      this.record('token', client.id, 'unsupported_grant_type');
      return oauthError(400, 'unsupported_grant_type', 'grant_type must be authorization_code');
    }
    const issued = this.codes.get(form.get('code') ?? '');
    const refuse = (why: string) => {
      this.record('token', client.id, 'invalid_grant');
      return oauthError(400, 'invalid_grant', why);
    };
    if (!issued || issued.clientId !== client.id) return refuse('unknown code');
    if (issued.used) return refuse('code already used');
    if (issued.expiresAt <= this.now()) return refuse('code expired');
    if (form.get('redirect_uri') !== issued.redirectUri) return refuse('redirect_uri does not match the authorisation request');
    if (issued.codeChallenge) {
      const verifier = form.get('code_verifier');
      if (!verifier || !same(sha256url(verifier), issued.codeChallenge)) return refuse('PKCE verification failed');
    }
    issued.used = true;
    const person = issued.person;
    const nowSeconds = Math.floor(this.now() / 1000);
    const idToken = await new SignJWT({
      name: person.name,
      cert_type: '111',
      cert_no: person.idNumber,
      phone_number: person.mobile,
      real_name_verified: true,
      ...(issued.nonce ? { nonce: issued.nonce } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid: KEY_ID, typ: 'JWT' })
      .setIssuer(this.options.issuer)
      .setAudience(this.options.clientId)
      .setSubject(person.sub)
      .setIssuedAt(nowSeconds)
      .setExpirationTime(nowSeconds + 600)
      .sign(this.keys.privateKey);
    const accessToken = randomBytes(24).toString('base64url');
    this.accessTokens.set(accessToken, person);
    this.record('token', client.id, 'ok');
    return { status: 200, body: { access_token: accessToken, token_type: 'Bearer', expires_in: 600, scope: 'openid profile idcard phone', id_token: idToken }, headers: { 'Cache-Control': 'no-store' } };
  }

  private userinfo(request: ServiceRequest): ServiceReply {
    const auth = request.headers.authorization;
    const person = typeof auth === 'string' && auth.startsWith('Bearer ') ? this.accessTokens.get(auth.slice(7)) : undefined;
    if (!person) {
      this.record('userinfo', null, 'invalid_token');
      return oauthError(401, 'invalid_token', 'unknown access token');
    }
    this.record('userinfo', null, 'ok');
    return { status: 200, body: { sub: person.sub, name: person.name, cert_type: '111', cert_no: person.idNumber, phone_number: person.mobile, real_name_verified: true } };
  }

  private control(request: ServiceRequest): ServiceReply {
    const route = `${request.method} ${request.path.slice(IDENTITY_CONTROL_PREFIX.length)}`;
    if (route === 'GET persons') return { status: 200, body: { persons: this.persons } };
    if (route === 'GET requests') return { status: 200, body: { requests: this.requests } };
    if (route === 'POST codes') {
      const body = readJson(request);
      const person = this.persons.find((p) => p.personId === body?.personId);
      if (!body || !person || typeof body.redirectUri !== 'string') return { status: 400, body: { error: 'personId (a seeded person) and redirectUri are required' } };
      const code = this.issueCode(person, {
        clientId: typeof body.clientId === 'string' ? body.clientId : this.options.clientId,
        redirectUri: body.redirectUri,
        ...(typeof body.nonce === 'string' ? { nonce: body.nonce } : {}),
        ...(typeof body.codeChallenge === 'string' ? { codeChallenge: body.codeChallenge } : {}),
        ...(typeof body.expiresInSeconds === 'number' ? { expiresInSeconds: body.expiresInSeconds } : {}),
      });
      return { status: 200, body: { code, sub: person.sub } };
    }
    if (route === 'POST persons') {
      const body = readJson(request);
      if (!body || typeof body.name !== 'string' || typeof body.idNumber !== 'string') return { status: 400, body: { error: 'name and idNumber are required' } };
      const suffix = randomBytes(6).toString('hex');
      const person: IdentityPerson = {
        personId: typeof body.personId === 'string' ? body.personId : `p-${suffix}`,
        sub: `uias-${suffix}`,
        name: body.name,
        idNumber: body.idNumber,
        mobile: typeof body.mobile === 'string' ? body.mobile : '13955900099',
      };
      if (this.persons.some((p) => p.personId === person.personId)) return { status: 409, body: { error: 'personId taken' } };
      this.added.push(person);
      return { status: 200, body: { person } };
    }
    if (route === 'POST next-person') {
      const body = readJson(request);
      if (!this.persons.some((p) => p.personId === body?.personId)) return { status: 400, body: { error: 'personId must be a seeded person' } };
      this.nextPerson = body!.personId as string;
      return { status: 200, body: { ok: true } };
    }
    if (route === 'POST failures') {
      const rule = readJson(request) as IdentityFailureRule | undefined;
      if (!rule || !['http5xx', 'timeout'].includes(rule.mode) || !Number.isInteger(rule.times) || rule.times < 1) {
        return { status: 400, body: { error: 'mode (http5xx|timeout) and times ≥ 1 are required' } };
      }
      this.rules.push({ mode: rule.mode, times: rule.times });
      return { status: 200, body: { ok: true } };
    }
    if (route === 'POST reset') {
      this.requests = [];
      this.rules = [];
      this.nextPerson = undefined;
      return { status: 200, body: { ok: true } };
    }
    return { status: 404, body: { error: 'not found' } };
  }
}
