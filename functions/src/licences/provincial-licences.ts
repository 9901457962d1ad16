import { createHmac } from 'node:crypto';
import type { HeldLicence, WalletHolder } from './held-licence';

/**
 * The provincial e-licence service (安徽省电子证照库), which holds the licences other authorities issued
 * (营业执照, 居民身份证, 导游人员资格证书, …). Its contract, as this adapter speaks it:
 *
 *   GET <base>/api/v1/licences?holderType=enterprise|person&holderCode=<credit code or ID number>
 *   X-App-Id:    the app id this system was given
 *   X-Timestamp: milliseconds since the epoch; requests older or newer than 5 minutes are refused
 *   X-Signature: hex HMAC-SHA256, keyed with the app secret, of
 *                `<METHOD>\n<path>\n<query, parameters sorted by name, URL-encoded>\n<timestamp>`
 *
 *   200 { code: 0, data: [{ licenceName, licenceNumber, issuer, validUntil?, status }] }
 *       status: valid | revoked | suspended | cancelled; validUntil YYYY-MM-DD, absent when long-term
 *   401 { code: 40101, message } on a bad app id or signature; other codes, or 5xx, on other failures.
 *
 * Base URL and app id come from configuration; the secret from SSM (`licence-service-secret`). A call
 * takes at most 2 s: the wallet then answers without this service rather than keep the applicant waiting.
 */
export const PROVINCIAL_TIMEOUT_MS = 2_000;

export interface ProvincialLicenceRecord {
  licenceName: string;
  licenceNumber: string;
  issuer: string;
  validUntil?: string;
  status: 'valid' | 'revoked' | 'suspended' | 'cancelled';
}

const STATUSES = new Set(['valid', 'revoked', 'suspended', 'cancelled']);

/** The query string as signed: parameters sorted by name, each URL-encoded. */
export function canonicalQuery(query: URLSearchParams): string {
  return [...query.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
}

/** The X-Signature of a request. */
export function signRequest(secret: string, method: string, path: string, query: URLSearchParams, timestamp: string): string {
  return createHmac('sha256', secret).update(`${method.toUpperCase()}\n${path}\n${canonicalQuery(query)}\n${timestamp}`).digest('hex');
}

export interface ProvincialLicences {
  /** The holder's licences, or throws when the service cannot answer (in time, or at all). */
  licencesOf(holder: WalletHolder): Promise<HeldLicence[]>;
}

function toHeld(record: ProvincialLicenceRecord): HeldLicence | undefined {
  if (!record || typeof record.licenceName !== 'string' || typeof record.licenceNumber !== 'string' || !STATUSES.has(record.status)) return undefined;
  return {
    name: record.licenceName,
    number: record.licenceNumber,
    issuer: String(record.issuer ?? ''),
    ...(record.validUntil ? { validUntil: record.validUntil } : {}),
    status: record.status,
    source: 'provincial',
  };
}

export function provincialLicenceService(options: {
  baseUrl: string;
  appId: string;
  secret: () => Promise<string>;
  timeoutMs?: number;
  now?: () => number;
  fetch?: typeof fetch;
}): ProvincialLicences {
  const base = new URL(options.baseUrl.replace(/\/?$/, '/'));
  const doFetch = options.fetch ?? fetch;
  return {
    async licencesOf(holder) {
      const query = new URLSearchParams(
        holder.kind === 'enterprise' ? { holderType: 'enterprise', holderCode: holder.creditCode } : { holderType: 'person', holderCode: holder.idNumber },
      );
      const url = new URL('api/v1/licences', base);
      url.search = canonicalQuery(query);
      const timestamp = String((options.now ?? Date.now)());
      const signature = signRequest(await options.secret(), 'GET', url.pathname, query, timestamp);
      const response = await doFetch(url, {
        headers: { 'X-App-Id': options.appId, 'X-Timestamp': timestamp, 'X-Signature': signature, Accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs ?? PROVINCIAL_TIMEOUT_MS),
      });
      const body = (await response.json().catch(() => undefined)) as { code?: number; message?: string; data?: ProvincialLicenceRecord[] } | undefined;
      if (!response.ok || body?.code !== 0 || !Array.isArray(body.data)) {
        throw new Error(`provincial e-licence service answered HTTP ${response.status} code ${String(body?.code)}`);
      }
      return body.data.flatMap((record) => toHeld(record) ?? []);
    },
  };
}
