import { randomUUID } from 'node:crypto';
import type { ImplementationItem } from '@ah-tourism/shared';
import { api, forRequests } from '../support/api';
import { asUser, cityItem, completeApplication, newUser, signInAs, submitApplication, validCreditCode } from '../support/applications';
import { storedEntries, verifyAudit } from '../support/audit';
import { act, applicantCase, staffCase } from '../support/lifecycle';
import { decide, staffOf } from '../support/licences';

const json = { 'Content-Type': 'application/json' };

describe('smart approval (旅行社服务网点设立备案)', () => {
  let item: ImplementationItem;
  beforeAll(async () => {
    item = await cityItem('旅行社服务网点设立备案');
  });

  async function apply(fields: Record<string, unknown>, creditCode?: string) {
    const applicant = await newUser();
    const body = await completeApplication(applicant, item, fields);
    if (creditCode) (body.applicant as { enterprise: { creditCode: string } }).enterprise.creditCode = creditCode;
    const res = await submitApplication(applicant, body);
    expect(res.status).toBe(201);
    return { applicant, caseNumber: res.body.caseNumber as string, body: res.body };
  }

  it('accepts, approves and delivers at once when every rule passes, recorded with the rules it checked', async () => {
    const { applicant, caseNumber, body } = await apply({ agencyName: '黄山云海旅行社有限公司', outletName: '黄山云海旅行社屯溪老街服务网点', outletAddress: '黄山市屯溪区老街128号' });
    expect(body.status).toBe('delivered');
    const mine = await applicantCase(applicant, caseNumber);
    expect(mine.history.map((h) => [h.action, h.by])).toEqual([
      ['submit', 'applicant'],
      ['auto_approve', 'system'],
      ['deliver', 'system'],
    ]);
    expect(mine.documents.map((d) => d.kind)).toEqual(['filing_receipt']);
    expect(mine.documents[0]!.paragraphs.join('')).toContain('智慧审批');
    const licence = mine.materials.find((m) => m.materialId === 'parent-agency-licence')!.licence!;
    expect(licence).toMatchObject({ status: 'verified', number: 'L-AH-00987' });

    const staff = (await signInAs('city-pre_review')).accessToken;
    const seen = (await staffCase(staff, caseNumber)).body;
    expect(seen.smartApproval?.outcome).toBe('approved');
    expect(seen.smartApproval?.rules.every((r) => r.passed)).toBe(true);
    expect((await storedEntries(caseNumber)).map((e) => [e.seq, e.action])).toEqual([
      [1, 'submit'],
      [2, 'auto_approve'],
      [3, 'deliver'],
    ]);
    expect(await verifyAudit(staff, caseNumber)).toMatchObject({ entries: 3, intact: true });
  });

  it('falls back to a person, showing the failed rule, when the outlet is in another city', async () => {
    const { caseNumber, body } = await apply({ agencyName: '黄山云海旅行社有限公司', outletName: '云海旅行社合肥网点', outletAddress: '合肥市蜀山区长江西路100号' });
    expect(body.status).toBe('pre_review');
    const staff = (await signInAs('city-pre_review')).accessToken;
    const seen = (await staffCase(staff, caseNumber)).body;
    expect(seen.smartApproval?.outcome).toBe('manual');
    const failed = seen.smartApproval!.rules.filter((r) => !r.passed);
    expect(failed.map((r) => r.kind)).toEqual(['field_in_region']);
    expect(failed[0]!.detail).toContain('不在黄山市');
    expect(seen.actions).toContain('accept');
  });

  // A licence held only revoked refuses the application itself (test/api/licence-wallet.test.ts); one the
  // wallet does not hold at all leaves the case to a person.
  it('falls back to a person when the wallet does not hold the parent agency’s licence', async () => {
    const { caseNumber, body } = await apply({ agencyName: '黄山无证旅行社有限公司', outletName: '无证网点', outletAddress: '黄山市黄山区甘棠镇1号' }, validCreditCode('91341000MA2W1E2R3'));
    expect(body.status).toBe('pre_review');
    const staff = (await signInAs('city-pre_review')).accessToken;
    const failed = (await staffCase(staff, caseNumber)).body.smartApproval!.rules.filter((r) => !r.passed).map((r) => r.kind);
    expect(failed).toEqual(['licence_valid', 'materials_verified']);
  });
});

describe('the one visit of a negative-list item (A级旅游景区质量等级评定)', () => {
  /** The visit collects the plaque: it opens once the case is approved. */
  const approveAll = async (cases: string[]) => {
    const personas = await staffOf('city');
    for (const caseNumber of cases) await decide(personas, caseNumber);
  };

  it('opens once the case is approved, and says what it is for: awaiting pre-review or under review it cannot be booked', async () => {
    const item = await cityItem('A级旅游景区质量等级评定');
    const grade = item.applicationFields!.find((f) => f.key === 'targetGrade')!.options![0];
    const applicant = await newUser();
    const caseNumber = (await submitApplication(applicant, await completeApplication(applicant, item, { scenicName: '黄山齐云山景区', targetGrade: grade, scenicAddress: '黄山市休宁县齐云山镇' }))).body.caseNumber as string;
    const waiting = await applicantCase(applicant, caseNumber);
    expect(waiting.visit).toMatchObject({ required: true, when: 'after_approval', canBook: false, purpose: '到现场领取A级旅游景区标牌并签收' });
    const tooEarly = await api(`/cases/${caseNumber}/visit-slots`, { headers: asUser(applicant) });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body).toMatchObject({ code: 'CASE_ACTION_NOT_ALLOWED', message: '作出准予决定后、送达前才能预约到现场领取结果' });
    const booking = await api(`/cases/${caseNumber}/visit`, { method: 'PUT', headers: asUser(applicant, { ...json, 'Idempotency-Key': randomUUID() }), body: JSON.stringify({ slotId: '202601010900' }) });
    expect(booking.status).toBe(409);

    const personas = await staffOf('city');
    expect((await act(personas.pre, caseNumber, { action: 'accept', opinion: '材料齐全' })).status).toBe(200);
    expect((await applicantCase(applicant, caseNumber)).visit?.canBook).toBe(false);
    expect((await act(personas.review, caseNumber, { action: 'complete_review', opinion: '符合条件' })).status).toBe(200);
    expect((await act(personas.decide, caseNumber, { action: 'approve', opinion: '同意' })).status).toBe(200);
    expect((await applicantCase(applicant, caseNumber)).visit?.canBook).toBe(true);
    expect((await api(`/cases/${caseNumber}/visit-slots`, { headers: asUser(applicant) })).status).toBe(200);
  }, forRequests(20));

  it('is booked online from the hall’s slots; a full slot refuses; rebooking frees the old slot', async () => {
    const item = await cityItem('A级旅游景区质量等级评定');
    const grade = item.applicationFields!.find((f) => f.key === 'targetGrade')!.options![0];
    const applicants = await Promise.all(Array.from({ length: 4 }, () => newUser()));
    const cases = await Promise.all(
      applicants.map(async (applicant) => {
        const res = await submitApplication(applicant, await completeApplication(applicant, item, { scenicName: '黄山翡翠谷景区', targetGrade: grade, scenicAddress: '黄山市黄山区汤口镇翡翠谷' }));
        expect(res.status).toBe(201);
        return res.body.caseNumber as string;
      }),
    );
    await approveAll(cases);
    const first = await applicantCase(applicants[0]!, cases[0]!);
    expect(first.visit).toMatchObject({ required: true, canBook: true });
    expect(first.visit!.reason).toBeTruthy();

    const offered = await api(`/cases/${cases[0]}/visit-slots`, { headers: asUser(applicants[0]!) });
    expect(offered.status).toBe(200);
    expect(offered.body.slots).toHaveLength(50);
    const slot = offered.body.slots.find((s: { remaining: number }) => s.remaining === 3) as { slotId: string };
    const book = (i: number, slotId: string) => api(`/cases/${cases[i]}/visit`, { method: 'PUT', headers: asUser(applicants[i]!, { ...json, 'Idempotency-Key': randomUUID() }), body: JSON.stringify({ slotId }) });

    const outcomes = await Promise.all([0, 1, 2, 3].map((i) => book(i, slot.slotId)));
    expect(outcomes.map((o) => o.status).sort()).toEqual([200, 200, 200, 409]);
    const refused = outcomes.find((o) => o.status === 409)!;
    expect(refused.body.code).toBe('VISIT_SLOT_FULL');

    const winner = outcomes.findIndex((o) => o.status === 200);
    const other = offered.body.slots.find((s: { slotId: string; remaining: number }) => s.slotId !== slot.slotId && s.remaining === 3) as { slotId: string };
    expect((await book(winner, other.slotId)).status).toBe(200);
    const loser = outcomes.findIndex((o) => o.status === 409);
    expect((await book(loser, slot.slotId)).status).toBe(200);
    const after = await api(`/cases/${cases[0]}/visit-slots`, { headers: asUser(applicants[0]!) });
    expect(after.body.slots.find((s: { slotId: string }) => s.slotId === slot.slotId).remaining).toBe(0);
    expect(after.body.slots.find((s: { slotId: string }) => s.slotId === other.slotId).remaining).toBe(2);

    const staff = (await signInAs('city-pre_review')).accessToken;
    const seen = (await staffCase(staff, cases[winner]!)).body;
    expect(seen.visit?.startsAt).toBeDefined();
    // The history says the booked time as people read it (China time), not as it is stored.
    const booked = seen.history.find((h: { action: string }) => h.action === 'book_visit')?.opinion;
    expect(booked).toMatch(/^预约现场办理：\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}–\d{2}:\d{2}，.+/);
    expect(booked).not.toMatch(/T\d{2}:\d{2}:\d{2}/);
    // Each booking is a step of the audit chain, after the decision.
    expect((await storedEntries(cases[winner]!)).map((entry) => [entry.seq, entry.action])).toEqual([
      [1, 'submit'],
      [2, 'accept'],
      [3, 'complete_review'],
      [4, 'approve'],
      [5, 'book_visit'],
      [6, 'book_visit'],
    ]);
    expect(await verifyAudit(staff, cases[winner]!)).toMatchObject({ entries: 6, intact: true });
  }, forRequests(60));

  it('is booked while staff deliver the decision at the same moment: the audit chain never forks', async () => {
    const item = await cityItem('A级旅游景区质量等级评定');
    const grade = item.applicationFields!.find((f) => f.key === 'targetGrade')!.options![0];
    const staff = (await signInAs('city-deliver')).accessToken;
    const applicants = await Promise.all(Array.from({ length: 5 }, () => newUser()));
    const cases = await Promise.all(
      applicants.map(async (applicant) => (await submitApplication(applicant, await completeApplication(applicant, item, { scenicName: '黄山翡翠谷景区', targetGrade: grade, scenicAddress: '黄山市黄山区汤口镇翡翠谷' }))).body.caseNumber as string),
    );
    await approveAll(cases);
    const slots = await api(`/cases/${cases[0]}/visit-slots`, { headers: asUser(applicants[0]!) });
    const versions = await Promise.all(cases.map(async (caseNumber) => (await staffCase(staff, caseNumber)).body.version));
    await Promise.all(
      cases.map(async (caseNumber, i) => {
        const slot = slots.body.slots[10 + i] as { slotId: string };
        const [booked, delivered] = await Promise.all([
          api(`/cases/${caseNumber}/visit`, { method: 'PUT', headers: asUser(applicants[i]!, { ...json, 'Idempotency-Key': randomUUID() }), body: JSON.stringify({ slotId: slot.slotId }) }),
          act(staff, caseNumber, { action: 'deliver', delivery: { method: 'electronic' }, version: versions[i]! }),
        ]);
        // The staff step goes on after a booking that took its entry number; a booking that came second is
        // refused (the case moved on: delivered, or a newer version).
        expect(delivered.status).toBe(200);
        expect(booked.status === 200 || (booked.status === 409 && ['CASE_VERSION_CONFLICT', 'CASE_ACTION_NOT_ALLOWED'].includes(booked.body.code))).toBe(true);
        const actions = (await storedEntries(caseNumber)).map((e) => e.action);
        expect(actions.sort()).toEqual(['accept', 'approve', ...(booked.status === 200 ? ['book_visit'] : []), 'complete_review', 'deliver', 'submit'].sort());
        expect(await verifyAudit(staff, caseNumber)).toMatchObject({ intact: true, entries: actions.length });
      }),
    );
  }, forRequests(90));

  it('is booked once per idempotency key: sent again or five times at once, one booking and one place taken', async () => {
    const item = await cityItem('A级旅游景区质量等级评定');
    const grade = item.applicationFields!.find((f) => f.key === 'targetGrade')!.options![0];
    const applicant = await newUser();
    const submitted = await submitApplication(applicant, await completeApplication(applicant, item, { scenicName: '黄山九龙瀑景区', targetGrade: grade, scenicAddress: '黄山市黄山区汤口镇九龙瀑' }));
    expect(submitted.status).toBe(201);
    const caseNumber = submitted.body.caseNumber as string;
    await approveAll([caseNumber]);
    const slots = async () => (await api(`/cases/${caseNumber}/visit-slots`, { headers: asUser(applicant) })).body.slots as { slotId: string; remaining: number }[];
    const [slot, other] = (await slots()).filter((s) => s.remaining >= 1).slice(-2) as [{ slotId: string; remaining: number }, { slotId: string; remaining: number }];
    const book = (slotId: string, key?: string) =>
      api(`/cases/${caseNumber}/visit`, { method: 'PUT', headers: asUser(applicant, { ...json, ...(key ? { 'Idempotency-Key': key } : {}) }), body: JSON.stringify({ slotId }) });

    const burstKey = randomUUID();
    const burst = await Promise.all(Array.from({ length: 5 }, () => book(slot.slotId, burstKey)));
    // Every answer is the one booking, whether replayed from the key or read with the case it was made on.
    expect(burst.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    for (const answer of burst) expect(answer.body).toEqual(burst[0]!.body);
    const again = await book(slot.slotId, burstKey);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(burst[0]!.body);
    expect((await slots()).find((s) => s.slotId === slot.slotId)!.remaining).toBe(slot.remaining - 1);

    const reused = await book(other.slotId, burstKey);
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('COMMON_IDEMPOTENCY_KEY_REUSED');
    const keyless = await book(other.slotId);
    expect(keyless.status).toBe(400);
    expect(keyless.body.code).toBe('COMMON_IDEMPOTENCY_KEY_REQUIRED');
    expect((await applicantCase(applicant, caseNumber)).visit?.booking?.slotId).toBe(slot.slotId);
    expect((await slots()).find((s) => s.slotId === other.slotId)!.remaining).toBe(other.remaining);
  }, forRequests(40));

  it('is not offered for items that can be done entirely online', async () => {
    const applicant = await newUser();
    const item = await cityItem('旅行社业务经营许可');
    const res = await submitApplication(applicant, await completeApplication(applicant, item, { agencyName: '黄山云海旅行社有限公司', premisesAddress: '黄山市屯溪区新安北路88号2楼', premisesTenure: '自有产权', registeredCapital: 30 }));
    expect((await applicantCase(applicant, res.body.caseNumber)).visit).toBeUndefined();
    expect((await api(`/cases/${res.body.caseNumber}/visit-slots`, { headers: asUser(applicant) })).status).toBe(409);
  });
});
