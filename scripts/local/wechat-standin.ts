/**
 * A local stand-in for the WeChat server APIs the functions call (WeChat's servers cannot be reached
 * from local runs and tests). It speaks WeChat's documented contract for
 *  - GET  /sns/jscode2session                (mini-program login)
 *  - POST /cgi-bin/stable_token              (and the older GET /cgi-bin/token)
 *  - POST /cgi-bin/message/subscribe/send    (subscribe messages, validated against the templates)
 * and records what it was sent. A control API under /__control/ mints login codes, lists recorded
 * messages, queues injected failures, and reports or resets counters. All state is in memory.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  FIELD_LIMITS,
  LOCAL_TEMPLATE_IDS,
  TEMPLATE_KEYS,
  TEMPLATES,
  type TemplateDefinition,
  type TemplateFieldKind,
} from '../../shared/src/notifications/templates';
import { LicenceServiceStandIn } from './licence-service-standin';
import type { ProvincialService, ServiceReply } from './provincial-service';
import { assertPortFree, type Managed } from './process';

export interface WechatStandInOptions {
  /** 0 picks an ephemeral port. */
  port: number;
  /** Defaults to 127.0.0.1 (loopback only). */
  host?: string;
  appId: string;
  appSecret: string;
  /** templateId -> definition; only these template ids exist. */
  templates: Record<string, TemplateDefinition>;
  log?: (line: string) => void;
  /** Clock in epoch milliseconds (tests use it to age codes and tokens); defaults to Date.now. */
  now?: () => number;
  /** Also serve the provincial e-licence service's stand-in (licence-service-standin.ts) with these credentials. */
  licenceService?: { appId: string; secret: string };
  /** Further provincial stand-ins served on the same server, each under its own path prefixes. */
  services?: ProvincialService[];
}

export type StandInApi = 'send' | 'stable_token' | 'jscode2session';
export type FailureMode = 'timeout' | 'http5xx' | 'errcode';

/** An injected failure: the next `times` matching calls fail this way. */
export interface FailureRule {
  api: StandInApi;
  mode: FailureMode;
  /** mode 'errcode' only, e.g. 45009, 43101, -1. */
  errcode?: number;
  errmsg?: string;
  times: number;
  /** api 'send' only: fail only sends to this openid. */
  touser?: string;
}

export type MiniprogramState = 'developer' | 'trial' | 'formal';
export type MessageLang = 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW';

/** An accepted subscribe message, as it was sent (absent optional fields are null). */
export interface RecordedMessage {
  msgid: number;
  receivedAt: string;
  touser: string;
  templateId: string;
  templateTitle: string;
  page: string | null;
  data: Record<string, { value: string }>;
  miniprogramState: MiniprogramState | null;
  lang: MessageLang | null;
}

/** A subscribe-message send that WeChat would have refused. `body` is the parsed request (null if not JSON). */
export interface RejectedSend {
  receivedAt: string;
  errcode: number;
  errmsg: string;
  touser: string | null;
  templateId: string | null;
  body: unknown;
}

export interface StandInStats {
  stableToken: { normal: number; forced: number };
  send: { accepted: number; rejected: number; failedInjected: number };
  jscode2session: { ok: number; failed: number };
}

export interface MessageFilter {
  touser?: string;
  templateId?: string;
  /** ISO time; only records received at or after it. */
  since?: string;
}

/** The local stage's templates keyed by their local template ids (what the local stack passes in). */
export function localTemplates(): Record<string, TemplateDefinition> {
  return Object.fromEntries(TEMPLATE_KEYS.map((key) => [LOCAL_TEMPLATE_IDS[key], TEMPLATES[key]]));
}

const CODE_TTL_MS = 5 * 60_000;
const TOKEN_TTL_S = 7200;
const HOLD_MS = 30_000;
const MAX_BODY_BYTES = 1024 * 1024;
const OPENID = /^[A-Za-z0-9_-]{6,64}$/;
const STANDIN_CODE_PREFIX = 'standin:';
const MAX_PAGE_LENGTH = 1024;
const MINIPROGRAM_STATES: readonly MiniprogramState[] = ['developer', 'trial', 'formal'];
const LANGS: readonly MessageLang[] = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW'];
const APIS: readonly StandInApi[] = ['send', 'stable_token', 'jscode2session'];
const MODES: readonly FailureMode[] = ['timeout', 'http5xx', 'errcode'];

// ---------------------------------------------------------------------------------------------
// WeChat errors
// ---------------------------------------------------------------------------------------------

interface WechatError {
  errcode: number;
  errmsg: string;
}

const ERRORS = {
  invalidCredential: { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' },
  invalidGrantType: { errcode: 40002, errmsg: 'invalid grant_type' },
  invalidOpenid: { errcode: 40003, errmsg: 'invalid openid' },
  invalidAppId: { errcode: 40013, errmsg: 'invalid appid' },
  invalidCode: { errcode: 40029, errmsg: 'invalid code' },
  invalidTemplateId: { errcode: 40037, errmsg: 'invalid template_id' },
  invalidAppSecret: { errcode: 40125, errmsg: 'invalid appsecret' },
  codeUsed: { errcode: 40163, errmsg: 'code been used' },
  missingCode: { errcode: 41008, errmsg: 'missing code' },
  tokenExpired: { errcode: 42001, errmsg: 'access_token expired' },
  dataFormat: { errcode: 47001, errmsg: 'data format error' },
} as const satisfies Record<string, WechatError>;

/** Default errmsg for injected errcodes (WeChat's wording). */
const KNOWN_ERRMSGS: Record<number, string> = {
  [-1]: 'system error',
  45009: 'reach max api daily quota limit',
  43101: 'user refuse to accept the msg',
  43107: 'subscribe message not allowed',
};

function argumentInvalid(detail: string): WechatError {
  return { errcode: 47003, errmsg: `argument invalid! ${detail}` };
}

type Result<T> = { ok: true; value: T } | { ok: false; error: WechatError };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const failed = <T>(error: WechatError): Result<T> => ({ ok: false, error });

// ---------------------------------------------------------------------------------------------
// Subscribe-message validation
// ---------------------------------------------------------------------------------------------

const DATE = String.raw`\d{4}(?:年(?:0?[1-9]|1[0-2])月(?:0?[1-9]|[12]\d|3[01])日|[-/](?:0?[1-9]|1[0-2])[-/](?:0?[1-9]|[12]\d|3[01]))`;
const CLOCK = String.raw`(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?`;
const TIME_POINT = `(?:${DATE}(?: ?${CLOCK})?|${CLOCK})`;
/** "2026年11月27日 14:05", "2026-11-27 14:05", "14:05", or a range of two joined by "~". */
const TIME = new RegExp(`^${TIME_POINT}(?: ?~ ?${TIME_POINT})?$`);

/** What each field kind accepts beyond being non-empty and within FIELD_LIMITS[kind] characters. */
const KIND_FORMATS: Record<TemplateFieldKind, { pattern: RegExp; expected: string }> = {
  thing: { pattern: /^[\s\S]+$/, expected: 'any text' },
  character_string: { pattern: /^[0-9A-Za-z_\-.:/#]+$/, expected: 'letters, digits and _-.:/# only' },
  phrase: { pattern: /^[\u4e00-\u9fa5]+$/, expected: 'Chinese characters only' },
  time: { pattern: TIME, expected: 'a time such as 2026年11月27日 14:05 or 2026-11-27 14:05' },
  name: { pattern: /^[\s\S]+$/, expected: 'a name' },
  phone_number: { pattern: /^[0-9+\-() ]+$/, expected: 'digits and +-() or space only' },
  number: { pattern: /^\d+(?:\.\d+)?$/, expected: 'a number (digits, optionally with a decimal point)' },
};

/** Why a value is not acceptable for its kind, or null. */
function valueProblem(kind: TemplateFieldKind, value: string): string | null {
  if (value.trim() === '') return 'is empty';
  const length = Array.from(value).length;
  if (length > FIELD_LIMITS[kind]) return `exceeds the ${kind} length limit: ${length} > ${FIELD_LIMITS[kind]} characters`;
  const format = KIND_FORMATS[kind];
  return format.pattern.test(value) ? null : `is not a valid ${kind}: expected ${format.expected}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The data problem in WeChat's wording ("argument invalid! data.thing2.value ..."), or null. */
function dataProblem(template: TemplateDefinition, data: unknown): string | null {
  if (!isRecord(data)) return 'data must be an object of {key: {value}}';
  for (const field of template.fields) {
    const entry = data[field.key];
    if (entry === undefined) return `data.${field.key}.value is missing (${field.label})`;
    if (!isRecord(entry) || typeof entry.value !== 'string') return `data.${field.key}.value must be a string`;
    const problem = valueProblem(field.kind, entry.value);
    if (problem) return `data.${field.key}.value ${problem}`;
  }
  const declared = new Set(template.fields.map((field) => field.key));
  const unknown = Object.keys(data).find((key) => !declared.has(key));
  return unknown === undefined ? null : `data.${unknown} is not a field of template "${template.title}"`;
}

function optionalOneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T | undefined {
  return value === undefined || allowed.includes(value as T);
}

type SendFields = Omit<RecordedMessage, 'msgid' | 'receivedAt'>;

/** Everything but the access token; yields the message to record. */
function validateSend(body: Record<string, unknown>, templates: Record<string, TemplateDefinition>): Result<SendFields> {
  const { touser, template_id: templateId, page, data, miniprogram_state: state, lang } = body;
  if (typeof touser !== 'string' || !OPENID.test(touser)) return failed(ERRORS.invalidOpenid);
  const template = typeof templateId === 'string' ? templates[templateId] : undefined;
  if (!template || typeof templateId !== 'string') return failed(ERRORS.invalidTemplateId);
  if (page !== undefined && (typeof page !== 'string' || page.length > MAX_PAGE_LENGTH)) {
    return failed(argumentInvalid(`page must be a string of at most ${MAX_PAGE_LENGTH} characters`));
  }
  if (!optionalOneOf(state, MINIPROGRAM_STATES)) return failed(argumentInvalid(`miniprogram_state must be one of ${MINIPROGRAM_STATES.join('/')}`));
  if (!optionalOneOf(lang, LANGS)) return failed(argumentInvalid(`lang must be one of ${LANGS.join('/')}`));
  const problem = dataProblem(template, data);
  if (problem) return failed(argumentInvalid(problem));
  return ok({
    touser,
    templateId,
    templateTitle: template.title,
    page: page ?? null,
    data: data as RecordedMessage['data'],
    miniprogramState: state ?? null,
    lang: lang ?? null,
  });
}

/** The control API's failure rule, or why it is not one. */
function parseFailureRule(body: Record<string, unknown>): FailureRule | string {
  const { api, mode, errcode, errmsg, times, touser } = body;
  if (!APIS.includes(api as StandInApi)) return `api must be one of ${APIS.join(', ')}`;
  if (!MODES.includes(mode as FailureMode)) return `mode must be one of ${MODES.join(', ')}`;
  if (!Number.isInteger(times) || (times as number) < 1) return 'times must be a positive integer';
  if (mode === 'errcode' && (!Number.isInteger(errcode) || errcode === 0)) return 'mode errcode needs a non-zero integer errcode';
  if (errmsg !== undefined && typeof errmsg !== 'string') return 'errmsg must be a string';
  if (touser !== undefined && (api !== 'send' || typeof touser !== 'string')) return 'touser (a string) only narrows send rules';
  return {
    api: api as StandInApi,
    mode: mode as FailureMode,
    times: times as number,
    ...(errcode === undefined ? {} : { errcode: errcode as number }),
    ...(errmsg === undefined ? {} : { errmsg }),
    ...(touser === undefined ? {} : { touser }),
  };
}

function parseJsonObject(body: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

const randomToken = (bytes: number) => randomBytes(bytes).toString('base64url');

// ---------------------------------------------------------------------------------------------
// Replies and routing
// ---------------------------------------------------------------------------------------------

type Reply = { type: 'json'; status: number; body: object; headers?: Record<string, string> } | { type: 'text'; status: number; body: string } | { type: 'hold' };

const json = (body: object, status = 200): Reply => ({ type: 'json', status, body });
const badRequest = (error: string): Reply => json({ error }, 400);
const NOT_FOUND = json({ errcode: -1, errmsg: 'not found' }, 404);

interface Request {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Buffer;
}

function failureReply(rule: FailureRule): Reply {
  if (rule.mode === 'timeout') return { type: 'hold' };
  if (rule.mode === 'http5xx') return { type: 'text', status: 503, body: 'Service Unavailable' };
  const errcode = rule.errcode ?? -1;
  return json({ errcode, errmsg: rule.errmsg ?? KNOWN_ERRMSGS[errcode] ?? `injected errcode ${errcode}` });
}

const emptyStats = (): StandInStats => ({
  stableToken: { normal: 0, forced: 0 },
  send: { accepted: 0, rejected: 0, failedInjected: 0 },
  jscode2session: { ok: 0, failed: 0 },
});

interface TokenCall {
  grantType: unknown;
  appId: unknown;
  secret: unknown;
  force: boolean;
}

/** The stand-in's state and request handling, apart from HTTP plumbing. */
class StandIn {
  private readonly codes = new Map<string, { openid: string; unionid?: string; issuedAt: number; used: boolean }>();
  private readonly usedStandinCodes = new Set<string>();
  private readonly tokens = new Map<string, { expiresAt: number; retired: boolean }>();
  private currentToken: string | null = null;
  private messages: RecordedMessage[] = [];
  private rejected: RejectedSend[] = [];
  private rules: FailureRule[] = [];
  private stats = emptyStats();
  private nextMsgId = 3_000_000_001;
  private readonly now: () => number;

  private readonly routes: Record<string, (request: Request) => Reply> = {
    'GET /sns/jscode2session': (r) => this.jscode2session(r.query),
    'POST /cgi-bin/stable_token': (r) => this.stableToken(r.body),
    'GET /cgi-bin/token': (r) => this.legacyToken(r.query),
    'POST /cgi-bin/message/subscribe/send': (r) => this.send(r.query, r.body),
    'GET /__control/health': () => json({ ok: true }),
    'POST /__control/codes': (r) => this.mintCode(r.body),
    'GET /__control/messages': (r) => this.listMessages(r.query),
    'POST /__control/failures': (r) => this.queueFailure(r.body),
    'GET /__control/stats': () => json(this.stats),
    'POST /__control/reset': () => this.reset(),
  };

  constructor(private readonly options: WechatStandInOptions) {
    this.now = options.now ?? Date.now;
  }

  handle(request: Request): Reply {
    return this.routes[`${request.method} ${request.path}`]?.(request) ?? NOT_FOUND;
  }

  // --- WeChat APIs ---------------------------------------------------------------------------

  private jscode2session(query: URLSearchParams): Reply {
    const injected = this.injectedFailure('jscode2session');
    if (injected) {
      this.stats.jscode2session.failed += 1;
      return injected;
    }
    const appError = this.appError(query.get('appid'), query.get('secret'), query.get('grant_type'), 'authorization_code');
    const session = appError ? failed<{ openid: string; unionid?: string }>(appError) : this.redeemCode(query.get('js_code'));
    if (!session.ok) {
      this.stats.jscode2session.failed += 1;
      return json(session.error);
    }
    this.stats.jscode2session.ok += 1;
    return json({ ...session.value, session_key: randomBytes(16).toString('base64') });
  }

  private stableToken(body: Buffer): Reply {
    const parsed = parseJsonObject(body);
    const call = { grantType: parsed?.grant_type, appId: parsed?.appid, secret: parsed?.secret, force: parsed?.force_refresh === true };
    return this.token(call, parsed !== null);
  }

  private legacyToken(query: URLSearchParams): Reply {
    return this.token({ grantType: query.get('grant_type'), appId: query.get('appid'), secret: query.get('secret'), force: false }, true);
  }

  private token(call: TokenCall, wellFormed: boolean): Reply {
    this.stats.stableToken[call.force ? 'forced' : 'normal'] += 1;
    const injected = this.injectedFailure('stable_token');
    if (injected) return injected;
    if (!wellFormed) return json(ERRORS.dataFormat);
    const error = this.appError(call.appId, call.secret, call.grantType, 'client_credential');
    return json(error ?? this.issueToken(call.force));
  }

  private send(query: URLSearchParams, rawBody: Buffer): Reply {
    const body = parseJsonObject(rawBody);
    const touser = typeof body?.touser === 'string' ? body.touser : undefined;
    const injected = this.injectedFailure('send', touser);
    if (injected) {
      this.stats.send.failedInjected += 1;
      return injected;
    }
    const tokenError = this.tokenError(query.get('access_token'));
    const checked: Result<SendFields> = tokenError ? failed(tokenError) : body ? validateSend(body, this.options.templates) : failed(ERRORS.dataFormat);
    const receivedAt = new Date(this.now()).toISOString();
    if (!checked.ok) {
      this.stats.send.rejected += 1;
      const templateId = typeof body?.template_id === 'string' ? body.template_id : null;
      this.rejected.push({ receivedAt, ...checked.error, touser: touser ?? null, templateId, body });
      return json(checked.error);
    }
    this.stats.send.accepted += 1;
    const msgid = this.nextMsgId++;
    this.messages.push({ msgid, receivedAt, ...checked.value });
    return json({ errcode: 0, errmsg: 'ok', msgid });
  }

  private appError(appId: unknown, secret: unknown, grantType: unknown, expectedGrant: string): WechatError | null {
    if (appId !== this.options.appId) return ERRORS.invalidAppId;
    if (secret !== this.options.appSecret) return ERRORS.invalidAppSecret;
    if (grantType !== expectedGrant) return ERRORS.invalidGrantType;
    return null;
  }

  /** Codes minted by the control API, or "standin:<openid>"; each works once. */
  private redeemCode(code: string | null): Result<{ openid: string; unionid?: string }> {
    if (!code) return failed(ERRORS.missingCode);
    if (code.startsWith(STANDIN_CODE_PREFIX)) {
      const openid = code.slice(STANDIN_CODE_PREFIX.length);
      if (!OPENID.test(openid)) return failed(ERRORS.invalidCode);
      if (this.usedStandinCodes.has(code)) return failed(ERRORS.codeUsed);
      this.usedStandinCodes.add(code);
      return ok({ openid });
    }
    const minted = this.codes.get(code);
    if (!minted) return failed(ERRORS.invalidCode);
    if (minted.used) return failed(ERRORS.codeUsed);
    if (this.now() - minted.issuedAt > CODE_TTL_MS) return failed(ERRORS.invalidCode);
    minted.used = true;
    return ok(minted.unionid === undefined ? { openid: minted.openid } : { openid: minted.openid, unionid: minted.unionid });
  }

  /** The current token while it is valid; force (or expiry) issues a new one, force retires the old. */
  private issueToken(force: boolean): { access_token: string; expires_in: number } {
    const now = this.now();
    const current = this.currentToken === null ? undefined : this.tokens.get(this.currentToken);
    if (this.currentToken !== null && current && !force && current.expiresAt > now) {
      return { access_token: this.currentToken, expires_in: Math.ceil((current.expiresAt - now) / 1000) };
    }
    if (current && force) current.retired = true;
    const token = randomToken(96);
    this.tokens.set(token, { expiresAt: now + TOKEN_TTL_S * 1000, retired: false });
    this.currentToken = token;
    return { access_token: token, expires_in: TOKEN_TTL_S };
  }

  private tokenError(token: string | null): WechatError | null {
    const entry = token ? this.tokens.get(token) : undefined;
    if (!entry || entry.retired) return ERRORS.invalidCredential;
    return entry.expiresAt <= this.now() ? ERRORS.tokenExpired : null;
  }

  /** Consumes one use of the first queued rule matching this call, if any. */
  private injectedFailure(api: StandInApi, touser?: string): Reply | null {
    const index = this.rules.findIndex((rule) => rule.api === api && (rule.touser === undefined || rule.touser === touser));
    const rule = this.rules[index];
    if (!rule) return null;
    rule.times -= 1;
    if (rule.times <= 0) this.rules.splice(index, 1);
    return failureReply(rule);
  }

  // --- Control API ---------------------------------------------------------------------------

  private mintCode(rawBody: Buffer): Reply {
    const body = parseJsonObject(rawBody);
    const { openid, unionid } = body ?? {};
    if (typeof openid !== 'string' || !OPENID.test(openid)) return badRequest('openid must match [A-Za-z0-9_-]{6,64}');
    if (unionid !== undefined && typeof unionid !== 'string') return badRequest('unionid must be a string');
    const code = randomToken(24);
    this.codes.set(code, { openid, ...(unionid === undefined ? {} : { unionid }), issuedAt: this.now(), used: false });
    return json({ code });
  }

  private listMessages(query: URLSearchParams): Reply {
    const since = query.get('since');
    const sinceMs = since === null ? null : Date.parse(since);
    if (Number.isNaN(sinceMs)) return badRequest('since must be an ISO time');
    const touser = query.get('touser');
    const templateId = query.get('templateId');
    const matches = (record: { receivedAt: string; touser: string | null; templateId: string | null }) =>
      (touser === null || record.touser === touser) &&
      (templateId === null || record.templateId === templateId) &&
      (sinceMs === null || Date.parse(record.receivedAt) >= sinceMs);
    return json({ messages: this.messages.filter(matches), rejected: this.rejected.filter(matches) });
  }

  private queueFailure(rawBody: Buffer): Reply {
    const body = parseJsonObject(rawBody);
    const rule = body ? parseFailureRule(body) : 'body must be a JSON object';
    if (typeof rule === 'string') return badRequest(rule);
    this.rules.push(rule);
    return json({ ok: true, queued: this.rules.length });
  }

  /** Clears messages, rules, counters and login codes; access tokens stay valid. */
  private reset(): Reply {
    this.messages = [];
    this.rejected = [];
    this.rules = [];
    this.stats = emptyStats();
    this.codes.clear();
    this.usedStandinCodes.clear();
    return json({ ok: true });
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------

const CONTROL_PREFIX = '/__control/';
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Max-Age': '600',
};

/** The body, or null when it is larger than the limit (the rest is read and dropped). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Keeps the request open without answering, until HOLD_MS pass, the client gives up or the server stops. */
function hold(res: http.ServerResponse): void {
  const timer = setTimeout(() => res.destroy(), HOLD_MS);
  timer.unref();
  res.once('close', () => clearTimeout(timer));
}

function write(res: http.ServerResponse, reply: Reply, extraHeaders: Record<string, string>): void {
  if (reply.type === 'hold') return hold(res);
  const contentType = reply.type === 'json' ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8';
  const body = reply.type === 'json' ? JSON.stringify(reply.body) : reply.body;
  res.writeHead(reply.status, { ...extraHeaders, ...(reply.type === 'json' ? reply.headers : {}), 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function summary(reply: Reply): string {
  if (reply.type === 'hold') return 'held (injected timeout)';
  const errcode = reply.type === 'json' && 'errcode' in reply.body ? ` errcode ${String(reply.body.errcode)}` : '';
  return `${reply.status}${errcode}`;
}

const fromServiceReply = (reply: ServiceReply): Reply =>
  reply === 'hold' ? { type: 'hold' } : { ...json(reply.body, reply.status), ...(reply.headers ? { headers: reply.headers } : {}) };

async function serve(app: StandIn, req: http.IncomingMessage, res: http.ServerResponse, log: ((line: string) => void) | undefined, services: readonly ProvincialService[]): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://stand-in');
  const method = req.method ?? 'GET';
  const isControl = url.pathname.startsWith(CONTROL_PREFIX);
  const headers = isControl ? CORS_HEADERS : {};
  let reply: Reply;
  try {
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === null) reply = json({ errcode: -1, errmsg: 'request entity too large' }, 413);
    else if (isControl && method === 'OPTIONS') reply = { type: 'text', status: 204, body: '' };
    else {
      const request = { method, path: url.pathname, query: url.searchParams, headers: req.headers, body };
      let serviceReply: ServiceReply | undefined;
      for (const service of services) {
        serviceReply = await service.handle(request);
        if (serviceReply) break;
      }
      reply = serviceReply ? fromServiceReply(serviceReply) : app.handle({ method, path: url.pathname, query: url.searchParams, body });
    }
  } catch (error) {
    if (req.destroyed) return; // The client went away mid-request.
    log?.(`${method} ${url.pathname} failed: ${(error as Error).message}`);
    reply = json({ errcode: -1, errmsg: 'system error' }, 500);
  }
  // Paths only: queries carry secrets and tokens.
  log?.(`${method} ${url.pathname} -> ${summary(reply)}`);
  write(res, reply, headers);
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Stops accepting connections and destroys open ones (held requests and idle keep-alives included). */
function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Starts the stand-in on host:port (port 0: an ephemeral port, see `port` of the result). */
export async function startWechatStandIn(options: WechatStandInOptions): Promise<Managed & { url: string; port: number }> {
  const host = options.host ?? '127.0.0.1';
  if (options.port !== 0) await assertPortFree(options.port, 'WeChat stand-in', 'WECHAT_PORT');
  const app = new StandIn(options);
  const services = [...(options.licenceService ? [new LicenceServiceStandIn(options.licenceService)] : []), ...(options.services ?? [])];
  const server = http.createServer((req, res) => void serve(app, req, res, options.log, services));
  await listen(server, options.port, host);
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return { name: 'WeChat stand-in', url: `http://${urlHost}:${port}`, port, stop: () => close(server) };
}
