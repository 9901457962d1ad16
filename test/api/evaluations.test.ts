import { randomUUID } from 'node:crypto';
import type { FeedbackStats, RectificationSummary } from '@ah-tourism/shared';
import { api } from '../support/api';
import { asUser, cityItem, completeApplication, newUser, signInAs, submitApplication } from '../support/applications';
import { actOnTask, evaluate, finishedCase, rectification } from '../support/evaluations';
import { pendingTimers } from '../support/feedback';
import { HUANGSHAN_BUREAU, eventually, inbox, invokeFunction, newStaff } from '../support/notifications';
import { applicantCase } from '../support/lifecycle';

const HEFEI_BUREAU = '113401000030141720';
/** A rectification date two weeks ahead, as YYYY-MM-DD in China Standard Time. */
const IN_TWO_WEEKS = new Date(Date.now() + 8 * 3600_000 + 14 * 24 * 3600_000).toISOString().slice(0, 10);

describe('一事一评: evaluating a finished case', () => {
  it('takes one evaluation per case, sanitises the comment and withdraws the pending invitation', async () => {
    const { applicant, caseNumber } = await finishedCase();
    expect((await pendingTimers(caseNumber)).map((t) => t.kind)).toEqual(['evaluation']);
    expect((await applicantCase(applicant, caseNumber)).evaluation).toEqual({ canEvaluate: true });

    const [first, second] = await Promise.all([
      evaluate(applicant, caseNumber, {
        level: 'very_satisfied',
        dimensions: { efficiency: 'very_satisfied', guide_accuracy: 'satisfied', convenience: 'very_satisfied', usability: 'satisfied' },
        tags: ['fast', 'no_visit'],
        comment: '<b>全程网办</b>，有事打我13912345678',
      }),
      evaluate(applicant, caseNumber, { level: 'satisfied' }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([201, 409]);
    const created = first.status === 201 ? first : second;
    const refused = first.status === 201 ? second : first;
    expect(refused.body.code).toBe('EVALUATION_ALREADY_GIVEN');
    expect(refused.body.message).toBe('您已评价过这件事，每件事只能评价一次');

    const again = await evaluate(applicant, caseNumber, { level: 'very_dissatisfied', tags: ['attitude'] });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EVALUATION_ALREADY_GIVEN');

    const mine = (await applicantCase(applicant, caseNumber)).evaluation!;
    expect(mine.canEvaluate).toBe(false);
    expect(mine.given).toMatchObject({ level: created.body.level, channel: 'miniapp', channelLabel: '微信小程序' });
    if (created.body.level === 'very_satisfied') {
      expect(mine.given!.comment).toBe('全程网办 ，有事打我139****5678');
      expect(mine.given!.tagLabels).toEqual(['办理快', '不用跑腿']);
    }
    expect(await pendingTimers(caseNumber)).toEqual([]);
  });

  it('is open only once the case is finished, and only to its applicant', async () => {
    const { applicant, caseNumber } = await finishedCase();
    const stranger = await newUser();
    const foreign = await evaluate(stranger, caseNumber, { level: 'very_dissatisfied' });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('CASE_NOT_FOUND');

    const invalid = await evaluate(applicant, caseNumber, { level: 'great' as never, comment: 'x'.repeat(700) });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['comment', 'level']);
  });

  it('refuses a case that is not finished yet', async () => {
    const applicant = await newUser();
    const item = await cityItem('旅行社服务网点设立备案');
    const res = await submitApplication(applicant, await completeApplication(applicant, item, { agencyName: '黄山云海旅行社有限公司', outletName: '云海旅行社合肥网点', outletAddress: '合肥市蜀山区长江西路100号' }));
    expect(res.body.status).toBe('pre_review');
    expect((await applicantCase(applicant, res.body.caseNumber)).evaluation).toEqual({ canEvaluate: false });
    const early = await evaluate(applicant, res.body.caseNumber, { level: 'satisfied' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('EVALUATION_NOT_OPEN');
  });

  it('is recorded on behalf of a person by hall-window staff, tagged with the channel; a citizen cannot claim a channel', async () => {
    const { applicant, caseNumber } = await finishedCase();
    const citizen = await evaluate(applicant, caseNumber, { level: 'satisfied', onBehalf: { channel: 'hall_window', name: '张三' } });
    expect(citizen.status).toBe(403);
    const hotline = (await signInAs('city-hotline_12301')).accessToken;
    const wrongChannel = await evaluate(hotline, caseNumber, { level: 'satisfied', onBehalf: { channel: 'hall_window', name: '程晓雨' } });
    expect(wrongChannel.status).toBe(403);

    const hall = (await signInAs('city-hall_window')).accessToken;
    const recorded = await evaluate(hall, caseNumber, { level: 'satisfied', tags: ['helpful_staff'], onBehalf: { channel: 'hall_window', name: '程晓雨', mobile: '13955912345' } });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ channel: 'hall_window', channelLabel: '服务大厅窗口', level: 'satisfied' });
    // Recorded for them, it does not take their own evaluation away.
    expect((await applicantCase(applicant, caseNumber)).evaluation).toMatchObject({ canEvaluate: true, given: { channel: 'hall_window' } });

    // A bad review taken on the 12301 line, from the agent (known by name), is called back on the number the caller gave.
    const other = await finishedCase();
    const hotlineReview = await evaluate(hotline, other.caseNumber, { level: 'very_dissatisfied', tags: ['attitude'], onBehalf: { channel: 'hotline_12301', name: '程晓雨', mobile: '13866661234' } });
    expect(hotlineReview.status).toBe(201);
    const task = (await rectification((await signInAs('city-org_admin')).accessToken, other.caseNumber)).body;
    expect(task).toMatchObject({ channel: 'hotline_12301', evaluatorName: '程**', evaluatorMobile: '13866661234' });
  });

  it('on someone’s behalf only for that person (by name or registered mobile), from any city’s desk; it never preempts the applicant', async () => {
    const { applicant, caseNumber } = await finishedCase();
    // Provincial 12301 staff take calls about every city's cases, but a stranger's word is not the applicant's.
    const provincial = (await signInAs('province-hotline_12301')).accessToken;
    const stranger = await evaluate(provincial, caseNumber, { level: 'very_dissatisfied', onBehalf: { channel: 'hotline_12301', name: '周立', mobile: '13866661234' } });
    expect({ status: stranger.status, code: stranger.body.code }).toEqual({ status: 403, code: 'EVALUATION_PERSON_NOT_VERIFIED' });
    expect((await rectification((await signInAs('city-org_admin')).accessToken, caseNumber)).status).toBe(404);
    expect((await applicantCase(applicant, caseNumber)).evaluation).toEqual({ canEvaluate: true });

    // The agent, known by the mobile registered with the case: recorded, and it opens the rectification.
    const agent = await evaluate(provincial, caseNumber, { level: 'dissatisfied', onBehalf: { channel: 'hotline_12301', name: '程小雨', mobile: '13955912345' } });
    expect(agent.status).toBe(201);
    expect((await rectification((await signInAs('city-org_admin')).accessToken, caseNumber)).status).toBe(200);

    // The applicant still gives their own online; it replaces the recorded one, and no second task opens.
    const own = await evaluate(applicant, caseNumber, { level: 'very_dissatisfied', comment: '电话里说的不是我的意思' });
    expect(own.status).toBe(201);
    expect((await applicantCase(applicant, caseNumber)).evaluation).toMatchObject({ canEvaluate: false, given: { channel: 'miniapp', level: 'very_dissatisfied' } });
    // Nothing replaces theirs.
    const again = await evaluate(provincial, caseNumber, { level: 'satisfied', onBehalf: { channel: 'hotline_12301', name: '程晓雨' } });
    expect(again.body.code).toBe('EVALUATION_ALREADY_GIVEN');
  });
});

describe('a bad review is worked off', () => {
  it('opens a task with a 5-working-day deadline; call-back, 限期整改 and completion reach the applicant', async () => {
    const admin = await signInAs('city-org_admin');
    const { applicant, caseNumber } = await finishedCase();
    const given = await evaluate(applicant, caseNumber, {
      level: 'dissatisfied',
      dimensions: { efficiency: 'dissatisfied' },
      tags: ['repeated_visits', 'beyond_guide'],
      comment: '网点备案还让我跑了一趟窗口',
    });
    expect(given.status).toBe(201);
    expect((await pendingTimers(caseNumber)).map((t) => t.kind)).toEqual(['rectification']);

    const officer = (await signInAs('city-pre_review')).accessToken;
    const open = await api<{ items: RectificationSummary[] }>('/staff/rectifications?status=open&limit=50', { headers: asUser(officer) });
    const row = open.body.items.find((t) => t.subjectId === caseNumber)!;
    expect(row).toMatchObject({ status: 'awaiting_call_back', statusLabel: '待回访', levelLabel: '不满意', calledBack: false, overdue: false });
    expect(row.tagLabels).toEqual(['多次跑动', '要求指南以外的材料或条件']);
    // Submitted and evaluated today: five working days after today.
    expect(Date.parse(row.dueAt) - Date.now()).toBeGreaterThan(4 * 24 * 3600_000);

    const messages = await eventually('the bad-review message', () => inbox(admin.accessToken), (box) => box.items.some((m) => m.body.includes(caseNumber) && m.title.includes('差评')));
    expect(messages.items.find((m) => m.body.includes(caseNumber))!.page).toBe(`pages/staff/rectification/index?subjectId=${caseNumber}`);

    let detail = (await rectification(officer, caseNumber)).body;
    expect(detail.evaluatorName).toBe('黄山云海旅行社有限公司');
    expect(detail.evaluatorMobile).toBe('13955912345');
    expect(detail.actions).toEqual(['call_back']);

    const tooEarly = await actOnTask(officer, caseNumber, { action: 'respond', outcome: 'explained', response: '已说明' });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.code).toBe('RECTIFICATION_ACTION_NOT_ALLOWED');

    const called = await actOnTask(officer, caseNumber, { action: 'call_back', method: 'phone', reached: true, note: '已电话联系程女士，了解到窗口要求其到场核验' });
    expect(called.status).toBe(200);
    expect(called.body).toMatchObject({ status: 'awaiting_response', calledBack: true, actions: ['call_back', 'respond'] });

    const stale = await actOnTask(officer, caseNumber, { action: 'respond', outcome: 'immediate', response: '已改', version: detail.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('FEEDBACK_VERSION_CONFLICT');

    const noDate = await actOnTask(officer, caseNumber, { action: 'respond', outcome: 'by_date', response: '将取消窗口核验环节' });
    expect(noDate.status).toBe(400);
    expect(noDate.body.details).toEqual([{ path: 'rectifyBy', message: '限期整改须写明整改完成日期' }]);

    const responded = await actOnTask(officer, caseNumber, { action: 'respond', outcome: 'by_date', response: '网点备案不再要求到窗口核验，两周内完成系统调整', rectifyBy: IN_TWO_WEEKS });
    expect(responded.status).toBe(200);
    expect(responded.body).toMatchObject({ status: 'rectifying', statusLabel: '整改中', actions: ['complete'] });
    expect(await pendingTimers(caseNumber)).toEqual([]);

    detail = (await rectification(officer, caseNumber)).body;
    expect(detail.history.map((h) => h.label)).toEqual(['收到不满意（微信小程序）', '电话回访（已联系上）', `限期整改（${IN_TWO_WEEKS}前完成）`]);

    const told = await eventually('the answer in the applicant’s 消息', () => inbox(applicant), (box) => box.items.some((m) => m.title === '您的评价已有答复'));
    expect(told.items.find((m) => m.title === '您的评价已有答复')!.body).toContain('限期整改');
    let seen = (await applicantCase(applicant, caseNumber)).evaluation!.given!.rectification!;
    expect(seen).toMatchObject({ status: 'rectifying', outcome: 'by_date', outcomeLabel: '限期整改', response: '网点备案不再要求到窗口核验，两周内完成系统调整', rectifyBy: IN_TWO_WEEKS });

    const done = await actOnTask(officer, caseNumber, { action: 'complete', note: '系统已调整' });
    expect(done.body.status).toBe('resolved');
    seen = (await applicantCase(applicant, caseNumber)).evaluation!.given!.rectification!;
    expect(seen.statusLabel).toBe('已办结');
    expect(seen.completedAt).toBeDefined();
  });

  it('lets only the responsible organisation act; provincial staff look on read-only', async () => {
    const { applicant, caseNumber } = await finishedCase();
    await evaluate(applicant, caseNumber, { level: 'very_dissatisfied', tags: ['attitude'] });
    const hefei = (await newStaff(HEFEI_BUREAU, ['pre_review'], 'province-admin')).session.accessToken;
    expect((await rectification(hefei, caseNumber)).status).toBe(404);
    const province = (await signInAs('province-pre_review')).accessToken;
    const supervised = await rectification(province, caseNumber);
    expect(supervised.status).toBe(200);
    expect(supervised.body.actions).toEqual([]);
    expect(supervised.body.evaluatorMobile).toBeUndefined();
    const refused = await actOnTask(province, caseNumber, { action: 'call_back', method: 'phone', reached: false, note: '代为回访' });
    expect(refused.status).toBe(403);
    expect((await api('/staff/rectifications', { headers: asUser(applicant) })).status).toBe(403);
  });

  it('sends an appeal to the provincial admin, who upholds it: the review stops counting', async () => {
    const item = await cityItem('旅行社服务网点设立备案');
    const officer = (await signInAs('city-org_admin')).accessToken;
    const statsOf = async () => (await api<FeedbackStats>(`/staff/feedback/stats?item=${item.implementationCode}`, { headers: asUser(officer) })).body;
    const before = await statsOf();

    const { applicant, caseNumber } = await finishedCase();
    await evaluate(applicant, caseNumber, { level: 'very_dissatisfied', tags: ['attitude'], comment: '垃圾' });
    await actOnTask(officer, caseNumber, { action: 'call_back', method: 'phone', reached: false, note: '无人接听' });
    const appealed = await actOnTask(officer, caseNumber, { action: 'respond', outcome: 'appeal', response: '办件系智慧审批即时办结，评价内容与办件无关，申请复核' });
    expect(appealed.body.status).toBe('appealed');
    // The applicant sees that it is under review, not the organisation's argument.
    const seen = (await applicantCase(applicant, caseNumber)).evaluation!.given!.rectification!;
    expect(seen).toEqual({ status: 'appealed', statusLabel: '申诉复核中' });

    const cityDecides = await actOnTask(officer, caseNumber, { action: 'decide_appeal', decision: 'upheld', note: '自己说了算' });
    expect(cityDecides.status).toBe(403);

    const admin = (await signInAs('province-admin')).accessToken;
    const queue = await api<{ items: RectificationSummary[] }>('/staff/rectifications?status=appealed&limit=50', { headers: asUser(admin) });
    expect(queue.body.items.map((t) => t.subjectId)).toContain(caseNumber);
    const upheld = await actOnTask(admin, caseNumber, { action: 'decide_appeal', decision: 'upheld', note: '经核实，评价与办件无关' });
    expect(upheld.status).toBe(200);
    expect(upheld.body.status).toBe('appeal_upheld');
    const after = (await api<{ items: RectificationSummary[] }>('/staff/rectifications?status=appealed&limit=50', { headers: asUser(admin) })).body;
    expect(after.items.map((t) => t.subjectId)).not.toContain(caseNumber);

    const stats = await statsOf();
    expect(stats.voided - before.voided).toBe(1);
    expect(stats.total - before.total).toBe(0);
    expect(stats.rectification.total - before.rectification.total).toBe(1);
  });

  it('returns a dismissed appeal to the organisation, which may not appeal twice', async () => {
    const officer = (await signInAs('city-org_admin')).accessToken;
    const admin = (await signInAs('province-admin')).accessToken;
    const { applicant, caseNumber } = await finishedCase();
    await evaluate(applicant, caseNumber, { level: 'dissatisfied', tags: ['hard_to_use'] });
    await actOnTask(officer, caseNumber, { action: 'call_back', method: 'sms', reached: true, note: '短信联系' });
    await actOnTask(officer, caseNumber, { action: 'respond', outcome: 'appeal', response: '申请复核' });
    const dismissed = await actOnTask(admin, caseNumber, { action: 'decide_appeal', decision: 'dismissed', note: '评价属实，请整改' });
    expect(dismissed.body).toMatchObject({ status: 'awaiting_response', actions: [] });
    expect((await pendingTimers(caseNumber)).map((t) => t.kind)).toEqual(['rectification']);
    const twice = await actOnTask(officer, caseNumber, { action: 'respond', outcome: 'appeal', response: '再申请复核' });
    expect(twice.status).toBe(409);
    const explained = await actOnTask(officer, caseNumber, { action: 'respond', outcome: 'explained', response: '已向申请人说明小程序上传材料的步骤，并优化了提示' });
    expect(explained.body.status).toBe('resolved');
  });

  it('alerts the organisation when a task is not answered in time', async () => {
    const admin = await signInAs('city-org_admin');
    const { applicant, caseNumber } = await finishedCase();
    await evaluate(applicant, caseNumber, { level: 'dissatisfied', tags: ['overdue'] });
    const [timer] = await pendingTimers(caseNumber);
    expect(timer!.kind).toBe('rectification');
    const { functionError } = await invokeFunction('sweepTimersAt', { now: new Date(Date.parse(timer!.fireAt) + 60_000).toISOString() });
    expect(functionError).toBeNull();
    const box = await eventually('the overdue alert', () => inbox(admin.accessToken), (b) => b.items.some((m) => m.title === '差评整改已超期' && m.body.includes(caseNumber)));
    expect(box.items.find((m) => m.title === '差评整改已超期' && m.body.includes(caseNumber))!.body).toContain('未在');
    expect(await pendingTimers(caseNumber)).toEqual([]);
  });
});

describe('pain points and praise points', () => {
  it('counts what was evaluated, per level, tag, keyword, channel and item', async () => {
    const item = await cityItem('旅行社服务网点设立备案');
    const officer = (await signInAs('city-pre_review')).accessToken;
    const statsOf = async () => {
      const res = await api<FeedbackStats>(`/staff/feedback/stats?item=${item.implementationCode}`, { headers: asUser(officer) });
      expect(res.status).toBe(200);
      return res.body;
    };
    const before = await statsOf();
    const hall = (await signInAs('city-hall_window')).accessToken;
    const cases = await Promise.all([finishedCase(), finishedCase(), finishedCase()]);
    expect((await evaluate(cases[0].applicant, cases[0].caseNumber, { level: 'very_satisfied', tags: ['fast'], comment: '很快很方便' })).status).toBe(201);
    expect((await evaluate(cases[1].applicant, cases[1].caseNumber, { level: 'dissatisfied', tags: ['overdue', 'unclear_guide'], comment: '排队太久', dimensions: { guide_accuracy: 'dissatisfied' } })).status).toBe(201);
    expect((await evaluate(hall, cases[2].caseNumber, { level: 'basically_satisfied', onBehalf: { channel: 'hall_window', name: '程晓雨' } })).status).toBe(201);
    const after = await statsOf();

    const delta = (pick: (s: FeedbackStats) => { key: string; count: number }[]) =>
      Object.fromEntries(pick(after).map((c) => [c.key, c.count - (pick(before).find((b) => b.key === c.key)?.count ?? 0)]).filter(([, n]) => n !== 0));
    expect(after.total - before.total).toBe(3);
    expect(after.badReviews - before.badReviews).toBe(1);
    expect(delta((s) => s.distribution)).toEqual({ very_satisfied: 1, basically_satisfied: 1, dissatisfied: 1 });
    expect(delta((s) => s.channels)).toEqual({ miniapp: 2, hall_window: 1 });
    expect(delta((s) => s.painPoints.tags)).toEqual({ overdue: 1, unclear_guide: 1 });
    expect(delta((s) => s.painPoints.keywords)).toEqual({ 排队: 1 });
    expect(delta((s) => s.praisePoints.tags)).toEqual({ fast: 1 });
    expect(delta((s) => s.praisePoints.keywords)).toEqual({ 快: 1, 方便: 1 });
    expect(after.rectification.total - before.rectification.total).toBe(1);
    expect(after.rectification.open - before.rectification.open).toBe(1);
    expect(after.items).toHaveLength(1);
    expect(after.items[0]).toMatchObject({ implementationCode: item.implementationCode, itemName: '旅行社服务网点设立备案', total: after.total });
    expect(after.organisationName).toBe('黄山市文化和旅游局');
  });

  it('shows one organisation to its own staff and every organisation to provincial staff', async () => {
    const city = (await signInAs('city-pre_review')).accessToken;
    expect((await api(`/staff/feedback/stats?organisation=${HEFEI_BUREAU}`, { headers: asUser(city) })).status).toBe(403);
    const province = (await signInAs('province-pre_review')).accessToken;
    const res = await api<FeedbackStats>(`/staff/feedback/stats?organisation=${HUANGSHAN_BUREAU}&from=2026-01-01&to=2026-12-31`, { headers: asUser(province) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ organisationCode: HUANGSHAN_BUREAU, from: '2026-01-01', to: '2026-12-31' });
    const backwards = await api(`/staff/feedback/stats?from=2026-12-01&to=2026-11-01`, { headers: asUser(city) });
    expect(backwards.status).toBe(400);
    expect((await api('/staff/feedback/stats', { headers: asUser(await newUser()) })).status).toBe(403);
  });
});

describe('evaluating exactly once per request (Idempotency-Key)', () => {
  it('answers an evaluation sent again, or five times at once, with one key with the evaluation recorded, not 已评价过', async () => {
    const { applicant, caseNumber } = await finishedCase();
    const request = { level: 'dissatisfied' as const, tags: ['repeated_visits' as const], comment: '跑了两次' };
    const key = randomUUID();
    const first = await evaluate(applicant, caseNumber, request, key);
    expect(first.status).toBe(201);
    const again = await evaluate(applicant, caseNumber, request, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    // One bad review, one rectification task.
    expect((await pendingTimers(caseNumber)).map((t) => t.kind)).toEqual(['rectification']);

    const other = await finishedCase();
    const burstKey = randomUUID();
    const burst = await Promise.all(Array.from({ length: 5 }, () => evaluate(other.applicant, other.caseNumber, { level: 'satisfied' }, burstKey)));
    expect(burst.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    for (const answer of burst) expect(answer.body).toEqual(burst[0]!.body);
    expect((await applicantCase(other.applicant, other.caseNumber)).evaluation).toMatchObject({ canEvaluate: false, given: { level: 'satisfied', at: burst[0]!.body.at } });
  }, 60_000);

  it('refuses the key of one evaluation for another, and an evaluation without a key', async () => {
    const { applicant, caseNumber } = await finishedCase();
    const key = randomUUID();
    const other = await finishedCase(applicant);
    expect((await evaluate(applicant, caseNumber, { level: 'satisfied' }, key)).status).toBe(201);
    // The same body for another case is another request.
    const reused = await evaluate(applicant, other.caseNumber, { level: 'satisfied' }, key);
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('COMMON_IDEMPOTENCY_KEY_REUSED');
    const keyless = await api(`/cases/${other.caseNumber}/evaluation`, { method: 'POST', headers: asUser(applicant, { 'Content-Type': 'application/json' }), body: JSON.stringify({ level: 'satisfied' }) });
    expect(keyless.status).toBe(400);
    expect(keyless.body.code).toBe('COMMON_IDEMPOTENCY_KEY_REQUIRED');
    expect((await applicantCase(applicant, other.caseNumber)).evaluation).toEqual({ canEvaluate: true });
  }, 60_000);

  it('refuses a comment with a right-to-left override or a NUL, naming the field', async () => {
    const { applicant, caseNumber } = await finishedCase();
    for (const comment of ['办理\u202E慢很\u202C', '办理\u0000很慢']) {
      const res = await evaluate(applicant, caseNumber, { level: 'satisfied', comment });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ path: 'comment', message: expect.stringMatching(/^评价内容中含有/) }]);
    }
    expect((await applicantCase(applicant, caseNumber)).evaluation).toEqual({ canEvaluate: true });
  });
});
