/**
 * A local stand-in for the provincial government-service platform's receiving API for shared records
 * (省政务服务平台 数据共享), served by the WeChat stand-in's server under `/ahzwfw/portal`. It speaks the
 * contract documented in functions/src/reports/platform-client.ts:
 *  - POST /ahzwfw/portal/api/v1/records   one record, signed with the app secret (method, path, timestamp,
 *    nonce, body hash); stale timestamps and reused nonces refused (401)
 * It checks the signature on its own terms (not with the adapter's code), validates each record's layout
 * (422 with a code and the field), takes each message id once (a second delivery answers
 * `already_received` and is not recorded again) and records what it took, in order. A control API under
 * /__control/portal/ lists records and requests, makes it fail (N times, until a time, or for good; for a
 * case, a message or all) and resets. All state is in memory.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { portalReportSchema, type PortalReport } from '../../shared/src/reports/layout';
import type { ProvincialService, ServiceReply, ServiceRequest } from './provincial-service';

export const PORTAL_SERVICE_PREFIX = '/ahzwfw/portal';
export const PORTAL_CONTROL_PREFIX = '/__control/portal/';
const MAX_SKEW_MS = 5 * 60_000;

/** A record the stand-in took, in the order it took them. */
export interface ReceivedRecord {
  receivedAt: string;
  messageId: string;
  caseNumber?: string;
  record: PortalReport;
}

/** A request it answered, as the control API lists it. */
export interface RecordedPortalRequest {
  receivedAt: string;
  messageId: string | null;
  caseNumber: string | null;
  /** 0 taken, 1 already received, otherwise the code it answered with (-1: no answer). */
  code: number;
}

/**
 * An injected failure: requests (of one case, one message, or any) fail this way — the next `times` of them,
 * or until `until`, or (neither) for good, until the rule is cleared. 'refuse' answers 422 with `code`.
 */
export interface PortalFailureRule {
  mode: 'http5xx' | 'timeout' | 'refuse';
  times?: number;
  until?: string;
  caseNumber?: string;
  messageId?: string;
  code?: number;
}

const header = (request: ServiceRequest, name: string) => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : null;
};

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

export class PortalReportStandIn implements ProvincialService {
  private records: ReceivedRecord[] = [];
  private taken = new Set<string>();
  private requests: RecordedPortalRequest[] = [];
  private rules: PortalFailureRule[] = [];
  private nonces = new Map<string, number>();

  constructor(private readonly options: { appId: string; secret: string; now?: () => number }) {}

  handle(request: ServiceRequest): ServiceReply | undefined {
    if (request.path.startsWith(PORTAL_CONTROL_PREFIX)) return this.control(request);
    if (request.path === `${PORTAL_SERVICE_PREFIX}/api/v1/records` && request.method === 'POST') return this.receive(request);
    if (request.path.startsWith(`${PORTAL_SERVICE_PREFIX}/`)) return { status: 404, body: { code: 40400, message: 'not found' } };
    return undefined;
  }

  private signed(request: ServiceRequest, now: number): boolean {
    const appId = header(request, 'x-app-id');
    const timestamp = header(request, 'x-timestamp');
    const nonce = header(request, 'x-nonce');
    const signature = header(request, 'x-signature');
    if (appId !== this.options.appId || !timestamp || !/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp)) > MAX_SKEW_MS) return false;
    if (!nonce || !/^[0-9A-Za-z]{8,64}$/.test(nonce) || !signature) return false;
    const bodyHash = createHash('sha256').update(request.body).digest('hex');
    const expected = createHmac('sha256', this.options.secret).update(`${request.method}\n${request.path}\n${timestamp}\n${nonce}\n${bodyHash}`).digest('hex');
    if (!sameHex(signature, expected)) return false;
    // A nonce is good once within the window in which its timestamp is.
    for (const [seen, at] of this.nonces) if (at < now - 2 * MAX_SKEW_MS) this.nonces.delete(seen);
    if (this.nonces.has(nonce)) return false;
    this.nonces.set(nonce, now);
    return true;
  }

  private receive(request: ServiceRequest): ServiceReply {
    const now = (this.options.now ?? Date.now)();
    let parsed: unknown;
    try {
      parsed = JSON.parse(request.body.toString('utf8'));
    } catch {
      parsed = undefined;
    }
    const messageId = typeof (parsed as { messageId?: unknown })?.messageId === 'string' ? (parsed as { messageId: string }).messageId : null;
    const caseNumber = typeof (parsed as { caseNumber?: unknown })?.caseNumber === 'string' ? (parsed as { caseNumber: string }).caseNumber : null;
    const note = (code: number) => this.requests.push({ receivedAt: new Date(now).toISOString(), messageId, caseNumber, code });
    if (!this.signed(request, now)) {
      note(40101);
      return { status: 401, body: { code: 40101, message: 'invalid app id, timestamp, nonce or signature' } };
    }
    const rule = this.rules.find((r) => (!r.caseNumber || r.caseNumber === caseNumber) && (!r.messageId || r.messageId === messageId) && (!r.until || Date.parse(r.until) > now));
    if (rule) {
      if (rule.times !== undefined) {
        rule.times -= 1;
        if (rule.times <= 0) this.rules.splice(this.rules.indexOf(rule), 1);
      }
      if (rule.mode === 'timeout') {
        note(-1);
        return 'hold';
      }
      if (rule.mode === 'refuse') {
        note(rule.code ?? 42290);
        return { status: 422, body: { code: rule.code ?? 42290, message: '记录被省平台拒收（测试注入）' } };
      }
      note(50300);
      return { status: 503, body: { code: 50300, message: 'service unavailable' } };
    }
    const checked = portalReportSchema.safeParse(parsed);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      note(42201);
      return { status: 422, body: { code: 42201, message: `字段不符合办件记录格式：${issue?.path.join('.') || '(记录)'}`, field: issue?.path.join('.') ?? '' } };
    }
    const record = checked.data;
    if (this.taken.has(record.messageId)) {
      note(1);
      return { status: 200, body: { code: 0, status: 'already_received' } };
    }
    this.taken.add(record.messageId);
    this.records.push({ receivedAt: new Date(now).toISOString(), messageId: record.messageId, ...('caseNumber' in record ? { caseNumber: record.caseNumber } : {}), record });
    note(0);
    return { status: 200, body: { code: 0, status: 'received' } };
  }

  private control(request: ServiceRequest): ServiceReply {
    const route = `${request.method} ${request.path.slice(PORTAL_CONTROL_PREFIX.length)}`;
    const caseNumber = request.query.get('caseNumber');
    const messageId = request.query.get('messageId');
    if (route === 'GET records') return { status: 200, body: { records: this.records.filter((r) => (!caseNumber || r.caseNumber === caseNumber) && (!messageId || r.messageId === messageId)) } };
    if (route === 'GET requests') return { status: 200, body: { requests: this.requests.filter((r) => !caseNumber || r.caseNumber === caseNumber) } };
    if (route === 'POST failures') {
      let rule: PortalFailureRule | undefined;
      try {
        rule = JSON.parse(request.body.toString('utf8')) as PortalFailureRule;
      } catch {
        rule = undefined;
      }
      const validTimes = rule?.times === undefined || (Number.isInteger(rule.times) && rule.times >= 1);
      const validUntil = rule?.until === undefined || !Number.isNaN(Date.parse(rule.until));
      if (!rule || !['http5xx', 'timeout', 'refuse'].includes(rule.mode) || !validTimes || !validUntil) {
        return { status: 400, body: { error: 'mode (http5xx|timeout|refuse), optional times ≥ 1, until (ISO), caseNumber, messageId, code' } };
      }
      this.rules.push({
        mode: rule.mode,
        ...(rule.times !== undefined ? { times: rule.times } : {}),
        ...(rule.until ? { until: rule.until } : {}),
        ...(typeof rule.caseNumber === 'string' ? { caseNumber: rule.caseNumber } : {}),
        ...(typeof rule.messageId === 'string' ? { messageId: rule.messageId } : {}),
        ...(Number.isInteger(rule.code) ? { code: rule.code } : {}),
      });
      return { status: 200, body: { ok: true } };
    }
    if (route === 'DELETE failures') {
      this.rules = this.rules.filter((r) => caseNumber && r.caseNumber !== caseNumber);
      return { status: 200, body: { ok: true } };
    }
    if (route === 'POST reset') {
      this.records = [];
      this.taken.clear();
      this.requests = [];
      this.rules = [];
      return { status: 200, body: { ok: true } };
    }
    return { status: 404, body: { error: 'not found' } };
  }
}
