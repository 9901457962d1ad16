import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { LicencePayload, StaffLicence } from '@ah-tourism/shared';
import { signLicence } from '@ah-tourism/shared/src/licences/token';
import { localDynamoClient } from '../../scripts/local/dynamodb-local';
import { localLicenceKeys } from '../../scripts/local/licence-keys';
import { api } from '../support/api';
import { asUser, newUser, signInAs, signInWithWechat, submitApplication } from '../support/applications';
import { decide, json, myLicences, personApplication, provinceItem, staffOf, verify } from '../support/licences';
import { eventually, inbox } from '../support/notifications';

const staffLicence = (token: string, licenceId: string) => api<StaffLicence>(`/staff/licences/${encodeURIComponent(licenceId)}`, { headers: asUser(token) });
const actOn = (token: string, licenceId: string, body: Record<string, unknown>) =>
  api<StaffLicence & { code?: string; details?: { path: string; message: string }[] }>(`/staff/licences/${encodeURIComponent(licenceId)}/actions`, { method: 'POST', headers: asUser(token, json), body: JSON.stringify(body) });
const BASIS = '《导游管理办法》第二十九条';

describe('staff change, suspend, revoke and cancel the licences their organisation issued', () => {
  let holder: string;
  let issued: Awaited<ReturnType<typeof myLicences>>[number];
  let decider: string;

  beforeAll(async () => {
    const item = await provinceItem('导游证核发');
    holder = await newUser();
    const submitted = await submitApplication(holder, await personApplication(holder, item, { qualificationNumber: 'DYZG-2026-340000-0077', language: '中文', employer: '合肥徽行国际旅行社有限公司' }));
    expect(submitted.status).toBe(201);
    const staff = await staffOf('province');
    decider = staff.decide;
    await decide(staff, submitted.body.caseNumber);
    issued = (await myLicences(holder))[0]!;
  });

  it('lets only the issuing organisation act, and only staff who may decide look', async () => {
    const id = issued.licence.licenceId;
    expect((await staffLicence(decider, id)).body).toMatchObject({ actions: ['change', 'suspend', 'revoke', 'cancel'], status: 'valid', licence: { version: 1 } });
    const otherCity = (await signInAs('city-decide')).accessToken;
    expect((await staffLicence(otherCity, id)).body.actions).toEqual([]);
    expect((await actOn(otherCity, id, { action: 'suspend', version: 1, reason: '违规', legalBasis: BASIS })).status).toBe(403);
    expect((await staffLicence((await signInAs('province-pre_review')).accessToken, id)).status).toBe(403);
    expect((await staffLicence(holder, id)).status).toBe(403);
    expect((await staffLicence(decider, 'no-such-licence')).status).toBe(404);
    const incomplete = await actOn(decider, id, { action: 'suspend', version: 1 });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.details!.map((d) => d.path).sort()).toEqual(['legalBasis', 'reason']);
  });

  it('re-issues a change as a new version: the old QR says superseded, the new one valid, and the holder is told', async () => {
    const id = issued.licence.licenceId;
    const changed = await actOn(decider, id, { action: 'change', version: 1, reason: '增加导游语种', legalBasis: BASIS, changes: { details: { 导游语种: '中文、英语' } } });
    expect(changed.status).toBe(200);
    expect(changed.body.licence).toMatchObject({ version: 2, number: issued.licence.number, details: { 导游语种: '中文、英语', 等级: '初级' } });
    expect(await verify(issued.token)).toMatchObject({ result: 'superseded', currentVersion: 2 });
    expect(await verify(changed.body.token)).toMatchObject({ result: 'valid', currentVersion: 2 });
    const [mine] = await myLicences(holder);
    expect(mine!.licence.version).toBe(2);
    expect(mine!.history.map((h) => h.action)).toEqual(['issue', 'change']);
    const message = await eventually('the holder is told of the change', () => inbox(holder), (box) => box.items.some((m) => m.title === '证照变更换发'));
    expect(message.items.find((m) => m.title === '证照变更换发')!.body).toContain(issued.licence.number);

    // Someone acting on the version before the change.
    expect((await actOn(decider, id, { action: 'suspend', version: 1, reason: '违规', legalBasis: BASIS })).body.code).toBe('LICENCE_VERSION_CONFLICT');
  });

  it('suspends, resumes and revokes, with verification following each, and refuses what the state does not allow', async () => {
    const id = issued.licence.licenceId;
    const current = (await myLicences(holder))[0]!;
    const suspended = await actOn(decider, id, { action: 'suspend', version: 2, reason: '涉嫌违规带团，调查期间暂停', legalBasis: BASIS, effectiveOn: '2026-12-05' });
    expect(suspended.body).toMatchObject({ status: 'suspended', statusLabel: '已暂停', actions: ['resume', 'revoke', 'cancel'] });
    expect(await verify(current.token)).toMatchObject({ result: 'suspended', statusReason: '涉嫌违规带团，调查期间暂停', statusChangedOn: '2026-12-05' });
    expect((await actOn(decider, id, { action: 'resume', version: 2, reason: '调查结束', legalBasis: BASIS })).body.status).toBe('valid');
    expect((await verify(current.token)).result).toBe('valid');
    expect((await actOn(decider, id, { action: 'revoke', version: 2, reason: '严重违规', legalBasis: '《中华人民共和国旅游法》第一百零二条' })).body).toMatchObject({ status: 'revoked', actions: [] });
    expect(await verify(current.token)).toMatchObject({ result: 'revoked', message: '该证照已被吊销' });
    const again = await actOn(decider, id, { action: 'resume', version: 2, reason: '误操作', legalBasis: BASIS });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('LICENCE_ACTION_NOT_ALLOWED');
    const [mine] = await myLicences(holder);
    expect(mine).toMatchObject({ status: 'revoked', usable: false });
  });
});

describe('a licence past its validity', () => {
  it('verifies as expired, and shows so in 我的证照', async () => {
    // A guide licence issued three years ago, signed with this stage's key as the decision would have.
    const keys = localLicenceKeys();
    const session = await signInWithWechat(`test-expired-${Date.now()}`);
    const user = session.user.userId;
    const licenceId = `340000-LY-002-11340000003325011J-D-AH-3400-2023-${Date.now() % 100000}`;
    const payload: LicencePayload = {
      format: 'AHL1', keyId: keys.signing.keyId, licenceId, kind: 'tour_guide', typeCode: '340000-LY-002', typeName: '导游证', number: `D-AH-3400-2023-${String(Date.now() % 100000).padStart(5, '0')}`, version: 1,
      holder: { kind: 'person', name: '赵旧证', code: '3401**********0011' }, issuer: { name: '安徽省文化和旅游厅', code: '11340000003325011J' },
      issuedOn: '2023-11-20', validFrom: '2023-11-20', validUntil: '2026-11-19', scope: ['导游服务'], details: {}, caseNumber: '20231120340000ABCDEFGH',
    };
    const token = signLicence(payload, keys.signing.privateKey);
    const state = { licenceId, kind: 'tour_guide', number: payload.number, holderKey: `PER#${user}`, regionCode: '340000', status: 'valid', currentVersion: 1, current: payload, currentToken: token, history: [{ at: '2023-11-20T02:00:00.000Z', action: 'issue', version: 1 }] };
    const client = localDynamoClient(process.env.DYNAMODB_ENDPOINT!);
    try {
      const table = process.env.TABLE_NAME!;
      await client.send(new PutItemCommand({ TableName: table, Item: marshall({ pk: `LIC#${licenceId}`, sk: 'STATE', entity: 'Licence', state, gsi1pk: `HOLDER#PER#${user}`, gsi1sk: `LIC#tour_guide#${payload.number}` }, { removeUndefinedValues: true }) }));
      await client.send(new PutItemCommand({ TableName: table, Item: marshall({ pk: `USER#${user}`, sk: `HOLDER#PER#${user}`, entity: 'HolderBinding', holderKey: `PER#${user}`, userId: user }) }));
    } finally {
      client.destroy();
    }
    expect(await verify(token)).toMatchObject({ result: 'expired', message: '该证照已超过有效期', status: 'valid' });
    expect((await myLicences(session.accessToken))[0]).toMatchObject({ statusLabel: '已过期', usable: false });
  });
});
