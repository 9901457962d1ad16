import { config } from './config';
import { parameter } from './parameters';

/**
 * The WeChat server APIs this product uses (jscode2session, stable_token, subscribe/send). The base
 * URL comes from configuration: api.weixin.qq.com in AWS, the local stand-in in the local stage.
 */
const REQUEST_TIMEOUT_MS = 3000;
/** Refresh the access token this long before WeChat says it expires. */
const TOKEN_EARLY_REFRESH_MS = 5 * 60_000;

/** A WeChat answer with a non-zero errcode. */
export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat error ${errcode}: ${errmsg}`);
    this.name = 'WechatApiError';
  }
}

/** The request never got an answer WeChat meant (timeout, network, HTTP 5xx): worth retrying. */
export class WechatUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WechatUnavailableError';
  }
}

interface WechatReply {
  errcode?: number;
  errmsg?: string;
}

const appSecret = () => parameter('wechat-app-secret', config().wechat.localAppSecret);

async function call<T extends WechatReply>(path: string, init: { method: 'GET' | 'POST'; query?: Record<string, string>; body?: unknown }): Promise<T> {
  const url = new URL(`${config().wechat.apiBase}${path}`);
  for (const [key, value] of Object.entries(init.query ?? {})) url.searchParams.set(key, value);
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method,
      headers: init.body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new WechatUnavailableError(`${path}: ${(error as Error).name}`);
  }
  if (response.status >= 500) throw new WechatUnavailableError(`${path}: HTTP ${response.status}`);
  let reply: T;
  try {
    reply = (await response.json()) as T;
  } catch {
    throw new WechatUnavailableError(`${path}: unreadable answer (HTTP ${response.status})`);
  }
  // -1 is WeChat's "system busy, try again".
  if (reply.errcode === -1) throw new WechatUnavailableError(`${path}: system busy`);
  if (reply.errcode) throw new WechatApiError(reply.errcode, reply.errmsg ?? '');
  return reply;
}

export interface WechatSession {
  openid: string;
  unionid?: string;
}

/** Exchanges a wx.login code. The session_key stays here: it is never stored or returned. */
export async function code2Session(code: string): Promise<WechatSession> {
  const { appId } = config().wechat;
  const reply = await call<WechatReply & { openid?: string; unionid?: string; session_key?: string }>('/sns/jscode2session', {
    method: 'GET',
    query: { appid: appId, secret: await appSecret(), js_code: code, grant_type: 'authorization_code' },
  });
  if (!reply.openid) throw new WechatUnavailableError('jscode2session: no openid');
  return { openid: reply.openid, ...(reply.unionid ? { unionid: reply.unionid } : {}) };
}

let token: { value: string; refreshAt: number } | undefined;
let pendingToken: Promise<string> | undefined;

/**
 * The stable access token, cached per container and refreshed a few minutes early. Concurrent
 * callers share one request. `forget` drops a token WeChat rejected; the next call asks again in
 * normal mode (stable_token returns the current token, so this never force-refreshes in a loop).
 */
export function accessToken(): Promise<string> {
  if (token && Date.now() < token.refreshAt) return Promise.resolve(token.value);
  pendingToken ??= (async () => {
    try {
      const { appId } = config().wechat;
      const reply = await call<WechatReply & { access_token?: string; expires_in?: number }>('/cgi-bin/stable_token', {
        method: 'POST',
        body: { grant_type: 'client_credential', appid: appId, secret: await appSecret(), force_refresh: false },
      });
      if (!reply.access_token) throw new WechatUnavailableError('stable_token: no token');
      const lifetimeMs = (reply.expires_in ?? 7200) * 1000;
      token = { value: reply.access_token, refreshAt: Date.now() + Math.max(lifetimeMs - TOKEN_EARLY_REFRESH_MS, lifetimeMs / 2) };
      return token.value;
    } finally {
      pendingToken = undefined;
    }
  })();
  return pendingToken;
}

export function forgetAccessToken(rejected: string): void {
  if (token?.value === rejected) token = undefined;
}

export interface SubscribeMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
}

/** subscribe/send; returns WeChat's msgid. Errors: WechatApiError (with errcode) or WechatUnavailableError. */
export async function sendSubscribeMessage(message: SubscribeMessage): Promise<string> {
  const accessTokenValue = await accessToken();
  try {
    const reply = await call<WechatReply & { msgid?: number | string }>('/cgi-bin/message/subscribe/send', {
      method: 'POST',
      query: { access_token: accessTokenValue },
      body: { ...message, miniprogram_state: config().wechat.miniprogramState, lang: 'zh_CN' },
    });
    return String(reply.msgid ?? '');
  } catch (error) {
    // 40001 invalid / 42001 expired token: drop it so the retry fetches the current one.
    if (error instanceof WechatApiError && (error.errcode === 40001 || error.errcode === 42001)) {
      forgetAccessToken(accessTokenValue);
      throw new WechatUnavailableError(`subscribe/send: access token rejected (${error.errcode})`);
    }
    throw error;
  }
}
