import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { CaseDetail, FeedbackStats } from '@ah-tourism/shared';
import { api, forRequests } from '../support/api';
import { asUser, cityItem, completeApplication, newUser, signInAs, submitApplication } from '../support/applications';
import { evaluate, finishedCase, rectification } from '../support/evaluations';
import { decide, myLicences, personApplication, provinceItem, staffOf, verify } from '../support/licences';
import { applicantCase } from '../support/lifecycle';
import { createAppKey, revokeAppKey, signedApi, signRequest, type AppCredentials } from '../support/open-api';

/** The signed open API for the provincial portal (/open/v1): signatures, and each route with a good one. */
let portal: AppCredentials;
beforeAll(async () => {
  portal = await createAppKey(['portal']);
});

const refusal = (res: { status: number; body: { code?: string; message?: string } }) => ({ status: res.status, code: res.body.code });

describe('signatures', () => {
  const path = '/open/v1/catalog/items?region=341000&limit=2';

  it('answers 200 to a request signed with an active key of the route\'s scope', async () => {
    const res = await signedApi(portal, 'GET', path);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
  });

  it('refuses a wrong signature, a changed body, a stale or future timestamp, an unknown key and missing headers with 401 and their own codes', async () => {
    const wrongSecret = await signedApi({ keyId: portal.keyId, secret: 'not-the-secret' }, 'GET', path);
    expect(refusal(wrongSecret)).toEqual({ status: 401, code: 'OPEN_API_SIGNATURE_INVALID' });
    expect(wrongSecret.body.message).toBe('签名校验未通过，请按接口文档的签名规则重新计算');
    // A query changed after signing.
    const signed = signRequest(portal, 'GET', path);
    expect(refusal(await api('/open/v1/catalog/items?region=340000&limit=2', { headers: { ...signed } }))).toEqual({ status: 401, code: 'OPEN_API_SIGNATURE_INVALID' });
    // A body changed after signing.
    const bodySigned = signRequest(portal, 'POST', '/open/v1/licences/verify', JSON.stringify({ token: 'a' }));
    const swapped = await api('/open/v1/licences/verify', { method: 'POST', headers: { ...bodySigned, 'Content-Type': 'application/json' }, body: JSON.stringify({ token: 'b' }) });
    expect(refusal(swapped)).toEqual({ status: 401, code: 'OPEN_API_SIGNATURE_INVALID' });

    const now = Math.floor(Date.now() / 1000);
    expect(refusal(await signedApi(portal, 'GET', path, undefined, { timestamp: now - 301 }))).toEqual({ status: 401, code: 'OPEN_API_TIMESTAMP_STALE' });
    expect(refusal(await signedApi(portal, 'GET', path, undefined, { timestamp: now + 400 }))).toEqual({ status: 401, code: 'OPEN_API_TIMESTAMP_STALE' });
    expect(refusal(await signedApi({ keyId: 'ak_000000000000000000000000', secret: portal.secret }, 'GET', path))).toEqual({ status: 401, code: 'OPEN_API_KEY_UNKNOWN' });
    expect(refusal(await signedApi(portal, 'GET', path, undefined, { headers: ({ 'X-Ah-Signature': _omitted, ...rest }) => rest }))).toEqual({ status: 401, code: 'OPEN_API_SIGNATURE_MISSING' });
    const unsigned = await api(path);
    expect(refusal(unsigned)).toEqual({ status: 401, code: 'OPEN_API_SIGNATURE_MISSING' });
    // Nothing in the refusal but the code and its message.
    expect(Object.keys(unsigned.body).sort()).toEqual(['code', 'message']);
  });

  it('refuses a nonce used before, even with a fresh signature', async () => {
    const nonce = `nonce-${Date.now()}-0123456789`;
    expect((await signedApi(portal, 'GET', path, undefined, { nonce })).status).toBe(200);
    expect(refusal(await signedApi(portal, 'GET', path, undefined, { nonce }))).toEqual({ status: 401, code: 'OPEN_API_NONCE_REUSED' });
    // A refused (forged) request does not spend the nonce: the consumer's own request with it still passes.
    const fresh = `nonce-${Date.now()}-abcdefghij`;
    expect((await signedApi({ keyId: portal.keyId, secret: 'forged' }, 'GET', path, undefined, { nonce: fresh })).status).toBe(401);
    expect((await signedApi(portal, 'GET', path, undefined, { nonce: fresh })).status).toBe(200);
  });

  it('refuses a revoked key at once, and a key without the route\'s scope with 403', async () => {
    const doomed = await createAppKey(['portal'], 'revoked-consumer', '停用测试');
    expect((await signedApi(doomed, 'GET', path)).status).toBe(200);
    expect(await revokeAppKey(doomed.keyId)).toBe(true);
    const revoked = await signedApi(doomed, 'GET', path);
    expect(refusal(revoked)).toEqual({ status: 401, code: 'OPEN_API_KEY_REVOKED' });

    const importer = await createAppKey(['national_records'], 'national-system', '全国旅游监管服务平台');
    const outOfScope = await signedApi(importer, 'GET', path);
    expect(refusal(outOfScope)).toEqual({ status: 403, code: 'OPEN_API_SCOPE_FORBIDDEN' });
  });
});

describe('the catalog in the national layout', () => {
  it('lists items with the same filters, the query signed in any order and encoding', async () => {
    // Parameters out of order, Chinese percent-encoded: the canonical query sorts and re-encodes them.
    const res = await signedApi(portal, 'GET', `/open/v1/catalog/items?region=341000&keyword=${encodeURIComponent('旅行社')}&limit=5`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const item of res.body.items) {
      expect(item.task_name).toContain('旅行社');
      expect(item).toMatchObject({ task_code: expect.stringMatching(/^\d{10}/), catalog_code: expect.stringMatching(/^\d{10}$/), task_type: { code: expect.any(String), name: expect.any(String) }, region_code: '341000' });
    }
    expect(res.body).toHaveProperty('next_cursor');
    const bad = await signedApi(portal, 'GET', '/open/v1/catalog/items?limit=500');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('COMMON_VALIDATION_FAILED');
  });

  it('hands out a full guide in the national layout, and 404 for an unknown code', async () => {
    const item = await cityItem('旅行社业务经营许可');
    const res = await signedApi(portal, 'GET', `/open/v1/catalog/items/${item.implementationCode}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      task_code: item.implementationCode,
      catalog_code: item.basicCode,
      task_name: '旅行社业务经营许可',
      task_type: { code: '01', name: '行政许可' },
      dept_name: item.organisation.name,
      dept_code: item.organisation.creditCode,
      anticipate_limit: { days: item.guide.statutoryLimit.workingDays, unit: '工作日' },
      promise_limit: { days: item.guide.promisedLimit.workingDays, unit: '工作日' },
      transact_addr: item.guide.place.address,
      version: item.version,
    });
    expect(res.body.materials).toHaveLength(item.guide.materials.length);
    expect(res.body.by_law[0]).toMatchObject({ law_name: item.guide.legalBasis[0]!.law });
    const missing = `${item.itemType}99999000${item.implementationCode.slice(10)}`;
    const unknown = await signedApi(portal, 'GET', `/open/v1/catalog/items/${missing}`);
    expect(unknown.status).toBe(404);
  });
});

describe('a case by its number', () => {
  it('shows status and steps, and nothing of the applicant', async () => {
    const { applicant, caseNumber } = await finishedCase();
    const res = await signedApi(portal, 'GET', `/open/v1/cases/${caseNumber}`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['apply_channel', 'case_number', 'dept_code', 'dept_name', 'finished', 'status', 'steps', 'submitted_at', 'task_code', 'task_name']);
    expect(res.body).toMatchObject({ case_number: caseNumber, task_name: '旅行社服务网点设立备案', status: { code: 'delivered' }, finished: true, apply_channel: { code: 'miniapp', name: '微信小程序' } });
    expect(res.body.steps[0]).toEqual({ seq: 0, at: expect.any(String), action: 'submit', name: expect.any(String), result: expect.objectContaining({ code: expect.any(String) }) });
    expect(res.body.steps.at(-1).result).toEqual({ code: 'delivered', name: expect.any(String) });
    const own: CaseDetail = await applicantCase(applicant, caseNumber);
    expect(res.body.steps).toHaveLength(own.history.length);
    const text = JSON.stringify(res.body);
    for (const personal of ['黄山云海旅行社有限公司', '汪明', '程晓雨', '13955912345', '199003071', own.applicant.name, own.applicant.idNumberMasked]) expect(text).not.toContain(personal);

    const unknown = await signedApi(portal, 'GET', `/open/v1/cases/${caseNumber.slice(0, 14)}ZZZZZZZZ`);
    expect(refusal(unknown)).toEqual({ status: 404, code: 'CASE_NOT_FOUND' });
    expect((await signedApi(portal, 'GET', '/open/v1/cases/not-a-number')).status).toBe(400);
  });
});

describe('licence verification', () => {
  it('verifies a licence as the public route does', async () => {
    const item = await provinceItem('导游证核发');
    const holder = await newUser();
    const submitted = await submitApplication(holder, await personApplication(holder, item, { qualificationNumber: 'DYZG-2026-341000-0902', language: '日语', employer: '黄山云海旅行社有限公司' }));
    expect(submitted.status).toBe(201);
    await decide(await staffOf('province'), submitted.body.caseNumber);
    const [licence] = await myLicences(holder);
    const res = await signedApi(portal, 'POST', '/open/v1/licences/verify', { token: licence!.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ result: 'valid', licence: licence!.licence });
    expect(res.body).toEqual(await verify(licence!.token));
    const tampered = await signedApi(portal, 'POST', '/open/v1/licences/verify', { token: 'not-a-licence-of-this-issuer' });
    expect(tampered.body.result).toBe('tampered');
  }, forRequests(14));
});

describe('evaluations collected by the portal', () => {
  const evaluatePortal = (caseNumber: string, body: Record<string, unknown>, credentials = portal) => signedApi(credentials, 'POST', `/open/v1/cases/${caseNumber}/evaluations`, body);

  it('counts one per case under 政务服务网; a resent one answers the same, a second one is 409', async () => {
    const item = await cityItem('旅行社服务网点设立备案');
    const officer = (await signInAs('city-pre_review')).accessToken;
    const statsOf = async () => (await api<FeedbackStats>(`/staff/feedback/stats?item=${item.implementationCode}`, { headers: asUser(officer) })).body;
    const before = await statsOf();
    const { applicant, caseNumber } = await finishedCase();

    const body = { evaluation_id: `ahzwfw:${caseNumber}:1`, level: 'very_satisfied', tags: ['fast'], comment: '网上就办好了' };
    const first = await evaluatePortal(caseNumber, body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ subjectKind: 'case', subjectId: caseNumber, level: 'very_satisfied', channel: 'portal', channelLabel: '政务服务网' });
    const resent = await evaluatePortal(caseNumber, body);
    expect(resent.status).toBe(200);
    expect(resent.headers.get('idempotent-replayed')).toBe('true');
    expect(resent.body).toEqual(first.body);

    const second = await evaluatePortal(caseNumber, { ...body, evaluation_id: `ahzwfw:${caseNumber}:2`, level: 'satisfied' });
    expect(refusal(second)).toEqual({ status: 409, code: 'EVALUATION_ALREADY_GIVEN' });
    const reused = await evaluatePortal(caseNumber, { ...body, level: 'satisfied' });
    expect(refusal(reused)).toEqual({ status: 409, code: 'COMMON_IDEMPOTENCY_KEY_REUSED' });
    // The person's own app cannot add a second one either.
    expect(refusal(await evaluate(applicant, caseNumber, { level: 'dissatisfied' }))).toEqual({ status: 409, code: 'EVALUATION_ALREADY_GIVEN' });
    expect((await applicantCase(applicant, caseNumber)).evaluation).toMatchObject({ canEvaluate: false, given: { channel: 'portal', channelLabel: '政务服务网' } });

    const after = await statsOf();
    expect(after.total - before.total).toBe(1);
    const count = (stats: FeedbackStats, key: string) => stats.channels.find((c) => c.key === key)!.count;
    expect(after.channels.find((c) => c.key === 'portal')!.label).toBe('政务服务网');
    expect(count(after, 'portal') - count(before, 'portal')).toBe(1);
    expect(count(after, 'miniapp') - count(before, 'miniapp')).toBe(0);
  }, forRequests(16));

  it('replaces one recorded for the person at the hall window, as their own evaluation in the app would', async () => {
    const { applicant, caseNumber } = await finishedCase();
    const hall = (await signInAs('city-hall_window')).accessToken;
    expect((await evaluate(hall, caseNumber, { level: 'basically_satisfied', onBehalf: { channel: 'hall_window', name: '程晓雨' } })).status).toBe(201);
    const own = await evaluatePortal(caseNumber, { evaluation_id: `own-${caseNumber}`, level: 'very_satisfied' });
    expect(own.status).toBe(201);
    expect((await applicantCase(applicant, caseNumber)).evaluation).toMatchObject({ canEvaluate: false, given: { channel: 'portal', level: 'very_satisfied' } });
  });

  it('opens a rectification for a bad review from the portal', async () => {
    const { caseNumber } = await finishedCase();
    const res = await evaluatePortal(caseNumber, { evaluation_id: `bad-${caseNumber}`, level: 'very_dissatisfied', tags: ['attitude'], comment: '窗口态度不好' });
    expect(res.status).toBe(201);
    const task = await rectification((await signInAs('city-org_admin')).accessToken, caseNumber);
    expect(task.status).toBe(200);
    expect(task.body).toMatchObject({ status: 'awaiting_call_back', channel: 'portal' });
  });

  it('refuses a case not finished yet, an unknown case and a body that breaks the rules', async () => {
    const applicant = await newUser();
    const item = await cityItem('旅行社服务网点设立备案');
    const open = await submitApplication(applicant, await completeApplication(applicant, item, { agencyName: '黄山云海旅行社有限公司', outletName: '云海旅行社歙县网点', outletAddress: '合肥市蜀山区长江西路100号' }));
    expect(open.body.status).toBe('pre_review');
    expect(refusal(await evaluatePortal(open.body.caseNumber, { evaluation_id: `early-${open.body.caseNumber}`, level: 'satisfied' }))).toEqual({ status: 409, code: 'EVALUATION_NOT_OPEN' });
    const unknown = `${open.body.caseNumber.slice(0, 14)}ZZZZZZZZ`;
    expect(refusal(await evaluatePortal(unknown, { evaluation_id: 'unknown-case-1', level: 'satisfied' }))).toEqual({ status: 404, code: 'CASE_NOT_FOUND' });
    const invalid = await evaluatePortal(open.body.caseNumber, { level: 'great', onBehalf: { channel: 'hall_window', name: '张三' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.map((d: { path: string }) => d.path).sort()).toEqual(expect.arrayContaining(['evaluation_id', 'level']));
  }, forRequests(12));
});

describe('key administration (npm run admin:open-api-key)', () => {
  const ROOT = path.resolve(__dirname, '..', '..');
  const run = async (...args: string[]) => {
    const env = { ...process.env, DYNAMODB_PORT: new URL(process.env.DYNAMODB_ENDPOINT!).port };
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/admin/open-api-key.ts', ...args, '--stage', 'local'], { cwd: ROOT, env });
    return stdout;
  };

  it('creates a key whose secret is printed once and works at once, lists it without the secret, and revokes it', async () => {
    expect(process.env.TABLE_NAME).toBe('ah-tourism-local-main');
    const created = await run('create', '--consumer', 'admin-script-test', '--name', '脚本测试', '--scopes', 'portal');
    const keyId = /Key id:\s+(ak_[0-9a-f]{24})/.exec(created)![1]!;
    const secret = /Secret:\s+(\S+)/.exec(created)![1]!;
    expect((await signedApi({ keyId, secret }, 'GET', '/open/v1/catalog/items?limit=1')).status).toBe(200);
    const listed = (await run('list')).split('\n').find((line) => line.startsWith(keyId))!;
    expect(listed.split('\t').slice(0, 5)).toEqual([keyId, 'active', 'admin-script-test', '脚本测试', 'portal']);
    expect(listed).not.toContain(secret);
    expect(await run('revoke', '--key', keyId)).toContain(`Revoked ${keyId}`);
    expect(refusal(await signedApi({ keyId, secret }, 'GET', '/open/v1/catalog/items?limit=1'))).toEqual({ status: 401, code: 'OPEN_API_KEY_REVOKED' });
    expect((await run('list')).split('\n').find((line) => line.startsWith(keyId))).toContain('\trevoked\t');
  }, 60_000);
});
