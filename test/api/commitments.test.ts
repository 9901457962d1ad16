import { randomUUID } from 'node:crypto';
import { commitmentTextHash, type ImplementationItem } from '@ah-tourism/shared';
import { api } from '../support/api';
import { MINIMAL_PDF, TRAVEL_AGENCY_FIELDS, asUser, completeApplication, newUser, signInAs, submitApplication, travelAgencyItem, upload } from '../support/applications';
import { storedEntries, verifyAudit } from '../support/audit';
import { act, applicantCase, staffCase } from '../support/lifecycle';

/**
 * 告知承诺制 on 旅行社业务经营许可: 营业设施设备说明及经营场所照片 may be replaced by the applicant's commitment
 * (证照分离改革). The applicant confirms the guide version's text, identified by its SM3 hash, and uploads nothing.
 */
describe('告知承诺制 (commitments signed in the form)', () => {
  let item: ImplementationItem;
  let facilitiesText: string;
  beforeAll(async () => {
    item = await travelAgencyItem();
    facilitiesText = item.guide.materials.find((m) => m.id === 'facilities')!.commitment!.text;
  });

  /** A complete application with 营业设施 promised instead of uploaded. */
  async function promisedApplication(applicant: string) {
    const body = await completeApplication(applicant, item, TRAVEL_AGENCY_FIELDS);
    delete body.materials.facilities;
    return { ...body, commitments: { facilities: { textHash: commitmentTextHash(facilitiesText) } } };
  }

  it('the guide offers the commitment with its text; the seed validates it', () => {
    const facilities = item.guide.materials.find((m) => m.id === 'facilities')!;
    expect(facilities.commitment?.text).toContain('本单位承诺');
    expect(facilities.commitment?.consequence).toContain('撤销许可');
    expect(item.guide.materials.find((m) => m.id === 'staff-list')!.commitment).toBeUndefined();
  });

  it('a commitment material is confirmed in the form, no upload; the case shows it and staff see the signed text and hash', async () => {
    const applicant = await newUser();
    const res = await submitApplication(applicant, await promisedApplication(applicant));
    expect(res.status).toBe(201);
    const caseNumber = res.body.caseNumber as string;

    const mine = await applicantCase(applicant, caseNumber);
    const facilities = mine.materials.find((m) => m.materialId === 'facilities')!;
    expect(facilities.files).toEqual([]);
    expect(facilities.commitment).toMatchObject({
      guideVersion: item.version,
      textHash: commitmentTextHash(facilitiesText),
      algorithm: 'SM3',
      text: facilitiesText,
      applicantName: '黄山云海旅行社有限公司',
      falseMarks: [],
    });
    expect(Date.parse(facilities.commitment!.confirmedAt)).toBeGreaterThan(Date.now() - 120_000);
    // In guide order with the uploaded ones.
    expect(mine.materials.map((m) => m.materialId).indexOf('facilities')).toBeLessThan(mine.materials.map((m) => m.materialId).indexOf('staff-list'));
    expect(mine.channel).toBe('miniapp');

    const staff = (await signInAs('city-pre_review')).accessToken;
    const seen = (await staffCase(staff, caseNumber)).body;
    const signed = seen.materials.find((m) => m.materialId === 'facilities')!;
    expect(signed.files).toEqual([]);
    expect(signed.commitment).toMatchObject({ text: facilitiesText, textHash: commitmentTextHash(facilitiesText), textMatches: true, guideVersion: item.version });
    expect(signed.commitment!.confirmedByUserId).toMatch(/\S/);
    // The submission's audit entry covers the commitment: the chain verifies.
    expect(await verifyAudit(staff, caseNumber)).toMatchObject({ entries: 1, intact: true });
  });

  it('a retry with the same key answers the same case, and still no upload', async () => {
    const applicant = await newUser();
    const body = await promisedApplication(applicant);
    const key = randomUUID();
    const first = await submitApplication(applicant, body, key);
    const again = await submitApplication(applicant, body, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.caseNumber).toBe(first.body.caseNumber);
    expect(again.body.materials.find((m: { materialId: string }) => m.materialId === 'facilities').commitment.textHash).toBe(commitmentTextHash(facilitiesText));
  });

  it('refuses a commitment for a material the law does not allow to replace, with its own code and the material named', async () => {
    const applicant = await newUser();
    const body = await promisedApplication(applicant);
    const res = await submitApplication(applicant, { ...body, commitments: { ...body.commitments, 'staff-list': { textHash: commitmentTextHash('本单位承诺名单真实') } } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'APPLY_COMMITMENT_INVALID', details: [{ path: 'commitments.staff-list', message: '“经营管理人员和导游名单”不适用告知承诺制，请按要求提交材料' }] });
    expect((await api('/cases', { headers: asUser(applicant) })).body.cases).toEqual([]);
  });

  it('refuses a text hash other than the guide version\'s (the text changed, or was altered on the phone)', async () => {
    const applicant = await newUser();
    const body = await promisedApplication(applicant);
    const res = await submitApplication(applicant, { ...body, commitments: { facilities: { textHash: commitmentTextHash(`${facilitiesText}（已修改）`) } } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'APPLY_COMMITMENT_INVALID', details: [{ path: 'commitments.facilities', message: '“营业设施设备说明及经营场所照片”的承诺内容已更新，请重新阅读并确认' }] });
    expect(res.body.message).toMatch(/告知承诺/);
  });

  it('asks for the material or the commitment when neither is given, and refuses both at once', async () => {
    const applicant = await newUser();
    const body = await promisedApplication(applicant);
    const neither = await submitApplication(applicant, { ...body, commitments: {} });
    expect(neither.status).toBe(400);
    expect(neither.body.details).toContainEqual({ path: 'materials.facilities', message: '请上传“营业设施设备说明及经营场所照片”，或阅读并确认告知承诺' });
    const both = await submitApplication(applicant, { ...body, materials: { ...body.materials, facilities: [await upload(applicant, item.implementationCode, 'facilities', MINIMAL_PDF)] } });
    expect(both.status).toBe(400);
    expect(both.body.details).toContainEqual({ path: 'materials.facilities', message: '“营业设施设备说明及经营场所照片”已选择告知承诺，无需再上传文件' });
  });

  it('uploading the proof instead stays possible (告知承诺 is the applicant\'s choice)', async () => {
    const applicant = await newUser();
    const res = await submitApplication(applicant, await completeApplication(applicant, item, TRAVEL_AGENCY_FIELDS));
    expect(res.status).toBe(201);
    const facilities = res.body.materials.find((m: { materialId: string }) => m.materialId === 'facilities');
    expect(facilities.files).toHaveLength(1);
    expect(facilities.commitment).toBeUndefined();
  });

  it('a one-time notice cannot ask for a material the applicant committed instead of submitting', async () => {
    const applicant = await newUser();
    const res = await submitApplication(applicant, await promisedApplication(applicant));
    const preReview = (await signInAs('city-pre_review')).accessToken;
    const refused = await act(preReview, res.body.caseNumber, { action: 'request_supplement', defects: [{ materialId: 'facilities', reason: '照片不清晰' }] });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([
      { path: 'defects[0].materialId', message: '“营业设施设备说明及经营场所照片”已告知承诺，不能要求补正' },
    ]);
  });

  describe('a false commitment marked by staff', () => {
    let applicant: string;
    let caseNumber: string;
    let reviewer: string;
    beforeAll(async () => {
      applicant = await newUser();
      const res = await submitApplication(applicant, await promisedApplication(applicant));
      caseNumber = res.body.caseNumber;
      reviewer = (await signInAs('city-review')).accessToken;
    });

    it('is offered only to staff who review or decide, and only on a case with a commitment', async () => {
      expect((await staffCase(reviewer, caseNumber)).body.actions).toContain('mark_commitment_false');
      const decider = (await signInAs('city-decide')).accessToken;
      expect((await staffCase(decider, caseNumber)).body.actions).toEqual(['mark_commitment_false']);
      const preReview = (await signInAs('city-pre_review')).accessToken;
      expect((await staffCase(preReview, caseNumber)).body.actions).not.toContain('mark_commitment_false');
      const refused = await act(preReview, caseNumber, { action: 'mark_commitment_false', opinion: '现场核查无传真机', commitment: { materialId: 'facilities', consequence: 'credit_record' } });
      expect(refused.status).toBe(403);

      const other = await newUser();
      const plain = await submitApplication(other, await completeApplication(other, item, TRAVEL_AGENCY_FIELDS));
      expect((await staffCase(reviewer, plain.body.caseNumber)).body.actions).not.toContain('mark_commitment_false');
    });

    it('needs the material (one the applicant promised), the consequence and an opinion', async () => {
      const missing = await act(reviewer, caseNumber, { action: 'mark_commitment_false' });
      expect(missing.status).toBe(400);
      expect(missing.body.details).toEqual(expect.arrayContaining([{ path: 'commitment', message: '请选择材料和处理结果' }, { path: 'opinion', message: '请填写办理意见' }]));
      const notPromised = await act(reviewer, caseNumber, { action: 'mark_commitment_false', opinion: '核查不实', commitment: { materialId: 'staff-list', consequence: 'credit_record' } });
      expect(notPromised.status).toBe(400);
      expect(notPromised.body.details).toEqual([{ path: 'commitment.materialId', message: '请选择已告知承诺的材料' }]);
    });

    it('keeps the status, is in the history and the audit chain, and the applicant sees it; a concurrent second mark gets 409', async () => {
      const version = (await staffCase(reviewer, caseNumber)).body.version;
      const request = { action: 'mark_commitment_false' as const, version, opinion: '经现场核查，经营场所无传真机和复印机，承诺不实', commitment: { materialId: 'facilities', consequence: 'revoke_licence' as const } };
      const [a, b] = await Promise.all([act(reviewer, caseNumber, request), act(reviewer, caseNumber, { ...request, commitment: { materialId: 'facilities', consequence: 'credit_record' } })]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body.code).toBe('CASE_VERSION_CONFLICT');
      const winner = a.status === 200 ? a : b;
      expect(winner.body.status).toBe('pre_review');
      expect(winner.body.version).toBe(version + 1);
      expect(winner.body.history.at(-1)).toMatchObject({ action: 'mark_commitment_false', actionLabel: '认定承诺不实', from: 'pre_review', to: 'pre_review', actorName: '赵审查' });
      const consequence = a.status === 200 ? '撤销许可' : '纳入信用记录';
      expect(winner.body.materials.find((m) => m.materialId === 'facilities')!.commitment!.falseMarks).toEqual([
        expect.objectContaining({ consequenceLabel: consequence, opinion: request.opinion, actorName: '赵审查' }),
      ]);

      const mine = await applicantCase(applicant, caseNumber);
      expect(mine.status).toBe('pre_review');
      expect(mine.history.map((h) => h.actionLabel)).toContain('认定承诺不实');
      expect(mine.materials.find((m) => m.materialId === 'facilities')!.commitment!.falseMarks).toEqual([expect.objectContaining({ consequenceLabel: consequence, opinion: request.opinion })]);

      expect((await storedEntries(caseNumber)).map((e) => [e.seq, e.action])).toEqual([
        [1, 'submit'],
        [2, 'mark_commitment_false'],
      ]);
      expect(await verifyAudit(reviewer, caseNumber)).toMatchObject({ entries: 2, intact: true });
      // The case goes on as before.
      const preReview = (await signInAs('city-pre_review')).accessToken;
      expect((await act(preReview, caseNumber, { action: 'accept', opinion: '材料齐全，予以受理' })).status).toBe(200);
    });
  });
});
