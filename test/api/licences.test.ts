import { checkLicenceToken, generateLicenceKeyPair, signLicence } from '@ah-tourism/shared/src/licences/token';
import type { LicencePayload } from '@ah-tourism/shared';
import { api } from '../support/api';
import { asUser, newUser } from '../support/applications';

const json = { 'Content-Type': 'application/json' };
const verify = (token: string) => api('/licences/verify', { method: 'POST', headers: json, body: JSON.stringify({ token }) });

describe('electronic licences: keys, verification, 我的证照', () => {
  it('publishes the SM2 key of this stage, generated on this machine', async () => {
    const res = await api('/licences/keys');
    expect(res.status).toBe(200);
    expect(res.body.keys).toEqual([expect.objectContaining({ keyId: expect.stringMatching(/^local-/), algorithm: 'SM2-SM3', userId: '1234567812345678', publicKey: expect.stringMatching(/^04[0-9a-f]{128}$/) })]);
  });

  it('calls anything not signed with a published key tampered, without saying more, and refuses an empty request', async () => {
    for (const token of ['hello', 'AHL1.e30.AAAA']) {
      const res = await verify(token);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ result: 'tampered', message: '证照内容被篡改或签名无效，请勿采信' });
    }
    // Well formed and signed, but not with this issuer's key.
    const stranger = generateLicenceKeyPair();
    const { keys } = (await api('/licences/keys')).body;
    const payload: LicencePayload = {
      format: 'AHL1', keyId: keys[0].keyId, licenceId: 'x', kind: 'tour_guide', typeCode: '340000-LY-002', typeName: '导游证', number: 'D-3410-2026-00001', version: 1,
      holder: { kind: 'person', name: '王某', code: '3410**********1234' }, issuer: { name: '黄山市文化和旅游局', code: '11341000MB1A2B3C4D' },
      issuedOn: '2026-12-04', validFrom: '2026-12-04', scope: ['导游服务'], details: {}, caseNumber: '20261204341000ABCDEFGH',
    };
    const forged = signLicence(payload, stranger.privateKey);
    expect(checkLicenceToken(forged, keys).ok).toBe(false);
    expect((await verify(forged)).body.result).toBe('tampered');
    const empty = await api('/licences/verify', { method: 'POST', headers: json, body: JSON.stringify({ token: '' }) });
    expect(empty.status).toBe(400);
    expect(empty.body.details).toEqual([{ path: 'token', message: '请扫描或粘贴证照二维码内容' }]);
  });

  it('shows 我的证照 only when signed in, empty for someone who holds none', async () => {
    expect((await api('/me/licences')).status).toBe(401);
    const res = await api('/me/licences', { headers: asUser(await newUser()) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ licences: [] });
  });
});
