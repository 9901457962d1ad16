import { randomUUID } from 'node:crypto';
import type { Session } from '@ah-tourism/shared';
import { api } from '../support/api';
import { asUser, signInWithWechat } from '../support/applications';

/**
 * 长辈版 and the language follow the person: PATCH /me/preferences saves them on the caller's own
 * account, /me and every later sign-in (another phone) return them.
 */
const json = { 'Content-Type': 'application/json' };
const patch = (body: unknown, token?: string) =>
  api('/me/preferences', { method: 'PATCH', headers: token ? asUser(token, json) : json, body: typeof body === 'string' ? body : JSON.stringify(body) });
const newOpenid = () => `pref-${randomUUID().replace(/-/g, '')}`;

describe('PATCH /me/preferences', () => {
  let openid = '';
  let session: Session;

  beforeAll(async () => {
    openid = newOpenid();
    session = await signInWithWechat(openid);
  });

  it('starts from the defaults: standard mode, Simplified Chinese', async () => {
    expect(session.user.preferences).toEqual({ elderMode: false, language: 'zh-CN' });
  });

  it('needs a signed-in person', async () => {
    const res = await patch({ elderMode: true });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH_REQUIRED');
  });

  it('saves 长辈版 on the account: /me and a sign-in on another phone return it', async () => {
    const res = await patch({ elderMode: true }, session.accessToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toEqual({ elderMode: true, language: 'zh-CN' });

    const me = await api('/me', { headers: asUser(session.accessToken) });
    expect(me.body.preferences).toEqual({ elderMode: true, language: 'zh-CN' });
    // Signing in again (another phone) brings the preference with the session.
    const elsewhere = await signInWithWechat(openid);
    expect(elsewhere.user.preferences).toEqual({ elderMode: true, language: 'zh-CN' });
  });

  it('changes only what is named: the language beside 长辈版, and 长辈版 off again', async () => {
    expect((await patch({ language: 'en' }, session.accessToken)).body).toEqual({ elderMode: true, language: 'en' });
    expect((await patch({ elderMode: false }, session.accessToken)).body).toEqual({ elderMode: false, language: 'en' });
    expect((await api('/me', { headers: asUser(session.accessToken) })).body.preferences).toEqual({ elderMode: false, language: 'en' });
  });

  it('changes only the caller\'s own account', async () => {
    const other = await signInWithWechat(newOpenid());
    expect((await patch({ elderMode: true }, other.accessToken)).status).toBe(200);
    expect((await api('/me', { headers: asUser(session.accessToken) })).body.preferences.elderMode).toBe(false);
    expect((await api('/me', { headers: asUser(other.accessToken) })).body.preferences).toEqual({ elderMode: true, language: 'zh-CN' });
  });

  it.each([
    ['nothing to change', {}, '请至少提交一项设置'],
    ['a switch that is not on or off', { elderMode: 'yes' }, '长辈版开关只能是开启或关闭'],
    ['an unsupported language', { language: 'fr' }, '界面语言只能是简体中文（zh-CN）或英文（en）'],
    ['an unknown setting', { elderMode: true, userId: 'u_someone' }, '不支持的设置项：userId'],
  ])('refuses %s with a field message and changes nothing', async (_what, body, message) => {
    const before = (await api('/me', { headers: asUser(session.accessToken) })).body.preferences;
    const res = await patch(body, session.accessToken);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('COMMON_VALIDATION_FAILED');
    expect(res.body.details.map((d: { message: string }) => d.message)).toEqual([message]);
    expect((await api('/me', { headers: asUser(session.accessToken) })).body.preferences).toEqual(before);
  });

  it('refuses a body that is not JSON', async () => {
    const res = await patch('elderMode=true', session.accessToken);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('COMMON_MALFORMED_JSON');
  });

  it('keeps both of two changes made at the same time on two phones', async () => {
    const fresh = await signInWithWechat(newOpenid());
    const [a, b] = await Promise.all([patch({ elderMode: true }, fresh.accessToken), patch({ language: 'en' }, fresh.accessToken)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await api('/me', { headers: asUser(fresh.accessToken) })).body.preferences).toEqual({ elderMode: true, language: 'en' });
  });
});
