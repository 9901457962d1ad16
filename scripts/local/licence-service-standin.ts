/**
 * A local stand-in for the provincial e-licence service (安徽省电子证照库), served by the WeChat
 * stand-in's server under `/ahzwfw/licences` (the real service cannot be reached from local runs and
 * tests). It speaks the contract documented in functions/src/licences/provincial-licences.ts:
 *  - GET /ahzwfw/licences/api/v1/licences?holderType=&holderCode=   signed with the app secret
 * and serves `data/licences.json`. The signature is checked here on its own terms (not with the
 * adapter's code), so a mistake in either shows. A control API under /__control/licences/ lists the
 * requests it received, queues failures and resets. All state is in memory.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { loadStandInLicences, type StandInHolder } from '../seed/licences';
import type { ProvincialService, ServiceReply, ServiceRequest } from './provincial-service';

export const LICENCE_SERVICE_PREFIX = '/ahzwfw/licences';
export const LICENCE_CONTROL_PREFIX = '/__control/licences/';
const MAX_SKEW_MS = 5 * 60_000;

/** A request the stand-in received, as the control API lists it. */
export interface RecordedLicenceRequest {
  receivedAt: string;
  holderType: string | null;
  holderCode: string | null;
  appId: string | null;
  timestamp: string | null;
  signed: boolean;
  /** The code it answered with (0: licences served). */
  code: number;
}

/** An injected failure: the next `times` queries (of one holder, or of any) fail this way. */
export interface LicenceFailureRule {
  mode: 'http5xx' | 'timeout' | 'code';
  times: number;
  holderCode?: string;
}

type LicenceReply = ServiceReply;
type LicenceRequest = ServiceRequest;

const header = (request: LicenceRequest, name: string) => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : null;
};

/** The string the service signs: method, path, sorted encoded query, timestamp, one a line. */
function expectedSignature(secret: string, request: LicenceRequest, timestamp: string): string {
  const query = [...request.query.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return createHmac('sha256', secret).update(`${request.method}\n${request.path}\n${query}\n${timestamp}`).digest('hex');
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

export class LicenceServiceStandIn implements ProvincialService {
  private requests: RecordedLicenceRequest[] = [];
  private rules: LicenceFailureRule[] = [];
  private readonly holders: StandInHolder[];

  constructor(private readonly options: { appId: string; secret: string; holders?: StandInHolder[]; now?: () => number }) {
    this.holders = options.holders ?? loadStandInLicences();
  }

  /** The reply to a request under its prefixes, or undefined when the path is not this stand-in's. */
  handle(request: LicenceRequest): LicenceReply | undefined {
    if (request.path.startsWith(LICENCE_CONTROL_PREFIX)) return this.control(request);
    if (request.path === `${LICENCE_SERVICE_PREFIX}/api/v1/licences` && request.method === 'GET') return this.licences(request);
    if (request.path.startsWith(`${LICENCE_SERVICE_PREFIX}/`)) return { status: 404, body: { code: 40400, message: 'not found' } };
    return undefined;
  }

  private licences(request: LicenceRequest): LicenceReply {
    const now = (this.options.now ?? Date.now)();
    const holderType = request.query.get('holderType');
    const holderCode = request.query.get('holderCode');
    const appId = header(request, 'x-app-id');
    const timestamp = header(request, 'x-timestamp');
    const signature = header(request, 'x-signature');
    const signed =
      appId === this.options.appId &&
      !!timestamp &&
      /^\d+$/.test(timestamp) &&
      Math.abs(now - Number(timestamp)) <= MAX_SKEW_MS &&
      !!signature &&
      sameHex(signature, expectedSignature(this.options.secret, request, timestamp));
    const record = (code: number) => this.requests.push({ receivedAt: new Date(now).toISOString(), holderType, holderCode, appId, timestamp, signed, code });
    if (!signed) {
      record(40101);
      return { status: 401, body: { code: 40101, message: 'invalid app id or signature' } };
    }
    const rule = this.rules.find((r) => !r.holderCode || r.holderCode === holderCode);
    if (rule) {
      rule.times -= 1;
      if (rule.times <= 0) this.rules.splice(this.rules.indexOf(rule), 1);
      record(rule.mode === 'code' ? 50001 : -1);
      if (rule.mode === 'timeout') return 'hold';
      return rule.mode === 'http5xx' ? { status: 503, body: { code: 50300, message: 'service unavailable' } } : { status: 200, body: { code: 50001, message: 'system busy' } };
    }
    if ((holderType !== 'enterprise' && holderType !== 'person') || !holderCode) {
      record(40001);
      return { status: 400, body: { code: 40001, message: 'holderType and holderCode are required' } };
    }
    const holder = this.holders.find((h) => (holderType === 'enterprise' ? h.holderCreditCode : h.holderIdNumber) === holderCode);
    record(0);
    const data = (holder?.licences ?? []).map((l) => ({ licenceName: l.name, licenceNumber: l.number, issuer: l.issuer, ...(l.validUntil ? { validUntil: l.validUntil } : {}), status: l.status }));
    return { status: 200, body: { code: 0, data } };
  }

  private control(request: LicenceRequest): LicenceReply {
    const route = `${request.method} ${request.path.slice(LICENCE_CONTROL_PREFIX.length)}`;
    if (route === 'GET requests') {
      const holderCode = request.query.get('holderCode');
      return { status: 200, body: { requests: this.requests.filter((r) => !holderCode || r.holderCode === holderCode) } };
    }
    if (route === 'POST failures') {
      let rule: LicenceFailureRule | undefined;
      try {
        rule = JSON.parse(request.body.toString('utf8')) as LicenceFailureRule;
      } catch {
        rule = undefined;
      }
      if (!rule || !['http5xx', 'timeout', 'code'].includes(rule.mode) || !Number.isInteger(rule.times) || rule.times < 1) {
        return { status: 400, body: { error: 'mode (http5xx|timeout|code) and times ≥ 1 are required' } };
      }
      this.rules.push({ mode: rule.mode, times: rule.times, ...(typeof rule.holderCode === 'string' ? { holderCode: rule.holderCode } : {}) });
      return { status: 200, body: { ok: true } };
    }
    if (route === 'POST reset') {
      this.requests = [];
      this.rules = [];
      return { status: 200, body: { ok: true } };
    }
    return { status: 404, body: { error: 'not found' } };
  }
}
