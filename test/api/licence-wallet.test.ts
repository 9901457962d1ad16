import { api } from '../support/api';
import { TRAVEL_AGENCY_FIELDS, asUser, cityItem, completeApplication, newUser, submitApplication, validCreditCode } from '../support/applications';
import { decide, failLicenceService, json, licenceMaterials, licenceServiceRequests, myLicences, personApplication, provinceItem, staffOf } from '../support/licences';
import { applicantCase } from '../support/lifecycle';

/** 免提交 materials taken from the wallet: this system's licences and the provincial e-licence service (its stand-in here). */
const OUTLET_FIELDS = { outletName: '屯溪老街服务网点', outletAddress: '黄山市屯溪区老街128号' };
const GUIDE_PERSON = '341002198803152429'; // the stand-in's 导游人员资格证书 (valid) and 居民身份证
const SUSPENDED_PERSON = '341023199206203511'; // the stand-in's 导游人员资格证书, suspended

async function outletApplication(user: string, creditCode: string, name: string) {
  const item = await cityItem('旅行社服务网点设立备案');
  const body = await completeApplication(user, item, { agencyName: name, ...OUTLET_FIELDS });
  Object.assign(body.applicant.enterprise, { creditCode, name });
  return { item, body };
}

async function guideApplication(user: string, idNumber: string) {
  const item = await provinceItem('导游证核发');
  const body = await personApplication(user, item, { qualificationNumber: 'DYZG-2015-340000-00731', language: '中文', employer: '黄山云海旅行社有限公司' });
  body.applicant.person.idNumber = idNumber;
  return { item, body };
}

describe('an enterprise application fills its licence material from the wallet', () => {
  it('from the provincial service, with no upload, and the stand-in saw a signed request', async () => {
    const user = await newUser();
    const { item, body } = await outletApplication(user, '91341000MA2T3K4L5J', '黄山云海旅行社有限公司');
    const shown = await licenceMaterials(user, { implementationCode: item.implementationCode, creditCode: '91341000MA2T3K4L5J' });
    expect(shown.status).toBe(200);
    expect(shown.body.complete).toBe(true);
    expect(shown.body.materials.find((m) => m.materialId === 'parent-agency-licence')).toMatchObject({
      usable: true,
      found: { number: 'L-AH-00987', source: 'provincial', validUntil: '2030-06-30', status: 'valid' },
      message: '由电子证照获取：旅行社业务经营许可证 L-AH-00987（有效期至2030-06-30）',
    });

    const submitted = await submitApplication(user, body);
    expect(submitted.status).toBe(201);
    const material = (await applicantCase(user, submitted.body.caseNumber)).materials.find((m) => m.materialId === 'parent-agency-licence')!;
    expect(material).toMatchObject({ files: [], licence: { status: 'verified', number: 'L-AH-00987', issuer: '黄山市文化和旅游局', source: 'provincial', stateAtSubmission: 'valid', validUntil: '2030-06-30' } });

    const requests = await licenceServiceRequests('91341000MA2T3K4L5J');
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((r) => r.signed && r.code === 0 && r.holderType === 'enterprise' && r.appId === 'ahlic-local-0001')).toBe(true);
  });

  it('refuses the revoked licence the provincial service holds, with the message on the material', async () => {
    const user = await newUser();
    const { item, body } = await outletApplication(user, '91341000MA2P5W6X1K', '黄山旧时光旅行社有限公司');
    const shown = await licenceMaterials(user, { implementationCode: item.implementationCode, creditCode: '91341000MA2P5W6X1K' });
    const message = '您的旅行社业务经营许可证（L-AH-00512）已被吊销，不能作为申请材料';
    expect(shown.body.materials.find((m) => m.materialId === 'parent-agency-licence')).toMatchObject({ usable: false, found: { status: 'revoked' }, message });

    const refused = await submitApplication(user, body);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'APPLY_LICENCE_UNUSABLE', details: [{ path: 'materials.parent-agency-licence', message }] });
  });

  it('from the licences this system issued, and refuses one of them once it is revoked', async () => {
    const creditCode = validCreditCode('91341000MA2R7H3C2');
    const name = '黄山新安江旅行社有限公司';
    const agent = await newUser();
    const licensing = await completeApplication(agent, await cityItem('旅行社业务经营许可'), { ...TRAVEL_AGENCY_FIELDS, agencyName: name });
    Object.assign(licensing.applicant.enterprise, { creditCode, name });
    const granted = await submitApplication(agent, licensing);
    expect(granted.status).toBe(201);
    const staff = await staffOf('city');
    await decide(staff, granted.body.caseNumber);
    const licence = (await myLicences(agent)).find((l) => l.licence.caseNumber === granted.body.caseNumber)!;

    const { body } = await outletApplication(agent, creditCode, name);
    const submitted = await submitApplication(agent, body);
    expect(submitted.status).toBe(201);
    const material = (await applicantCase(agent, submitted.body.caseNumber)).materials.find((m) => m.materialId === 'parent-agency-licence')!;
    expect(material.licence).toMatchObject({ status: 'verified', number: licence.licence.number, source: 'issued', licenceId: licence.licence.licenceId, stateAtSubmission: 'valid' });

    const revoked = await api(`/staff/licences/${encodeURIComponent(licence.licence.licenceId)}/actions`, {
      method: 'POST',
      headers: asUser(staff.decide, json),
      body: JSON.stringify({ action: 'revoke', version: 1, reason: '以欺骗手段取得许可', legalBasis: '《旅行社条例》第四十六条' }),
    });
    expect(revoked.status).toBe(200);
    const again = await outletApplication(agent, creditCode, name);
    const refused = await submitApplication(agent, again.body);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'APPLY_LICENCE_UNUSABLE',
      details: [{ path: 'materials.parent-agency-licence', message: `您的旅行社业务经营许可证（${licence.licence.number}）已被吊销，不能作为申请材料` }],
    });
  });
});

describe('a person application fills its licence materials from the wallet', () => {
  it('from the provincial service by ID number, with no upload', async () => {
    const user = await newUser();
    const { item, body } = await guideApplication(user, GUIDE_PERSON);
    const shown = await licenceMaterials(user, { implementationCode: item.implementationCode, idNumber: GUIDE_PERSON });
    expect(shown.body.materials.map((m) => [m.materialId, m.usable, m.found?.number])).toEqual([
      ['tour-guide-qualification', true, 'DYZG-2015-340000-00731'],
      ['id-card', true, '3410021988****2429'],
    ]);
    expect(shown.body.materials[0]!.message).toBe('由电子证照获取：导游人员资格证书 DYZG-2015-340000-00731（长期有效）');
    const submitted = await submitApplication(user, body);
    expect(submitted.status).toBe(201);
    const materials = (await applicantCase(user, submitted.body.caseNumber)).materials.filter((m) => m.source === 'issued_licence');
    expect(materials.map((m) => [m.materialId, m.licence?.status, m.licence?.source, m.files.length])).toEqual([
      ['tour-guide-qualification', 'verified', 'provincial', 0],
      ['id-card', 'verified', 'provincial', 0],
    ]);
    const requests = await licenceServiceRequests(GUIDE_PERSON);
    expect(requests.some((r) => r.signed && r.holderType === 'person')).toBe(true);
  });

  it('refuses a suspended one', async () => {
    const user = await newUser();
    const { body } = await guideApplication(user, SUSPENDED_PERSON);
    const refused = await submitApplication(user, body);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'APPLY_LICENCE_UNUSABLE',
      details: [{ path: 'materials.tour-guide-qualification', message: '您的导游人员资格证书（DYZG-2016-340000-00208）已被暂停使用，不能作为申请材料' }],
    });
  });

  it('leaves the materials awaiting the wallet, and accepts the application, when the provincial service fails', async () => {
    const user = await newUser();
    const { item, body } = await guideApplication(user, GUIDE_PERSON);
    await failLicenceService({ mode: 'timeout', times: 1, holderCode: GUIDE_PERSON });
    const shown = await licenceMaterials(user, { implementationCode: item.implementationCode, idNumber: GUIDE_PERSON });
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ complete: false, materials: [{ usable: false, message: '暂时无法访问省电子证照库，导游人员资格证书提交后由工作人员核验' }, { usable: false }] });

    await failLicenceService({ mode: 'http5xx', times: 1, holderCode: GUIDE_PERSON });
    const submitted = await submitApplication(user, body);
    expect(submitted.status).toBe(201);
    const materials = (await applicantCase(user, submitted.body.caseNumber)).materials.filter((m) => m.source === 'issued_licence');
    expect(materials.map((m) => m.licence?.status)).toEqual(['awaiting_wallet', 'awaiting_wallet']);
  });
});

describe('looking up licence materials', () => {
  it('is limited per signed-in user: the 31st look-up in a minute answers 429 with Retry-After, another user is not held up', async () => {
    const item = await cityItem('旅行社服务网点设立备案');
    const user = await newUser();
    const ask = (token: string) => licenceMaterials(token, { implementationCode: item.implementationCode, creditCode: '91341000MA2T3K4L5J' });
    for (let i = 0; i < 30; i += 1) expect((await ask(user)).status).toBe(200);
    const refused = await ask(user);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await ask(await newUser())).status).toBe(200);
  }, 60_000);
});
