import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { randomBytes } from 'node:crypto';
import { maskIdentityNumber, type Session } from '@ah-tourism/shared';
import { nonceForState } from '../../functions/src/auth/portal-identity';
import { localDynamoClient } from '../../scripts/local/dynamodb-local';
import { mintLoginCode } from '../../scripts/local/wechat-control';
import { api, wechatUrl } from '../support/api';
import { asUser, signInWithWechat } from '../support/applications';
import { addPortalPerson, failPortalToken, mintPortalCode, pkcePair, portalRequests } from '../support/identity';

/** The H5 app's address, as the portal registered it for this system (any URL does for the stand-in). */
const REDIRECT_URI = 'http://127.0.0.1:10086/';
const json = { 'Content-Type': 'application/json' };
const post = (path: string, body: unknown, token?: string) => api(path, { method: 'POST', headers: token ? asUser(token, json) : json, body: JSON.stringify(body) });
const exchange = (body: Record<string, unknown>) => post('/auth/portal/exchange', { redirectUri: REDIRECT_URI, ...body });

async function profileItem(userId: string): Promise<Record<string, unknown>> {
  const client = localDynamoClient(process.env.DYNAMODB_ENDPOINT!);
  try {
    const { Item } = await client.send(new GetItemCommand({ TableName: process.env.TABLE_NAME!, Key: { pk: { S: `USER#${userId}` }, sk: { S: 'PROFILE' } }, ConsistentRead: true }));
    return Item ? unmarshall(Item) : {};
  } finally {
    client.destroy();
  }
}

describe('single sign-on from the provincial portal', () => {
  it('a portal code signs the person in: the account is made once, found again by the portal subject, the identity sealed and only masked in /me', async () => {
    const person = await addPortalPerson('欧阳皖南');
    const first = await exchange({ code: await mintPortalCode(person.personId, { redirectUri: REDIRECT_URI }) });
    expect(first.status).toBe(200);
    const session = first.body as Session;
    expect(session.user).toEqual({
      userId: expect.stringMatching(/^u_/),
      displayName: '政务服务网用户',
      provincialAdmin: false,
      wechatLinked: false,
      verifiedIdentity: { source: 'portal', name: '欧***', idNumber: maskIdentityNumber(person.idNumber), verifiedAt: expect.any(String) },
      preferences: { elderMode: false, language: 'zh-CN' },
    });
    expect(JSON.stringify(session)).not.toContain(person.idNumber);
    expect(JSON.stringify(session)).not.toContain(person.name);

    const again = await exchange({ code: await mintPortalCode(person.personId, { redirectUri: REDIRECT_URI }) });
    expect(again.status).toBe(200);
    expect(again.body.user.userId).toBe(session.user.userId);

    const me = await api('/me', { headers: asUser(again.body.accessToken) });
    expect(me.status).toBe(200);
    expect(me.body.verifiedIdentity).toEqual({ source: 'portal', name: '欧***', idNumber: maskIdentityNumber(person.idNumber), verifiedAt: expect.any(String) });

    // At rest: sealed identity, masks and a keyed hash; neither the name nor the ID number in plain text.
    const stored = JSON.stringify(await profileItem(session.user.userId));
    expect(stored).toContain('"sealed"');
    expect(stored).toContain('idNumberHash');
    expect(stored).not.toContain(person.idNumber);
    expect(stored).not.toContain(person.idNumber.slice(6, 14));
    expect(stored).not.toContain(person.name);
  });

  it('two first arrivals of one person at once make one account', async () => {
    const person = await addPortalPerson('钱同时');
    const codes = await Promise.all([1, 2, 3].map(() => mintPortalCode(person.personId, { redirectUri: REDIRECT_URI })));
    const answers = await Promise.all(codes.map((code) => exchange({ code })));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((answer) => answer.body.user.userId)).size).toBe(1);
  });

  it('the app-initiated flow checks state (nonce) and PKCE', async () => {
    const person = await addPortalPerson('孙校验');
    const state = randomBytes(16).toString('base64url');
    const { verifier, challenge } = pkcePair();
    const code = await mintPortalCode(person.personId, { redirectUri: REDIRECT_URI, nonce: nonceForState(state), codeChallenge: challenge });
    const wrongVerifier = await exchange({ code, state, codeVerifier: pkcePair().verifier });
    expect(wrongVerifier.status).toBe(400);
    expect(wrongVerifier.body.code).toBe('AUTH_PORTAL_CODE_INVALID');

    const code2 = await mintPortalCode(person.personId, { redirectUri: REDIRECT_URI, nonce: nonceForState(state), codeChallenge: challenge });
    // Another sign-in's state: the id_token's nonce does not match it.
    const otherState = await exchange({ code: code2, state: randomBytes(16).toString('base64url'), codeVerifier: verifier });
    expect(otherState.status).toBe(400);
    expect(otherState.body.code).toBe('AUTH_PORTAL_CODE_INVALID');

    const code3 = await mintPortalCode(person.personId, { redirectUri: REDIRECT_URI, nonce: nonceForState(state), codeChallenge: challenge });
    const ok = await exchange({ code: code3, state, codeVerifier: verifier });
    expect(ok.status).toBe(200);
    expect(ok.body.user.verifiedIdentity.idNumber).toBe(maskIdentityNumber(person.idNumber));
  });

  it('refuses a used, expired, forged or misdirected code with a clear Chinese message and no internals', async () => {
    const person = await addPortalPerson('李拒绝');
    const code = await mintPortalCode(person.personId, { redirectUri: REDIRECT_URI });
    expect((await exchange({ code })).status).toBe(200);
    const used = await exchange({ code });
    expect(used.status).toBe(400);
    expect(used.body).toEqual({ code: 'AUTH_PORTAL_CODE_INVALID', message: expect.stringContaining('政务服务网') });

    const expired = await exchange({ code: await mintPortalCode(person.personId, { redirectUri: REDIRECT_URI, expiresInSeconds: -1 }) });
    expect(expired.status).toBe(400);
    expect(expired.body.code).toBe('AUTH_PORTAL_CODE_INVALID');

    const forged = await exchange({ code: randomBytes(24).toString('base64url') });
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('AUTH_PORTAL_CODE_INVALID');

    const elsewhere = await exchange({ code: await mintPortalCode(person.personId, { redirectUri: 'https://evil.example/' }) });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.code).toBe('AUTH_PORTAL_CODE_INVALID');

    const otherClient = await exchange({ code: await mintPortalCode(person.personId, { redirectUri: REDIRECT_URI, clientId: 'another-system' }) });
    expect(otherClient.status).toBe(400);

    const missing = await post('/auth/portal/exchange', { redirectUri: REDIRECT_URI });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('COMMON_VALIDATION_FAILED');
    for (const answer of [used, expired, forged, elsewhere, otherClient]) expect(JSON.stringify(answer.body)).not.toMatch(/invalid_grant|stack|Error:|uias/);
  });

  it('says the identity service is unavailable (502) when its token endpoint fails, and works again after', async () => {
    const person = await addPortalPerson('周故障');
    await failPortalToken('http5xx', 1);
    const down = await exchange({ code: await mintPortalCode(person.personId, { redirectUri: REDIRECT_URI }) });
    expect(down.status).toBe(502);
    expect(down.body).toEqual({ code: 'AUTH_PORTAL_UNAVAILABLE', message: expect.stringContaining('稍后再试') });
    const up = await exchange({ code: await mintPortalCode(person.personId, { redirectUri: REDIRECT_URI }) });
    expect(up.status).toBe(200);
    expect((await portalRequests()).some((request) => request.endpoint === 'token' && request.outcome === 'injected_http5xx')).toBe(true);
  });
});

describe('one account, two ways of signing in', () => {
  it('a WeChat user links their verified portal identity; the portal then signs in to the same account', async () => {
    const wechat = await signInWithWechat(`sso-${randomBytes(8).toString('hex')}`);
    expect(wechat.user.verifiedIdentity).toBeUndefined();
    const person = await addPortalPerson('吴关联');
    const linked = await post('/me/portal-identity', { code: await mintPortalCode(person.personId, { redirectUri: REDIRECT_URI }), redirectUri: REDIRECT_URI }, wechat.accessToken);
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ userId: wechat.user.userId, wechatLinked: true, verifiedIdentity: { source: 'portal', name: '吴**', idNumber: maskIdentityNumber(person.idNumber) } });

    const viaPortal = await exchange({ code: await mintPortalCode(person.personId, { redirectUri: REDIRECT_URI }) });
    expect(viaPortal.status).toBe(200);
    expect(viaPortal.body.user.userId).toBe(wechat.user.userId);

    // Linking the same identity again to the same account is a no-op, not an error.
    const repeated = await post('/me/portal-identity', { code: await mintPortalCode(person.personId, { redirectUri: REDIRECT_URI }), redirectUri: REDIRECT_URI }, wechat.accessToken);
    expect(repeated.status).toBe(200);

    // Another person cannot be linked to an account that has one.
    const other = await addPortalPerson('郑另人');
    const second = await post('/me/portal-identity', { code: await mintPortalCode(other.personId, { redirectUri: REDIRECT_URI }), redirectUri: REDIRECT_URI }, wechat.accessToken);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('AUTH_ACCOUNT_VERIFIED_OTHER');
  });

  it('refuses to link a portal identity already linked to another account (409)', async () => {
    const person = await addPortalPerson('冯已用');
    const owner = await exchange({ code: await mintPortalCode(person.personId, { redirectUri: REDIRECT_URI }) });
    expect(owner.status).toBe(200);
    const someoneElse = await signInWithWechat(`sso-${randomBytes(8).toString('hex')}`);
    const refused = await post('/me/portal-identity', { code: await mintPortalCode(person.personId, { redirectUri: REDIRECT_URI }), redirectUri: REDIRECT_URI }, someoneElse.accessToken);
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ code: 'AUTH_PORTAL_IDENTITY_LINKED', message: expect.stringContaining('已关联另一个账号') });
    const me = await api('/me', { headers: asUser(someoneElse.accessToken) });
    expect(me.body.verifiedIdentity).toBeUndefined();
  });

  it('a portal-signed-in person links WeChat; WeChat then signs in to the same account; a WeChat of another account is refused', async () => {
    const person = await addPortalPerson('陈微信');
    const portal = (await exchange({ code: await mintPortalCode(person.personId, { redirectUri: REDIRECT_URI }) })).body as Session;
    const openid = `sso-${randomBytes(8).toString('hex')}`;
    const linked = await post('/me/wechat', { code: await mintLoginCode(wechatUrl(), openid) }, portal.accessToken);
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ userId: portal.user.userId, wechatLinked: true, verifiedIdentity: { source: 'portal' } });
    const viaWechat = await signInWithWechat(openid);
    expect(viaWechat.user.userId).toBe(portal.user.userId);
    expect(viaWechat.user.verifiedIdentity?.idNumber).toBe(maskIdentityNumber(person.idNumber));

    const taken = await signInWithWechat(`sso-${randomBytes(8).toString('hex')}`);
    const other = (await exchange({ code: await mintPortalCode((await addPortalPerson('褚别人')).personId, { redirectUri: REDIRECT_URI }) })).body as Session;
    const refused = await post('/me/wechat', { code: await mintLoginCode(wechatUrl(), (await profileItem(taken.user.userId) as { user: { openid: string } }).user.openid) }, other.accessToken);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('AUTH_WECHAT_LINKED');
  });

  it('gives the person, and only them, their verified identity in full for filling in an application', async () => {
    const person = await addPortalPerson('蒋预填');
    const session = (await exchange({ code: await mintPortalCode(person.personId, { redirectUri: REDIRECT_URI }) })).body as Session;
    const own = await api('/me/verified-identity', { headers: asUser(session.accessToken) });
    expect(own.status).toBe(200);
    expect(own.body).toEqual({ verified: true, name: '蒋预填', idNumber: person.idNumber, mobile: person.mobile });
    const stranger = await signInWithWechat(`sso-${randomBytes(8).toString('hex')}`);
    const none = await api('/me/verified-identity', { headers: asUser(stranger.accessToken) });
    expect(none.body).toEqual({ verified: false });
    expect((await api('/me/verified-identity')).status).toBe(401);
  });

  it('linking needs a signed-in user', async () => {
    const res = await post('/me/portal-identity', { code: 'x', redirectUri: REDIRECT_URI });
    expect(res.status).toBe(401);
  });
});
