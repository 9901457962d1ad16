export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export function apiUrl(): string {
  const url = process.env.API_URL;
  if (!url) throw new Error('API_URL is not set: system tests run through the jest "system" project');
  return url;
}

export function wechatUrl(): string {
  const url = process.env.WECHAT_URL;
  if (!url) throw new Error('WECHAT_URL is not set: system tests run through the jest "system" project');
  return url;
}

/** A request to the local API; JSON bodies are parsed. */
export async function api<T = any>(path: string, init: RequestInit = {}): Promise<ApiResponse<T>> {
  const response = await fetch(`${apiUrl()}${path}`, init);
  const text = await response.text();
  let body: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: body as T };
}

/**
 * What one request may take on a busy 2-core machine, the cold start of its function included. A test
 * that must make many requests one after another gets time in proportion to them (`forRequests(n)`)
 * rather than Jest's fixed default; a test over many independent things is split instead (it.each).
 */
export const REQUEST_BUDGET_MS = 2_000;
export const forRequests = (requests: number) => Math.max(30_000, requests * REQUEST_BUDGET_MS);
