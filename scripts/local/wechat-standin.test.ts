import { LOCAL_TEMPLATE_IDS } from '../../shared/src/notifications/templates';
import { failNext, listMessages, mintLoginCode, reset, stats } from './wechat-control';
import { localTemplates, startWechatStandIn, type WechatStandInOptions } from './wechat-standin';

const APP_ID = 'wx0123456789abcdef';
const APP_SECRET = 'stand-in-test-secret';
const OPENID = 'o_applicant_0001';
const CASE_PROGRESS = LOCAL_TEMPLATE_IDS.case_progress;

type Server = Awaited<ReturnType<typeof startWechatStandIn>>;
type Body = Record<string, unknown>;

function start(extra: Partial<WechatStandInOptions> = {}): Promise<Server> {
  return startWechatStandIn({ port: 0, appId: APP_ID, appSecret: APP_SECRET, templates: localTemplates(), ...extra });
}

async function call(server: Server, path: string, init: RequestInit = {}): Promise<{ status: number; body: Body; headers: Headers }> {
  const response = await fetch(`${server.url}${path}`, init);
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Body) : {}, headers: response.headers };
}

const post = (server: Server, path: string, body: unknown) =>
  call(server, path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

function login(server: Server, code: string, overrides: Record<string, string> = {}) {
  const query = new URLSearchParams({ appid: APP_ID, secret: APP_SECRET, js_code: code, grant_type: 'authorization_code', ...overrides });
  return call(server, `/sns/jscode2session?${query}`);
}

const stableToken = (server: Server, extra: Body = {}) =>
  post(server, '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: APP_ID, secret: APP_SECRET, ...extra });

async function accessToken(server: Server): Promise<string> {
  return (await stableToken(server)).body.access_token as string;
}

const caseProgressData = (overrides: Record<string, string> = {}) =>
  Object.fromEntries(
    Object.entries({
      character_string1: 'WL-2026-000123',
      thing2: '旅行社业务经营许可',
      phrase3: '已受理',
      time4: '2026年11月27日 14:05',
      thing5: '请留意后续通知',
      ...overrides,
    }).map(([key, value]) => [key, { value }]),
  );

async function sendMessage(server: Server, body: Body, token?: string) {
  const accessTokenValue = token ?? (await accessToken(server));
  return post(server, `/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(accessTokenValue)}`, {
    touser: OPENID,
    template_id: CASE_PROGRESS,
    data: caseProgressData(),
    ...body,
  });
}

describe('WeChat stand-in', () => {
  let server: Server;

  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    await server.stop();
  });
  beforeEach(async () => {
    await reset(server.url);
  });

  describe('jscode2session', () => {
    it('exchanges a minted code once for its openid and unionid', async () => {
      const code = await mintLoginCode(server.url, OPENID, { unionid: 'u_union_0001' });
      const first = await login(server, code);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ openid: OPENID, unionid: 'u_union_0001', session_key: expect.any(String) });
      expect(first.body).not.toHaveProperty('errcode');
      expect(Buffer.from(first.body.session_key as string, 'base64')).toHaveLength(16);

      expect((await login(server, code)).body).toEqual({ errcode: 40163, errmsg: 'code been used' });
      expect(await stats(server.url)).toMatchObject({ jscode2session: { ok: 1, failed: 1 } });
    });

    it('checks appid, secret, grant_type and the code', async () => {
      const code = await mintLoginCode(server.url, OPENID);
      expect((await login(server, code, { appid: 'wx-other' })).body).toEqual({ errcode: 40013, errmsg: 'invalid appid' });
      expect((await login(server, code, { secret: 'wrong' })).body).toEqual({ errcode: 40125, errmsg: 'invalid appsecret' });
      expect((await login(server, code, { grant_type: 'client_credential' })).body).toEqual({ errcode: 40002, errmsg: 'invalid grant_type' });
      expect((await login(server, '')).body).toEqual({ errcode: 41008, errmsg: 'missing code' });
      expect((await login(server, 'never-minted')).body).toEqual({ errcode: 40029, errmsg: 'invalid code' });
      // None of the refused calls used the code up.
      expect((await login(server, code)).body).toMatchObject({ openid: OPENID });
    });

    it('accepts standin:<openid> codes once each', async () => {
      expect((await login(server, 'standin:o_dev_user_42')).body).toEqual({ openid: 'o_dev_user_42', session_key: expect.any(String) });
      expect((await login(server, 'standin:o_dev_user_42')).body).toMatchObject({ errcode: 40163 });
      expect((await login(server, 'standin:short')).body).toMatchObject({ errcode: 40029 });
    });

    it('refuses codes older than five minutes', async () => {
      let now = Date.parse('2026-11-27T06:00:00Z');
      const clocked = await start({ now: () => now });
      try {
        const code = await mintLoginCode(clocked.url, OPENID);
        now += 5 * 60_000 + 1;
        expect((await login(clocked, code)).body).toEqual({ errcode: 40029, errmsg: 'invalid code' });
      } finally {
        await clocked.stop();
      }
    });
  });

  describe('stable_token', () => {
    it('returns the same token until force_refresh, which retires the old one', async () => {
      const first = await stableToken(server);
      expect(first.body).toEqual({ access_token: expect.any(String), expires_in: expect.any(Number) });
      expect(first.body.expires_in).toBeLessThanOrEqual(7200);
      const again = await stableToken(server);
      expect(again.body.access_token).toBe(first.body.access_token);

      const forced = await stableToken(server, { force_refresh: true });
      expect(forced.body).toEqual({ access_token: expect.any(String), expires_in: 7200 });
      expect(forced.body.access_token).not.toBe(first.body.access_token);

      expect((await sendMessage(server, {}, first.body.access_token as string)).body).toEqual({
        errcode: 40001,
        errmsg: 'invalid credential, access_token is invalid or not latest',
      });
      expect((await sendMessage(server, {}, forced.body.access_token as string)).body).toMatchObject({ errcode: 0 });
      expect((await stats(server.url)).stableToken).toEqual({ normal: 2, forced: 1 });
    });

    it('validates the app credentials', async () => {
      expect((await stableToken(server, { appid: 'wx-other' })).body).toMatchObject({ errcode: 40013 });
      expect((await stableToken(server, { secret: 'wrong' })).body).toMatchObject({ errcode: 40125 });
      expect((await stableToken(server, { grant_type: 'authorization_code' })).body).toMatchObject({ errcode: 40002 });
    });

    it('also serves the older GET /cgi-bin/token', async () => {
      const query = new URLSearchParams({ grant_type: 'client_credential', appid: APP_ID, secret: APP_SECRET });
      const legacy = await call(server, `/cgi-bin/token?${query}`);
      expect(legacy.body.access_token).toBe(await accessToken(server));
    });

    it('reports an expired token as 42001', async () => {
      let now = Date.parse('2026-11-27T06:00:00Z');
      const clocked = await start({ now: () => now });
      try {
        const token = await accessToken(clocked);
        now += 7200 * 1000;
        expect((await sendMessage(clocked, {}, token)).body).toEqual({ errcode: 42001, errmsg: 'access_token expired' });
        expect(await accessToken(clocked)).not.toBe(token);
      } finally {
        await clocked.stop();
      }
    });
  });

  describe('subscribe/send', () => {
    it('accepts a valid message and records exactly what was sent', async () => {
      const before = new Date().toISOString();
      const data = caseProgressData();
      const result = await sendMessage(server, { page: 'pages/cases/detail?id=1', data, miniprogram_state: 'trial', lang: 'zh_CN' });
      expect(result.status).toBe(200);
      expect(result.body).toEqual({ errcode: 0, errmsg: 'ok', msgid: expect.any(Number) });

      const { messages, rejected } = await listMessages(server.url, { touser: OPENID, since: before });
      expect(rejected).toEqual([]);
      expect(messages).toEqual([
        {
          msgid: result.body.msgid,
          receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          touser: OPENID,
          templateId: CASE_PROGRESS,
          templateTitle: '办件进度通知',
          page: 'pages/cases/detail?id=1',
          data,
          miniprogramState: 'trial',
          lang: 'zh_CN',
        },
      ]);
      expect(Date.parse(messages[0]!.receivedAt)).toBeGreaterThanOrEqual(Date.parse(before));
      expect((await listMessages(server.url, { touser: 'o_someone_else' })).messages).toEqual([]);
      expect((await listMessages(server.url, { templateId: LOCAL_TEMPLATE_IDS.staff_deadline })).messages).toEqual([]);
      expect((await stats(server.url)).send).toEqual({ accepted: 1, rejected: 0, failedInjected: 0 });
    });

    it('accepts the ISO-like time format and records absent options as null', async () => {
      const result = await sendMessage(server, { data: caseProgressData({ time4: '2026-11-27 14:05' }) });
      expect(result.body).toMatchObject({ errcode: 0 });
      const [message] = (await listMessages(server.url)).messages;
      expect(message).toMatchObject({ page: null, miniprogramState: null, lang: null });
    });

    it.each([
      ['a thing of 21 characters', { data: caseProgressData({ thing2: '一二三四五六七八九十一二三四五六七八九十一' }) }, /^argument invalid! data\.thing2\.value exceeds .*21 > 20/],
      ['an empty thing', { data: caseProgressData({ thing5: '  ' }) }, /^argument invalid! data\.thing5\.value is empty/],
      ['a phrase with non-Chinese text', { data: caseProgressData({ phrase3: 'OK了' }) }, /^argument invalid! data\.phrase3\.value is not a valid phrase/],
      ['a phrase of six characters', { data: caseProgressData({ phrase3: '已经受理完成' }) }, /^argument invalid! data\.phrase3\.value exceeds/],
      ['a character_string with Chinese', { data: caseProgressData({ character_string1: '皖-001' }) }, /data\.character_string1\.value is not a valid character_string/],
      ['a malformed time', { data: caseProgressData({ time4: '明天下午' }) }, /data\.time4\.value is not a valid time/],
      ['a missing key', { data: (({ thing5: _omitted, ...rest }) => rest)(caseProgressData()) }, /^argument invalid! data\.thing5\.value is missing/],
      ['an unknown key', { data: { ...caseProgressData(), thing9: { value: '多余' } } }, /^argument invalid! data\.thing9 is not a field/],
      ['a value that is not a string', { data: { ...caseProgressData(), thing2: { value: 42 } } }, /data\.thing2\.value must be a string/],
      ['an unknown miniprogram_state', { miniprogram_state: 'release' }, /miniprogram_state/],
      ['an unknown lang', { lang: 'fr_FR' }, /lang/],
      ['a page over 1024 characters', { page: `pages/a?${'x'.repeat(1024)}` }, /page/],
    ])('refuses %s with 47003 and records the attempt', async (_name, body, errmsg) => {
      const result = await sendMessage(server, body);
      expect(result.status).toBe(200);
      expect(result.body).toEqual({ errcode: 47003, errmsg: expect.stringMatching(errmsg) });
      const { messages, rejected } = await listMessages(server.url);
      expect(messages).toEqual([]);
      expect(rejected).toEqual([
        {
          receivedAt: expect.any(String),
          errcode: 47003,
          errmsg: result.body.errmsg,
          touser: OPENID,
          templateId: CASE_PROGRESS,
          body: expect.objectContaining({ touser: OPENID }),
        },
      ]);
      expect((await stats(server.url)).send).toEqual({ accepted: 0, rejected: 1, failedInjected: 0 });
    });

    it('validates other field kinds of other templates', async () => {
      const data = {
        character_string1: { value: 'WL-2026-000124' },
        thing2: { value: '导游证核发' },
        name3: { value: '张三' },
        time4: { value: '2026年11月27日 09:30' },
      };
      const staff = { touser: 'o_staff_0001', template_id: LOCAL_TEMPLATE_IDS.staff_new_case };
      expect((await sendMessage(server, { ...staff, data })).body).toMatchObject({ errcode: 0 });
      const longName = { ...data, name3: { value: '一二三四五六七八九十一' } };
      expect((await sendMessage(server, { ...staff, data: longName })).body).toMatchObject({ errcode: 47003, errmsg: expect.stringContaining('data.name3.value') });
    });

    it('refuses an unknown template with 40037 and a malformed openid with 40003', async () => {
      expect((await sendMessage(server, { template_id: 'not-a-template' })).body).toEqual({ errcode: 40037, errmsg: 'invalid template_id' });
      expect((await sendMessage(server, { touser: 'bad openid!' })).body).toEqual({ errcode: 40003, errmsg: 'invalid openid' });
      expect((await sendMessage(server, { touser: 'short' })).body).toMatchObject({ errcode: 40003 });
      const { rejected } = await listMessages(server.url);
      expect(rejected.map((attempt) => attempt.errcode)).toEqual([40037, 40003, 40003]);
    });

    it('refuses a missing access token and malformed JSON', async () => {
      expect((await post(server, '/cgi-bin/message/subscribe/send', { touser: OPENID })).body).toMatchObject({ errcode: 40001 });
      const token = await accessToken(server);
      const malformed = await call(server, `/cgi-bin/message/subscribe/send?access_token=${token}`, { method: 'POST', body: '{"touser":' });
      expect(malformed.body).toEqual({ errcode: 47001, errmsg: 'data format error' });
    });
  });

  describe('failure injection', () => {
    it('fails three sends with HTTP 503, then accepts', async () => {
      await failNext(server.url, { api: 'send', mode: 'http5xx', times: 3 });
      const token = await accessToken(server);
      for (let i = 0; i < 3; i += 1) {
        const response = await fetch(`${server.url}/cgi-bin/message/subscribe/send?access_token=${token}`, {
          method: 'POST',
          body: JSON.stringify({ touser: OPENID, template_id: CASE_PROGRESS, data: caseProgressData() }),
        });
        expect(response.status).toBe(503);
        expect(await response.text()).toBe('Service Unavailable');
      }
      expect((await sendMessage(server, {}, token)).body).toMatchObject({ errcode: 0 });
      expect((await listMessages(server.url)).messages).toHaveLength(1);
      expect((await stats(server.url)).send).toEqual({ accepted: 1, rejected: 0, failedInjected: 3 });
    });

    it('answers an errcode once, only for the given recipient', async () => {
      await failNext(server.url, { api: 'send', mode: 'errcode', errcode: 43101, times: 1, touser: 'o_refuser_001' });
      expect((await sendMessage(server, {})).body).toMatchObject({ errcode: 0 });
      expect((await sendMessage(server, { touser: 'o_refuser_001' })).body).toEqual({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
      expect((await sendMessage(server, { touser: 'o_refuser_001' })).body).toMatchObject({ errcode: 0 });
      const { messages, rejected } = await listMessages(server.url);
      expect(messages.map((message) => message.touser)).toEqual([OPENID, 'o_refuser_001']);
      expect(rejected).toEqual([]);
    });

    it('applies rules in order and to the other APIs', async () => {
      await failNext(server.url, { api: 'stable_token', mode: 'errcode', errcode: -1, times: 1 });
      await failNext(server.url, { api: 'jscode2session', mode: 'errcode', errcode: 45011, errmsg: 'api minute-quota reach limit', times: 1 });
      expect((await stableToken(server)).body).toEqual({ errcode: -1, errmsg: 'system error' });
      expect((await stableToken(server)).body).toHaveProperty('access_token');
      const code = await mintLoginCode(server.url, OPENID);
      expect((await login(server, code)).body).toEqual({ errcode: 45011, errmsg: 'api minute-quota reach limit' });
      expect((await login(server, code)).body).toMatchObject({ openid: OPENID });
    });

    it('refuses malformed rules', async () => {
      await expect(failNext(server.url, { api: 'send', mode: 'errcode', times: 1 })).rejects.toThrow(/errcode/);
      await expect(failNext(server.url, { api: 'send', mode: 'http5xx', times: 0 })).rejects.toThrow(/times/);
    });

    it('holds a timed-out request without blocking others, and stop() still closes promptly', async () => {
      const own = await start();
      try {
        await failNext(own.url, { api: 'send', mode: 'timeout', times: 2 });
        const token = await accessToken(own);
        const abandoned = sendMessage(own, { data: caseProgressData() }, token);
        await expect(
          fetch(`${own.url}/cgi-bin/message/subscribe/send?access_token=${token}`, {
            method: 'POST',
            body: '{}',
            signal: AbortSignal.timeout(300),
          }),
        ).rejects.toMatchObject({ name: 'TimeoutError' });
        // The server keeps answering while a request is held.
        expect((await call(own, '/__control/health')).body).toEqual({ ok: true });
        expect((await stats(own.url)).send).toEqual({ accepted: 0, rejected: 0, failedInjected: 2 });

        const startedAt = Date.now();
        await own.stop();
        expect(Date.now() - startedAt).toBeLessThan(1_000);
        await expect(abandoned).rejects.toThrow();
      } finally {
        await own.stop();
      }
    });
  });

  describe('control API', () => {
    it('resets messages, rules and counters', async () => {
      await sendMessage(server, {});
      await sendMessage(server, { touser: 'x' });
      await failNext(server.url, { api: 'send', mode: 'http5xx', times: 5 });
      await reset(server.url);
      expect(await listMessages(server.url)).toEqual({ messages: [], rejected: [] });
      expect(await stats(server.url)).toEqual({
        stableToken: { normal: 0, forced: 0 },
        send: { accepted: 0, rejected: 0, failedInjected: 0 },
        jscode2session: { ok: 0, failed: 0 },
      });
      // The queued failure is gone and the token survived the reset.
      expect((await sendMessage(server, {})).body).toMatchObject({ errcode: 0 });
    });

    it('allows cross-origin reads and answers preflight', async () => {
      const health = await call(server, '/__control/health', { headers: { Origin: 'http://127.0.0.1:10086' } });
      expect(health.body).toEqual({ ok: true });
      expect(health.headers.get('access-control-allow-origin')).toBe('*');
      const messages = await call(server, '/__control/messages');
      expect(messages.headers.get('access-control-allow-origin')).toBe('*');
      const preflight = await fetch(`${server.url}/__control/codes`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://127.0.0.1:10086', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
      // WeChat's own APIs carry no CORS headers.
      expect((await stableToken(server)).headers.get('access-control-allow-origin')).toBeNull();
    });

    it('refuses a malformed openid when minting and a bad since', async () => {
      await expect(mintLoginCode(server.url, 'x')).rejects.toThrow(/HTTP 400/);
      expect((await call(server, '/__control/messages?since=yesterday')).status).toBe(400);
    });
  });

  describe('HTTP edges', () => {
    it('answers unknown paths with 404 JSON and oversized bodies with 413', async () => {
      const missing = await call(server, '/cgi-bin/unknown');
      expect(missing).toMatchObject({ status: 404, body: { errcode: -1, errmsg: 'not found' } });
      const oversized = await call(server, '/cgi-bin/stable_token', { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) });
      expect(oversized.status).toBe(413);
    });
  });
});
