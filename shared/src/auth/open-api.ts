/**
 * The signed open API (开放接口) for other government systems, server to server: the provincial portal
 * (省政务服务平台) today, the national tourism supervision system's records next. A consumer holds an app
 * key (key id + secret) with scopes; every request carries four headers and an HMAC-SHA256 signature over
 * its canonical form (functions/src/auth/request-signature.ts, README "Open API").
 */

/** What a key may call. */
export const OPEN_API_SCOPES = {
  portal: '省政务服务平台（门户）：事项目录与办事指南、办件进度、证照核验、门户评价',
  national_records: '全国旅游监管服务平台：办件记录导入',
} as const;
export type OpenApiScope = keyof typeof OPEN_API_SCOPES;
export const OPEN_API_SCOPE_KEYS = Object.keys(OPEN_API_SCOPES) as [OpenApiScope, ...OpenApiScope[]];

/** The request headers of a signed call (lower-case, as HTTP APIs deliver them). */
export const SIGNATURE_HEADERS = {
  appKey: 'x-ah-app-key',
  timestamp: 'x-ah-timestamp',
  nonce: 'x-ah-nonce',
  signature: 'x-ah-signature',
} as const;

/** A request's timestamp may differ from the server's clock by at most this, either way. */
export const SIGNATURE_MAX_SKEW_SECONDS = 300;
/** How long a used nonce is remembered: longer than the window in which its timestamp is accepted. */
export const NONCE_TTL_SECONDS = 15 * 60;
/** Nonce: 16–64 letters, digits, `-` or `_` (a UUID does). */
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
/** App key ids as issued: `ak_` and 24 lower-case hex digits. */
export const APP_KEY_ID_PATTERN = /^ak_[0-9a-f]{24}$/;

/** Percent-encoding of RFC 3986 (unreserved characters kept), as the canonical query uses it. */
export function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The canonical query: every `name=value` pair decoded, re-encoded per RFC 3986, sorted by name and then
 * value (code-unit order), joined with `&`; a name without `=` counts as an empty value. Empty: no query.
 */
export function canonicalQuery(rawQuery: string): string {
  const pairs = rawQuery
    .split('&')
    .filter((part) => part.length > 0)
    .map((part) => {
      const at = part.indexOf('=');
      const decode = (s: string) => {
        try {
          return decodeURIComponent(s.replace(/\+/g, ' '));
        } catch {
          return s;
        }
      };
      return at < 0 ? [decode(part), ''] : [decode(part.slice(0, at)), decode(part.slice(at + 1))];
    })
    .map(([name, value]) => [rfc3986(name!), rfc3986(value!)] as const);
  pairs.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

export interface CanonicalParts {
  method: string;
  /** The request path as sent, without the query, e.g. /open/v1/cases/3410002026120500001A2B3C. */
  path: string;
  /** The raw query string, without `?` (empty for none). */
  query: string;
  timestamp: string;
  nonce: string;
  /** Lower-case hex SHA-256 of the body's bytes (of the empty string when there is no body). */
  bodyHash: string;
}

/** What is signed: six lines joined by `\n`, no trailing newline. */
export function canonicalRequest(parts: CanonicalParts): string {
  return [parts.method.toUpperCase(), parts.path, canonicalQuery(parts.query), parts.timestamp, parts.nonce, parts.bodyHash].join('\n');
}
