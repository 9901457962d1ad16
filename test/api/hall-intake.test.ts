import { randomUUID } from 'node:crypto';
import { commitmentTextHash, type HallIntakeReceipt, type ImplementationItem } from '@ah-tourism/shared';
import { api, forRequests } from '../support/api';
import { TRAVEL_AGENCY_FIELDS, asUser, completeApplication, newUser, signInAs, submitApplication, travelAgencyItem } from '../support/applications';
import { storedEntries, verifyAudit } from '../support/audit';
import { applicantCase, staffCase } from '../support/lifecycle';

const json = { 'Content-Type': 'application/json' };

/**
 * 线上线下联合办理: the hall window (周窗口, 黄山市文化和旅游局) enters a walk-in application with scanned
 * materials; the receipt carries the case number and a one-time claim code the person uses on the phone.
 */
describe('hall intake (窗口受理) and claiming the case on the phone', () => {
  let item: ImplementationItem;
  let hall: string;
  beforeAll(async () => {
    item = await travelAgencyItem();
    hall = (await signInAs('city-hall_window')).accessToken;
  });

  const enter = (token: string, body: unknown, key: string = randomUUID()) =>
    api<HallIntakeReceipt & { code?: string; message?: string; details?: unknown }>('/staff/intake', { method: 'POST', headers: asUser(token, { ...json, 'Idempotency-Key': key }), body: JSON.stringify(body) });
  const claim = (token: string, caseNumber: string, claimCode: string) =>
    api('/cases/claim', { method: 'POST', headers: asUser(token, json), body: JSON.stringify({ caseNumber, claimCode }) });

  /** The walk-in application as the window enters it: scanned files uploaded by the staff member, 营业设施 signed in person. */
  async function walkIn(token = hall) {
    const body = await completeApplication(token, item, TRAVEL_AGENCY_FIELDS);
    delete body.materials.facilities;
    const facilities = item.guide.materials.find((m) => m.id === 'facilities')!.commitment!.text;
    return { ...body, commitments: { facilities: { textHash: commitmentTextHash(facilities) } }, signedInPerson: true };
  }

  it('creates the case on the window channel with the staff member recorded, and answers a receipt; a retry answers the same receipt', async () => {
    const body = await walkIn();
    const key = randomUUID();
    const first = await enter(hall, body, key);
    expect(first.status).toBe(201);
    const receipt = first.body;
    expect(receipt).toMatchObject({ itemName: '旅行社业务经营许可', channelLabel: '服务大厅窗口', enteredBy: '周窗口', applicantName: '黄山云海旅行社有限公司', claimed: false });
    expect(receipt.claimCode).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(receipt.materials).toContainEqual({ name: '营业设施设备说明及经营场所照片', how: '告知承诺（申请人当面签署）' });
    expect(receipt.materials).toContainEqual({ name: '旅行社业务经营许可申请书', how: '扫描件 1 份' });

    const again = await enter(hall, body, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(receipt);

    const staff = (await staffCase(hall, receipt.caseNumber)).body;
    expect(staff).toMatchObject({ channel: 'hall_window', channelLabel: '服务大厅窗口', enteredBy: '周窗口', claimed: false, status: 'pre_review' });
    expect(staff.history[0]).toMatchObject({ action: 'submit', by: 'staff', actorName: '周窗口' });
    expect(staff.materials.find((m) => m.materialId === 'facilities')!.commitment).toMatchObject({ signedInPerson: { staffName: '周窗口' }, textMatches: true });
    // The organisation's inbox has it with every other case.
    const preReview = (await signInAs('city-pre_review')).accessToken;
    const listed: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { caseNumber: string }[]; nextCursor: string | null } = (await api(`/staff/cases?limit=50&item=${item.implementationCode}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: asUser(preReview) })).body;
      listed.push(...page.items.map((c) => c.caseNumber));
      cursor = page.nextCursor;
    } while (cursor && !listed.includes(receipt.caseNumber));
    expect(listed).toContain(receipt.caseNumber);
  });

  it('confirms commitments on the person\'s behalf only with 申请人已当面签署', async () => {
    const res = await enter(hall, { ...(await walkIn()), signedInPerson: false });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'APPLY_COMMITMENT_NOT_SIGNED', details: [{ path: 'signedInPerson' }] });
  });

  it('is for hall-window staff only, and only for their own organisation\'s items', async () => {
    const preReview = (await signInAs('city-pre_review')).accessToken;
    const refused = await enter(preReview, await walkIn(preReview));
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('AUTH_FORBIDDEN');

    const citizen = await newUser();
    expect((await enter(citizen, { implementationCode: item.implementationCode })).status).toBe(403);

    const provincialHall = (await signInAs('province-hall_window')).accessToken;
    const elsewhere = await enter(provincialHall, await walkIn(provincialHall));
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe('INTAKE_ORGANISATION_MISMATCH');
  });

  it('refuses a bad ID number with the same message as online', async () => {
    const body = await walkIn();
    const res = await enter(hall, { ...body, applicant: { ...body.applicant, agent: { name: '程晓雨', idNumber: '341002199003071230', mobile: '13955912345' } } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.details)).toMatch(/身份证/);
  });

  it('the person sees the case under 我的办件 only after claiming it; nobody else can see or claim it', async () => {
    const receipt = (await enter(hall, await walkIn())).body;
    const person = await newUser();
    const stranger = await newUser();

    // Before claiming: nobody's case.
    expect((await api(`/cases/${receipt.caseNumber}`, { headers: asUser(person) })).status).toBe(404);
    expect((await api('/cases', { headers: asUser(person) })).body.cases).toEqual([]);

    const wrong = await claim(person, receipt.caseNumber, 'AAAA-AAAA');
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'CLAIM_CODE_INVALID', message: '办件编号或认领码不正确，请核对回执（还可尝试 4 次）' });

    // Typed in lower case and without the dash, as people do.
    const claimed = await claim(person, receipt.caseNumber, receipt.claimCode.replace('-', '').toLowerCase());
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ caseNumber: receipt.caseNumber, channel: 'hall_window', channelLabel: '服务大厅窗口', status: 'pre_review' });
    expect(claimed.body.materials.find((m: { materialId: string }) => m.materialId === 'facilities').commitment).toMatchObject({ signedInPerson: { staffName: '周窗口' } });

    const list = (await api('/cases', { headers: asUser(person) })).body.cases;
    expect(list.map((c: { caseNumber: string }) => c.caseNumber)).toEqual([receipt.caseNumber]);
    const mine = await applicantCase(person, receipt.caseNumber);
    expect(mine.history.map((h) => h.action)).toEqual(['submit', 'claim_case']);

    // Claimed once: again by the same person is fine, by anyone else refused; still invisible to them.
    expect((await claim(person, receipt.caseNumber, receipt.claimCode)).status).toBe(200);
    const taken = await claim(stranger, receipt.caseNumber, receipt.claimCode);
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('CLAIM_ALREADY_CLAIMED');
    expect((await api(`/cases/${receipt.caseNumber}`, { headers: asUser(stranger) })).status).toBe(404);

    // Staff see it claimed, the claim is a step in the audit chain, and a retried entry says so on the receipt.
    expect((await staffCase(hall, receipt.caseNumber)).body).toMatchObject({ claimed: true });
    expect((await storedEntries(receipt.caseNumber)).map((e) => [e.seq, e.action])).toEqual([
      [1, 'submit'],
      [2, 'claim_case'],
    ]);
    expect(await verifyAudit(hall, receipt.caseNumber)).toMatchObject({ entries: 2, intact: true });
  }, forRequests(16));

  it('locks the claim after five wrong codes, even for the right one', async () => {
    const receipt = (await enter(hall, await walkIn())).body;
    const guesser = await newUser();
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await claim(guesser, receipt.caseNumber, `ZZZZ-ZZZ${i + 2}`));
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 429]);
    expect(answers[4]!.body.code).toBe('CLAIM_LOCKED');
    const right = await claim(await newUser(), receipt.caseNumber, receipt.claimCode);
    expect(right.status).toBe(429);
    expect(right.body).toMatchObject({ code: 'CLAIM_LOCKED', message: '认领码输错过多，已暂停认领，请到窗口办理' });
  }, forRequests(10));

  it('cannot claim an online case, nor one the staff member entered themselves', async () => {
    const applicant = await newUser();
    const online = await submitApplication(applicant, await completeApplication(applicant, item, TRAVEL_AGENCY_FIELDS));
    const other = await newUser();
    const res = await claim(other, online.body.caseNumber, 'ABCD-EFGH');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('CLAIM_CODE_INVALID');

    const receipt = (await enter(hall, await walkIn())).body;
    const own = await claim(hall, receipt.caseNumber, receipt.claimCode);
    expect(own.status).toBe(403);
    const notACase = await claim(other, 'not-a-case', 'ABCD-EFGH');
    expect(notACase.status).toBe(400);
  });
});
