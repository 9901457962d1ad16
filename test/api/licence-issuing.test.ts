import { checkLicenceToken, fromBase64Url, toBase64Url } from '@ah-tourism/shared/src/licences/token';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { api } from '../support/api';
import { rowsOf } from '../support/notifications';
import { TRAVEL_AGENCY_FIELDS, cityItem, completeApplication, newUser, submitApplication, validCreditCode } from '../support/applications';
import { decide, myLicences, personApplication, provinceItem, staffOf, verify } from '../support/licences';
import { act, applicantCase } from '../support/lifecycle';

describe('licences issued by the decision that grants them', () => {
  it('issues a signed 导游证 to the person who applied, shown in 我的证照 with its QR content, and verified as valid', async () => {
    const item = await provinceItem('导游证核发');
    const applicant = await newUser();
    const submitted = await submitApplication(applicant, await personApplication(applicant, item, { qualificationNumber: 'DYZG-2026-341000-0001', language: '英语', employer: '黄山云海旅行社有限公司' }));
    expect(submitted.status).toBe(201);
    const caseNumber = submitted.body.caseNumber as string;
    expect(await myLicences(applicant)).toEqual([]);

    await decide(await staffOf('province'), caseNumber);

    const decision = (await applicantCase(applicant, caseNumber)).documents.find((d) => d.kind === 'approval_decision')!;
    expect(decision.licence).toMatchObject({ typeName: '导游证', number: expect.stringMatching(/^D-AH-3400-\d{4}-\d{5}$/) });
    expect(decision.paragraphs.join('')).toContain(`证照编号 ${decision.licence!.number}`);

    const [mine, ...others] = await myLicences(applicant);
    expect(others).toEqual([]);
    expect(mine).toMatchObject({ status: 'valid', statusLabel: '有效', usable: true });
    expect(mine!.licence).toMatchObject({
      kind: 'tour_guide',
      typeName: '导游证',
      number: decision.licence!.number,
      version: 1,
      holder: { kind: 'person', name: '王小明', code: expect.stringMatching(/^3410\*+123/) },
      issuer: { name: '安徽省文化和旅游厅', code: '11340000003325011J' },
      scope: ['导游服务'],
      details: { 导游语种: '英语', 执业单位: '黄山云海旅行社有限公司', 等级: '初级' },
      caseNumber,
    });
    // Three years of validity, the last day included.
    const issued = mine!.licence.issuedOn;
    expect(mine!.licence.validUntil).toBe(new Date(Date.UTC(Number(issued.slice(0, 4)) + 3, Number(issued.slice(5, 7)) - 1, Number(issued.slice(8, 10)) - 1)).toISOString().slice(0, 10));
    expect(JSON.stringify(mine)).not.toContain('19950812');

    expect(await verify(mine!.token)).toMatchObject({ result: 'valid', message: '证照真实有效', status: 'valid', currentVersion: 1, licence: mine!.licence });
    // Offline: the published key alone.
    const { keys } = (await api('/licences/keys')).body;
    expect(checkLicenceToken(mine!.token, keys)).toEqual({ ok: true, payload: mine!.licence });

    // One byte of the payload changed: tampered, and nothing of the altered content is echoed.
    const [prefix, body, signature] = mine!.token.split('.');
    const bytes = fromBase64Url(body!)!;
    const text = Buffer.from(bytes).toString('utf8').replace('"英语"', '"日语"');
    const altered = await verify(`${prefix}.${toBase64Url(new Uint8Array(Buffer.from(text, 'utf8')))}.${signature}`);
    expect(altered).toEqual({ result: 'tampered', message: '证照内容被篡改或签名无效，请勿采信' });
  });

  it('issues the travel agency licence to the enterprise, seen by the agent who applied, and re-issues it when outbound business is added', async () => {
    const item = await cityItem('旅行社业务经营许可');
    const agent = await newUser();
    const submitted = await submitApplication(agent, await completeApplication(agent, item, TRAVEL_AGENCY_FIELDS));
    expect(submitted.status).toBe(201);
    await decide(await staffOf('city'), submitted.body.caseNumber);
    const held = (await myLicences(agent)).filter((l) => l.licence.kind === 'travel_agency');
    expect(held.length).toBeGreaterThanOrEqual(1);
    const licence = held.find((l) => l.licence.caseNumber === submitted.body.caseNumber) ?? held[0]!;
    expect(licence.licence).toMatchObject({ holder: { kind: 'enterprise', name: '黄山云海旅行社有限公司', code: expect.stringMatching(/^91341000MA2T3K4L5/) }, issuer: { name: '黄山市文化和旅游局' } });
    expect(licence.licence.validUntil).toBeUndefined();
    expect(await verify(licence.token)).toMatchObject({ result: 'valid' });

    // Someone else signed in sees none of it.
    expect(await myLicences(await newUser())).toEqual([]);
  });
});

describe('two decisions for one holder at once', () => {
  it('issue one licence: the later decision re-issues it as the next version, and both answer 200', async () => {
    const item = await cityItem('旅行社业务经营许可');
    const creditCode = validCreditCode(`91341000MA${String(Date.now()).slice(-7)}`);
    const name = `黄山并发测试${Date.now() % 1000}旅行社有限公司`;
    const agent = await newUser();
    const cases: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const body = await completeApplication(agent, item, { ...TRAVEL_AGENCY_FIELDS, agencyName: name });
      Object.assign(body.applicant.enterprise, { creditCode, name });
      const submitted = await submitApplication(agent, body);
      expect(submitted.status).toBe(201);
      cases.push(submitted.body.caseNumber);
    }
    const staff = await staffOf('city');
    for (const caseNumber of cases) {
      expect((await act(staff.pre, caseNumber, { action: 'accept', opinion: '材料齐全' })).status).toBe(200);
      expect((await act(staff.review, caseNumber, { action: 'complete_review', opinion: '符合条件' })).status).toBe(200);
    }
    const decided = await Promise.all(cases.map((caseNumber) => act(staff.decide, caseNumber, { action: 'approve', opinion: '同意' })));
    expect(decided.map((res) => res.status)).toEqual([200, 200]);
    const held = (await myLicences(agent)).filter((l) => l.licence.holder.code === creditCode);
    expect(held).toHaveLength(1);
    expect(held[0]!.licence.version).toBe(2);
    expect(held[0]!.history.map((h) => h.action)).toEqual(['issue', 'change']);
    // The row that keeps a second licence of the kind from being issued to the holder (read consistently,
    // unlike the holder's index), naming the one issued.
    const [marker] = (await rowsOf(`HOLDER#ENT#${creditCode}`, 'KIND#travel_agency')).map((row) => unmarshall(row));
    expect(marker).toMatchObject({ licenceId: held[0]!.licence.licenceId });
  });
});

describe('the decision document follows the item', () => {
  it('gives a filing a filing receipt that cites its legal basis, not a licensing decision', async () => {
    const item = await cityItem('旅行社分社设立备案');
    const agent = await newUser();
    const fields = { agencyName: '黄山云海旅行社有限公司', branchName: '黄山云海旅行社有限公司歙县分社', branchAddress: '黄山市歙县徽城镇新安路18号', branchManager: '汪海' };
    const submitted = await submitApplication(agent, await completeApplication(agent, item, fields));
    expect(submitted.status).toBe(201);
    const staff = await staffOf('city');
    expect((await act(staff.pre, submitted.body.caseNumber, { action: 'accept', opinion: '材料齐全' })).status).toBe(200);
    expect((await act(staff.review, submitted.body.caseNumber, { action: 'complete_review', opinion: '符合条件' })).status).toBe(200);
    const granted = await act(staff.decide, submitted.body.caseNumber, { action: 'approve', opinion: '予以备案' });
    expect(granted.status).toBe(200);
    const documents = (await applicantCase(agent, submitted.body.caseNumber)).documents;
    const receipt = documents.find((d) => d.kind === 'filing_receipt')!;
    expect(receipt).toMatchObject({ title: '备案登记证明', number: expect.stringMatching(/^黄文旅备〔\d{4}〕\d+号$/) });
    expect(receipt.paragraphs.join('')).toContain('《旅行社条例》');
    expect(receipt.licence).toBeUndefined();
    expect(documents.some((d) => d.kind === 'approval_decision')).toBe(false);
  });
});
