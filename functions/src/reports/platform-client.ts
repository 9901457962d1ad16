import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { PortalReport } from '@ah-tourism/shared/src/reports/layout';

/**
 * The provincial government-service platform's receiving API for shared records, as this adapter speaks it:
 *
 *   POST <base>/api/v1/records          body: one record (JSON, layout in shared/src/reports/layout.ts)
 *   X-App-Id:    the app id this system was given
 *   X-Timestamp: milliseconds since the epoch; older or newer than 5 minutes is refused
 *   X-Nonce:     random, never used twice
 *   X-Signature: hex HMAC-SHA256, keyed with the app secret, of
 *                `<METHOD>\n<path>\n<timestamp>\n<nonce>\n<hex SHA-256 of the body>`
 *
 *   200 { code: 0, status: 'received' | 'already_received' }   taken (a message id is taken once)
 *   400/422 { code: 4xxxx, message }                             the record is refused: final
 *   401, 429, 5xx, no answer in time                             try again later
 *
 * Base URL and app id come from configuration; the secret from SSM (`portal-report-secret`).
 */
export const PORTAL_TIMEOUT_MS = 5_000;
export const RECORDS_PATH = 'api/v1/records';

export type DeliveryOutcome =
  | { outcome: 'taken'; duplicate: boolean }
  | { outcome: 'refused'; code: string; reason: string }
  | { outcome: 'unavailable'; reason: string };

export interface PortalPlatform {
  send(report: PortalReport): Promise<DeliveryOutcome>;
}

export const bodyHash = (body: string) => createHash('sha256').update(body, 'utf8').digest('hex');

/** The X-Signature of a request. */
export function signRecordRequest(secret: string, method: string, path: string, timestamp: string, nonce: string, body: string): string {
  return createHmac('sha256', secret).update(`${method.toUpperCase()}\n${path}\n${timestamp}\n${nonce}\n${bodyHash(body)}`).digest('hex');
}

export function portalPlatform(options: { baseUrl: string; appId: string; secret: () => Promise<string>; timeoutMs?: number; now?: () => number; fetch?: typeof fetch }): PortalPlatform {
  const base = new URL(options.baseUrl.replace(/\/?$/, '/'));
  const doFetch = options.fetch ?? fetch;
  return {
    async send(report) {
      const url = new URL(RECORDS_PATH, base);
      const body = JSON.stringify(report);
      const timestamp = String((options.now ?? Date.now)());
      const nonce = randomBytes(12).toString('hex');
      let res: Response;
      try {
        const secret = await options.secret();
        res = await doFetch(url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-App-Id': options.appId,
            'X-Timestamp': timestamp,
            'X-Nonce': nonce,
            'X-Signature': signRecordRequest(secret, 'POST', url.pathname, timestamp, nonce, body),
          },
          body,
          signal: AbortSignal.timeout(options.timeoutMs ?? PORTAL_TIMEOUT_MS),
        });
      } catch (error) {
        return { outcome: 'unavailable', reason: (error as Error).name === 'TimeoutError' ? '省平台未在时限内应答' : `无法连接省平台：${(error as Error).message}`.slice(0, 200) };
      }
      const answer = (await res.json().catch(() => undefined)) as { code?: number | string; status?: string; message?: string } | undefined;
      if (res.status === 200 && answer && Number(answer.code) === 0) return { outcome: 'taken', duplicate: answer.status === 'already_received' };
      if ((res.status === 400 || res.status === 422) && answer?.code !== undefined) {
        return { outcome: 'refused', code: String(answer.code), reason: String(answer.message ?? '省平台拒收').slice(0, 300) };
      }
      return { outcome: 'unavailable', reason: `省平台应答 HTTP ${res.status}${answer?.code !== undefined ? `（${answer.code}）` : ''}` };
    },
  };
}
