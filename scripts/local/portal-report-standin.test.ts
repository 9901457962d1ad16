import type { PortalReport } from '../../shared/src/reports/layout';
import { portalPlatform, signRecordRequest } from '../../functions/src/reports/platform-client';
import { PortalReportStandIn, type ReceivedRecord } from './portal-report-standin';
import type { ServiceRequest } from './provincial-service';

/*
 * The provincial platform's stand-in against the real adapter: the adapter's requests are handed to the
 * stand-in as its server would, so a signing mistake in either shows.
 */
const APP_ID = 'ahportal-test';
const SECRET = 'portal-test-secret';
const BASE = 'http://portal.test/ahzwfw/portal';

const record = (seq: number, extra: Partial<PortalReport> = {}): PortalReport =>
  ({
    recordType: 'case_step',
    messageId: `AH0001-S${seq}`,
    caseNumber: 'AH0001',
    implementationCode: '01001170003341000113410000039113649',
    itemName: '旅行社业务经营许可',
    organisationName: '黄山市文化和旅游局',
    organisationCode: '113410000039113649',
    applicantName: '张**',
    applicantType: '自然人',
    appliedAt: '2026-03-02T01:00:00.000Z',
    stepSeq: seq,
    stepKind: 'acceptance',
    stepName: '受理',
    officer: '王预审',
    stepAt: '2026-03-02T02:00:00.000Z',
    caseStatus: '已受理',
    ...extra,
  }) as PortalReport;

function wired(now = () => Date.now()) {
  const standIn = new PortalReportStandIn({ appId: APP_ID, secret: SECRET, now });
  const requests: ServiceRequest[] = [];
  const fakeFetch = (async (input: URL | string, init?: RequestInit) => {
    const url = new URL(String(input));
    const request: ServiceRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v])),
      body: Buffer.from(String(init?.body ?? ''), 'utf8'),
    };
    requests.push(request);
    const reply = standIn.handle(request) as { status: number; body: object };
    return new Response(JSON.stringify(reply.body), { status: reply.status });
  }) as typeof fetch;
  const platform = portalPlatform({ baseUrl: BASE, appId: APP_ID, secret: async () => SECRET, fetch: fakeFetch, now });
  const control = (method: string, path: string, body?: object) =>
    standIn.handle({ method, path: `/__control/portal/${path.split('?')[0]}`, query: new URLSearchParams(path.split('?')[1] ?? ''), headers: {}, body: Buffer.from(body ? JSON.stringify(body) : '') }) as { status: number; body: { records?: ReceivedRecord[] } };
  return { standIn, platform, requests, control };
}

describe('the provincial platform stand-in with the report adapter', () => {
  it('takes a signed record once: a second delivery of the same message id is already received, not recorded again', async () => {
    const { platform, control } = wired();
    expect(await platform.send(record(2))).toEqual({ outcome: 'taken', duplicate: false });
    expect(await platform.send(record(2))).toEqual({ outcome: 'taken', duplicate: true });
    expect(await platform.send(record(3))).toEqual({ outcome: 'taken', duplicate: false });
    expect(control('GET', 'records?caseNumber=AH0001').body.records!.map((r) => r.messageId)).toEqual(['AH0001-S2', 'AH0001-S3']);
  });

  it('refuses a record outside the layout with a code naming the field', async () => {
    const { platform } = wired();
    const sent = await platform.send({ ...record(2), organisationCode: 'not-a-code' } as PortalReport);
    expect(sent).toMatchObject({ outcome: 'refused', code: '42201', reason: expect.stringContaining('organisationCode') });
  });

  it('answers 401 to a wrong signature, a stale timestamp and a reused nonce (the adapter tries again later)', async () => {
    const { standIn } = wired();
    const body = JSON.stringify(record(2));
    const path = '/ahzwfw/portal/api/v1/records';
    const request = (timestamp: string, nonce: string, secret = SECRET): ServiceRequest => ({
      method: 'POST',
      path,
      query: new URLSearchParams(),
      headers: { 'x-app-id': APP_ID, 'x-timestamp': timestamp, 'x-nonce': nonce, 'x-signature': signRecordRequest(secret, 'POST', path, timestamp, nonce, body) },
      body: Buffer.from(body),
    });
    const now = String(Date.now());
    expect((standIn.handle(request(now, 'nonce0001', 'wrong-secret')) as { status: number }).status).toBe(401);
    expect((standIn.handle(request(String(Date.now() - 6 * 60_000), 'nonce0002')) as { status: number }).status).toBe(401);
    expect((standIn.handle(request(now, 'nonce0003')) as { status: number }).status).toBe(200);
    expect((standIn.handle(request(now, 'nonce0003')) as { status: number }).status).toBe(401);
    const { platform } = wired(() => Date.now());
    // Through the adapter a 401 is a failure that may pass (a secret being rotated), not a refusal.
    const unsigned = portalPlatform({ baseUrl: BASE, appId: 'someone-else', secret: async () => SECRET, fetch: (async () => new Response(JSON.stringify({ code: 40101 }), { status: 401 })) as typeof fetch });
    expect(await unsigned.send(record(2))).toMatchObject({ outcome: 'unavailable', reason: expect.stringContaining('401') });
    expect(await platform.send(record(2))).toMatchObject({ outcome: 'taken' });
  });

  it('fails on request: N times, for one case, for good until cleared', async () => {
    const { platform, control } = wired();
    expect(control('POST', 'failures', { mode: 'http5xx', times: 2, caseNumber: 'AH0001' }).status).toBe(200);
    expect((await platform.send(record(2))).outcome).toBe('unavailable');
    expect((await platform.send(record(2))).outcome).toBe('unavailable');
    expect((await platform.send(record(2))).outcome).toBe('taken');
    control('POST', 'failures', { mode: 'refuse', code: 42231, caseNumber: 'AH0001' });
    expect(await platform.send(record(3))).toMatchObject({ outcome: 'refused', code: '42231' });
    expect(await platform.send(record(3))).toMatchObject({ outcome: 'refused' });
    control('DELETE', 'failures?caseNumber=AH0001');
    expect((await platform.send(record(3))).outcome).toBe('taken');
    expect(control('POST', 'failures', { mode: 'sometimes' }).status).toBe(400);
  });

  it('a platform that cannot be reached is unavailable, never refused', async () => {
    const platform = portalPlatform({ baseUrl: BASE, appId: APP_ID, secret: async () => SECRET, fetch: (async () => { throw new TypeError('fetch failed'); }) as typeof fetch });
    expect(await platform.send(record(2))).toMatchObject({ outcome: 'unavailable', reason: expect.stringContaining('无法连接省平台') });
  });
});
