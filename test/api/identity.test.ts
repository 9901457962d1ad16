import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Session } from '@ah-tourism/shared';
import { ROUTES } from '@ah-tourism/shared/src/api/routes';
import { localDynamoClient } from '../../scripts/local/dynamodb-local';
import { failNext, mintLoginCode } from '../../scripts/local/wechat-control';
import { api, wechatUrl } from '../support/api';
import { asUser, newUser, signInAs, signInWithWechat } from '../support/applications';
import { HUANGSHAN_BUREAU, PROVINCE_DEPARTMENT, rowsOf } from '../support/notifications';

const json = { 'Content-Type': 'application/json' };
const post = (path: string, body: unknown, token?: string) =>
  api(path, { method: 'POST', headers: token ? asUser(token, json) : json, body: JSON.stringify(body) });

const inviteWith = (admin: string, organisationCode: string, body: unknown, key: string = randomUUID()) =>
  api(`/organisations/${organisationCode}/invitations`, { method: 'POST', headers: asUser(admin, { ...json, 'Idempotency-Key': key }), body: JSON.stringify(body) });
const invite = (admin: string, organisationCode: string, permissions = ['pre_review'], key?: string) => inviteWith(admin, organisationCode, { name: '林晓', permissions }, key);

describe('WeChat sign-in', () => {
  it('creates the account on first sign-in and finds it again by openid; never returns the session_key', async () => {
    const openid = `id${Date.now()}`;
    const first = await signInWithWechat(openid);
    const second = await signInWithWechat(openid);
    expect(second.user.userId).toBe(first.user.userId);
    expect(first.user).toEqual({
      userId: first.user.userId,
      displayName: '微信用户',
      provincialAdmin: false,
      wechatLinked: true,
      preferences: { elderMode: false, language: 'zh-CN' },
    });
    expect(JSON.stringify(first)).not.toMatch(/session_key|openid/);
    const me = await api('/me', { headers: asUser(second.accessToken) });
    expect(me.body.userId).toBe(first.user.userId);
  });

  it('asks for a fresh code when WeChat refuses the code, and says WeChat is unavailable when it is', async () => {
    const code = await mintLoginCode(wechatUrl(), `id${Date.now()}x`);
    expect((await post('/auth/wechat', { code })).status).toBe(200);
    const reused = await post('/auth/wechat', { code });
    expect(reused.status).toBe(400);
    expect(reused.body).toEqual({ code: 'AUTH_WECHAT_CODE_INVALID', message: expect.stringContaining('重新进入小程序') });

    await failNext(wechatUrl(), { api: 'jscode2session', mode: 'http5xx', times: 1 });
    const down = await post('/auth/wechat', { code: await mintLoginCode(wechatUrl(), `id${Date.now()}y`) });
    expect(down.status).toBe(503);
    expect(down.body.code).toBe('AUTH_WECHAT_UNAVAILABLE');
    expect(JSON.stringify(down.body)).not.toMatch(/stack|Error:/);
  });
});

describe('protected routes', () => {
  const fill = (path: string) => path.replace(/\{[^}]+\}/g, 'X1');
  const protectedRoutes = ROUTES.filter((route) => route.auth);

  // One test per route: each request may start its function cold, so a single test over all of them
  // would need time in proportion to the route count.
  describe('are all refused without a token (401 AUTH_REQUIRED)', () => {
    it('(more than ten of them)', () => {
      expect(protectedRoutes.length).toBeGreaterThan(10);
    });

    it.each(protectedRoutes.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))('%s', async (_name, route) => {
      const res = await api(fill(route.path), { method: route.method.toUpperCase(), headers: json, body: route.method === 'get' ? undefined : '{}' });
      expect({ route: route.operationId, status: res.status, code: res.body.code }).toEqual({ route: route.operationId, status: 401, code: 'AUTH_REQUIRED' });
    });
  });

  it('refuse a tampered token, a malformed header and the old local header', async () => {
    const token = await newUser();
    const [head, body, signature] = token.split('.');
    const flipped = `${signature!.slice(0, -2)}${signature!.endsWith('A') ? 'BB' : 'AA'}`;
    for (const headers of [{ Authorization: `Bearer ${head}.${body}.${flipped}` }, { Authorization: `Bearer ${token}x!` }, { Authorization: token }]) {
      const res = await api('/me', { headers });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('AUTH_TOKEN_INVALID');
    }
    const legacy = await api('/cases', { headers: { 'X-Local-User': 'local-abcd-1234' } });
    expect(legacy.status).toBe(401);
  });
});

describe('refresh tokens', () => {
  it('rotate on every refresh; presenting a spent one ends the session', async () => {
    const session = await signInWithWechat(`id${Date.now()}r`);
    const refreshed = await post('/auth/refresh', { refreshToken: session.refreshToken });
    expect(refreshed.status).toBe(200);
    const next: Session = refreshed.body;
    expect(next.refreshToken).not.toBe(session.refreshToken);
    expect(next.user.userId).toBe(session.user.userId);

    const replayed = await post('/auth/refresh', { refreshToken: session.refreshToken });
    expect(replayed.status).toBe(401);
    expect(replayed.body.code).toBe('AUTH_REFRESH_INVALID');
    // The thief's replay also ended the legitimate holder's session.
    expect((await post('/auth/refresh', { refreshToken: next.refreshToken })).status).toBe(401);
  });

  it('stop working after sign-out', async () => {
    const session = await signInWithWechat(`id${Date.now()}o`);
    expect((await post('/auth/logout', { refreshToken: session.refreshToken })).status).toBe(204);
    expect((await post('/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    expect((await post('/auth/refresh', { refreshToken: 'nonsense' })).status).toBe(401);
  });
});

describe('developer personas (local stage)', () => {
  it('lists applicants, each staff role of a city and of the province, and the provincial admin', async () => {
    const res = await api('/dev/personas');
    const ids = res.body.personas.map((p: { personaId: string }) => p.personaId);
    expect(ids).toEqual(expect.arrayContaining(['citizen', 'enterprise', 'city-pre_review', 'city-decide', 'city-org_admin', 'province-review', 'province-hotline_12301', 'province-admin']));
    const staff = await signInAs('city-decide');
    expect(staff.user.staff).toMatchObject({ organisationCode: HUANGSHAN_BUREAU, organisationName: '黄山市文化和旅游局', permissions: ['decide'] });
    expect((await post('/dev/login', { personaId: 'root' })).status).toBe(400);
  });
});

describe('staff invitations', () => {
  it('bind a WeChat account to the invited staff member once; the admin can revoke them at once', async () => {
    const admin = (await signInAs('city-org_admin')).accessToken;
    const invited = await invite(admin, HUANGSHAN_BUREAU, ['pre_review', 'review']);
    expect(invited.status).toBe(201);
    expect(invited.body.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);

    const person = await signInWithWechat(`id${Date.now()}s`);
    const typed = `${invited.body.code.slice(0, 4).toLowerCase()}-${invited.body.code.slice(4)}`;
    const bound = await post('/staff/bind', { code: typed }, person.accessToken);
    expect(bound.status).toBe(200);
    expect(bound.body.user.staff).toMatchObject({ organisationCode: HUANGSHAN_BUREAU, permissions: ['pre_review', 'review'] });

    const someoneElse = await newUser();
    const again = await post('/staff/bind', { code: invited.body.code }, someoneElse);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('STAFF_INVITE_USED');
    expect((await post('/staff/bind', { code: 'ZZZZ2222' }, someoneElse)).body.code).toBe('STAFF_INVITE_INVALID');

    const list = await api(`/organisations/${HUANGSHAN_BUREAU}/staff`, { headers: asUser(admin) });
    expect(list.body.items.find((s: { staffId: string }) => s.staffId === invited.body.staffId)).toMatchObject({ name: '林晓', status: 'active' });

    const revoked = await api(`/organisations/${HUANGSHAN_BUREAU}/staff/${invited.body.staffId}`, { method: 'DELETE', headers: asUser(admin) });
    expect(revoked.status).toBe(204);
    const me = await api('/me', { headers: asUser(bound.body.accessToken) });
    expect(me.body.staff).toBeUndefined();
    const refreshed = await post('/auth/refresh', { refreshToken: bound.body.refreshToken });
    expect(refreshed.body.user.staff).toBeUndefined();
  });

  it('expire: a late code is refused as expired', async () => {
    const admin = (await signInAs('city-org_admin')).accessToken;
    const invited = await invite(admin, HUANGSHAN_BUREAU);
    const client = localDynamoClient(process.env.DYNAMODB_ENDPOINT!);
    try {
      const hash = createHash('sha256').update(invited.body.code).digest('base64url');
      await client.send(
        new UpdateItemCommand({
          TableName: process.env.TABLE_NAME!,
          Key: { pk: { S: `INVITE#${hash}` }, sk: { S: 'INVITE' } },
          UpdateExpression: 'SET invite.expiresAtIso = :past',
          ExpressionAttributeValues: { ':past': { S: '2026-01-01T00:00:00.000Z' } },
        }),
      );
    } finally {
      client.destroy();
    }
    const late = await post('/staff/bind', { code: invited.body.code }, await newUser());
    expect(late.status).toBe(410);
    expect(late.body.code).toBe('STAFF_INVITE_EXPIRED');
  });

  it('are issued only by an admin of that organisation or a provincial admin', async () => {
    const cityAdmin = (await signInAs('city-org_admin')).accessToken;
    const preReviewer = (await signInAs('city-pre_review')).accessToken;
    const provincialAdmin = (await signInAs('province-admin')).accessToken;
    const citizen = await newUser();

    expect((await invite(cityAdmin, PROVINCE_DEPARTMENT)).status).toBe(403);
    expect((await invite(preReviewer, HUANGSHAN_BUREAU)).status).toBe(403);
    expect((await invite(citizen, HUANGSHAN_BUREAU)).body.code).toBe('AUTH_FORBIDDEN');
    expect((await api(`/organisations/${PROVINCE_DEPARTMENT}/staff`, { headers: asUser(cityAdmin) })).status).toBe(403);
    expect((await invite(provincialAdmin, HUANGSHAN_BUREAU)).status).toBe(201);
    expect((await api(`/organisations/${HUANGSHAN_BUREAU}/staff`, { headers: asUser(provincialAdmin) })).status).toBe(200);
    expect((await invite(provincialAdmin, '91340000MA0000000X')).status).toBe(404);
    const bad = await inviteWith(cityAdmin, HUANGSHAN_BUREAU, { name: '', permissions: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['name', 'permissions']);
  });

  it('stops a revoked staff member at once, even with an unexpired access token', async () => {
    const cityAdmin = (await signInAs('city-org_admin')).accessToken;
    const invited = await invite(cityAdmin, HUANGSHAN_BUREAU, ['org_admin']);
    const person = await signInWithWechat(`id${Date.now()}v`);
    const bound: Session = (await post('/staff/bind', { code: invited.body.code }, person.accessToken)).body;
    expect((await api(`/organisations/${HUANGSHAN_BUREAU}/staff`, { headers: asUser(bound.accessToken) })).status).toBe(200);
    await api(`/organisations/${HUANGSHAN_BUREAU}/staff/${invited.body.staffId}`, { method: 'DELETE', headers: asUser(cityAdmin) });
    expect((await api(`/organisations/${HUANGSHAN_BUREAU}/staff`, { headers: asUser(bound.accessToken) })).status).toBe(403);
  });
});

describe('inviting exactly once (Idempotency-Key)', () => {
  const invitedNamed = async (admin: string, name: string) =>
    ((await api(`/organisations/${HUANGSHAN_BUREAU}/staff`, { headers: asUser(admin) })).body.items as { name: string; staffId: string }[]).filter((s) => s.name === name).map((s) => s.staffId);

  it('answers an invitation sent again, or five times at once, with one key with the same person and the same code', async () => {
    const admin = (await signInAs('city-org_admin')).accessToken;
    const name = `周${Date.now().toString(36).slice(-4)}`;
    const key = randomUUID();
    const first = await inviteWith(admin, HUANGSHAN_BUREAU, { name, permissions: ['pre_review'] }, key);
    expect(first.status).toBe(201);
    const again = await inviteWith(admin, HUANGSHAN_BUREAU, { name, permissions: ['pre_review'] }, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);

    const burstKey = randomUUID();
    const burst = await Promise.all(Array.from({ length: 5 }, () => inviteWith(admin, HUANGSHAN_BUREAU, { name, permissions: ['review'] }, burstKey)));
    expect(burst.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    for (const answer of burst) expect(answer.body).toEqual(burst[0]!.body);
    expect((await invitedNamed(admin, name)).sort()).toEqual([first.body.staffId, burst[0]!.body.staffId].sort());

    // The code kept for a retry is not readable from the table: the key record holds it sealed with the key.
    const keyRows = await rowsOf(`USER#${(await api('/me', { headers: asUser(admin) })).body.userId}`, 'IDEMPOTENCY#');
    expect(keyRows.length).toBeGreaterThan(0);
    expect(JSON.stringify(keyRows)).not.toContain(first.body.code);
    expect(JSON.stringify(keyRows)).not.toContain(key);
    // And it still works once.
    const person = await signInWithWechat(`id${Date.now()}q`);
    expect((await post('/staff/bind', { code: again.body.code }, person.accessToken)).status).toBe(200);
  });

  it('refuses the key of one invitation for another, and an invitation without a key', async () => {
    const admin = (await signInAs('city-org_admin')).accessToken;
    const name = `吴${Date.now().toString(36).slice(-4)}`;
    const key = randomUUID();
    expect((await inviteWith(admin, HUANGSHAN_BUREAU, { name, permissions: ['pre_review'] }, key)).status).toBe(201);
    const reused = await inviteWith(admin, HUANGSHAN_BUREAU, { name, permissions: ['decide'] }, key);
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('COMMON_IDEMPOTENCY_KEY_REUSED');
    const keyless = await post(`/organisations/${HUANGSHAN_BUREAU}/invitations`, { name, permissions: ['decide'] }, admin);
    expect(keyless.status).toBe(400);
    expect(keyless.body.code).toBe('COMMON_IDEMPOTENCY_KEY_REQUIRED');
    expect(await invitedNamed(admin, name)).toHaveLength(1);
  });
});

describe('bootstrapping the first administrator', () => {
  it('issues a code from the command line that makes its holder a provincial admin', async () => {
    const root = path.resolve(__dirname, '..', '..');
    // tsx keeps a compile cache and an IPC folder in the temporary directory: give it one of its own.
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'admin-invite-'));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/admin/invite.ts', '--stage', 'local', '--organisation', PROVINCE_DEPARTMENT, '--name', '陈主任', '--permissions', 'org_admin', '--provincial-admin'],
      { cwd: root, env: { ...process.env, DYNAMODB_PORT: new URL(process.env.DYNAMODB_ENDPOINT!).port, TMPDIR: tmp } },
    ).finally(() => rmSync(tmp, { recursive: true, force: true }));
    const code = /Invitation for 陈主任: ([0-9A-Z]{8})/.exec(stdout)?.[1];
    expect(code).toBeDefined();
    const person = await signInWithWechat(`id${Date.now()}b`);
    const bound = await post('/staff/bind', { code }, person.accessToken);
    expect(bound.status).toBe(200);
    expect(bound.body.user).toMatchObject({ provincialAdmin: true, staff: { organisationCode: PROVINCE_DEPARTMENT, permissions: ['org_admin'] } });
    expect((await api(`/organisations/${HUANGSHAN_BUREAU}/staff`, { headers: asUser(bound.body.accessToken) })).status).toBe(200);
  });
});
