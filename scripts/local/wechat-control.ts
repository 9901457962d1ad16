/**
 * A typed client for the WeChat stand-in's control API (see wechat-standin.ts), for tests and
 * benchmarks. Every call throws on an HTTP error or when the stand-in does not answer in time.
 */
import type { FailureRule, RecordedMessage, RejectedSend, StandInStats } from './wechat-standin';

const CONTROL_TIMEOUT_MS = 5_000;

async function control<T>(baseUrl: string, path: string, body?: unknown): Promise<T> {
  const method = body === undefined ? 'GET' : 'POST';
  const response = await fetch(`${baseUrl.replace(/\/+$/, '')}/__control/${path}`, {
    method,
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(CONTROL_TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`WeChat stand-in ${method} /__control/${path} failed: HTTP ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** A fresh single-use login code (5-minute life) that jscode2session exchanges for this openid. */
export async function mintLoginCode(baseUrl: string, openid: string, opts: { unionid?: string } = {}): Promise<string> {
  const { code } = await control<{ code: string }>(baseUrl, 'codes', { openid, ...opts });
  return code;
}

export interface MessageQuery {
  touser?: string;
  templateId?: string;
  /** Only records received at or after this time. */
  since?: string | Date;
}

/** Accepted subscribe messages and rejected sends, oldest first. */
export async function listMessages(baseUrl: string, filter: MessageQuery = {}): Promise<{ messages: RecordedMessage[]; rejected: RejectedSend[] }> {
  const query = new URLSearchParams();
  if (filter.touser !== undefined) query.set('touser', filter.touser);
  if (filter.templateId !== undefined) query.set('templateId', filter.templateId);
  if (filter.since !== undefined) query.set('since', filter.since instanceof Date ? filter.since.toISOString() : filter.since);
  const search = query.toString();
  return control(baseUrl, `messages${search ? `?${search}` : ''}`);
}

/** Queues a failure: the next `rule.times` matching calls fail that way. */
export async function failNext(baseUrl: string, rule: FailureRule): Promise<void> {
  await control(baseUrl, 'failures', rule);
}

/** Clears recorded messages, queued failures, counters and login codes (access tokens stay valid). */
export async function reset(baseUrl: string): Promise<void> {
  await control(baseUrl, 'reset', {});
}

export function stats(baseUrl: string): Promise<StandInStats> {
  return control(baseUrl, 'stats');
}
