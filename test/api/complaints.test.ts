import { randomUUID } from 'node:crypto';
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { ComplaintSummary } from '@ah-tourism/shared';
import { localDynamoClient } from '../../scripts/local/dynamodb-local';
import { api } from '../support/api';
import { asUser, cityItem, newUser, signInAs, submitApplication, validResidentId } from '../support/applications';
import { HEFEI_BUREAU, actOnComplaint, complaintBody, fileComplaint, jsonOnce, myComplaint, pendingTimers, staffComplaint } from '../support/feedback';
import { HUANGSHAN_BUREAU, eventually, inbox, invokeFunction, newStaff, rowsOf } from '../support/notifications';

let hotline: string;
let hall: string;
let preReview: string;

beforeAll(async () => {
  [hotline, hall, preReview] = await Promise.all(['city-hotline_12301', 'city-hall_window', 'city-pre_review'].map(async (persona) => (await signInAs(persona)).accessToken)) as [string, string, string];
});

const queue = async (token: string, query = ''): Promise<ComplaintSummary[]> => {
  const res = await api(`/staff/complaints?limit=50${query}`, { headers: asUser(token) });
  expect(res.status).toBe(200);
  return res.body.items;
};

async function file(complainant: string, overrides = {}) {
  const res = await fileComplaint(complainant, complaintBody(overrides));
  expect(res.status).toBe(201);
  return res.body;
}

describe('filing', () => {
  it('routes a complaint to the bureau of the business’s city, due for acceptance in five working days', async () => {
    const complainant = await newUser();
    const filed = await file(complainant);
    expect(filed.complaintNumber).toMatch(/^TS\d{8}341000[0-9A-Z]{8}$/);
    expect(filed).toMatchObject({
      organisationCode: HUANGSHAN_BUREAU,
      organisationName: '黄山市文化和旅游局',
      businessName: '黄山某某国际旅行社有限公司',
      business: { kind: 'travel_agency', kindLabel: '旅行社' },
      channel: 'miniapp',
      status: 'received',
      statusLabel: '待受理',
      statusHint: '投诉已提交，工作人员将在5个工作日内决定是否受理',
      overdue: false,
      version: 1,
      actions: [],
      evaluation: { canEvaluate: false },
    });
    expect(Date.parse(filed.dueAt!) - Date.parse(filed.submittedAt)).toBeGreaterThan(5 * 86400_000);
    expect(filed.history).toEqual([{ at: filed.submittedAt, label: '提交投诉', organisationName: '黄山市文化和旅游局' }]);
    // The complainant's mobile is for the handling staff only.
    expect(filed.contactMobile).toBeUndefined();

    const queued = (await queue(hotline, '&status=received')).find((c) => c.complaintNumber === filed.complaintNumber);
    expect(queued).toMatchObject({ channel: 'miniapp', dueAt: filed.dueAt });
    const detail = await staffComplaint(hall, filed.complaintNumber);
    expect(detail.status).toBe(200);
    expect(detail.body.contactMobile).toBe('13955912345');
    expect(detail.body.actions).toEqual(['accept', 'refuse', 'transfer']);

    const mine = await api('/me/complaints', { headers: asUser(complainant) });
    expect(mine.body.items.map((c: ComplaintSummary) => c.complaintNumber)).toEqual([filed.complaintNumber]);
  });

  it('sends a county’s business to its city bureau and the province’s to the department; other bureaus see 404, the province supervises', async () => {
    const complainant = await newUser();
    const county = await file(complainant, { regionCode: '341021' });
    expect(county.organisationName).toBe('黄山市文化和旅游局');
    const hefei = await file(complainant, { regionCode: '340100', business: { name: '合肥某旅行社', kind: 'travel_agency' } });
    expect(hefei.organisationCode).toBe(HEFEI_BUREAU);
    const province = await file(complainant, { regionCode: '340000', business: { name: '某省级景区', kind: 'scenic_area' } });
    expect(province.organisationName).toBe('安徽省文化和旅游厅');

    expect((await queue(hotline)).map((c) => c.complaintNumber)).not.toContain(hefei.complaintNumber);
    const notOurs = await staffComplaint(hotline, hefei.complaintNumber);
    expect(notOurs.status).toBe(404);
    expect(notOurs.body.code).toBe('COMPLAINT_NOT_FOUND');
    expect((await actOnComplaint(hotline, hefei.complaintNumber, { action: 'accept', version: 1 })).status).toBe(404);
    const provinceStaff = (await signInAs('province-hotline_12301')).accessToken;
    // Provincial staff supervise a bureau's complaint read-only: no actions, no contact, cannot act.
    const supervised = await staffComplaint(provinceStaff, county.complaintNumber);
    expect(supervised.status).toBe(200);
    expect(supervised.body.actions).toEqual([]);
    expect(supervised.body.contactMobile).toBeUndefined();
    expect((await actOnComplaint(provinceStaff, county.complaintNumber, { action: 'accept', version: 1 })).status).toBe(404);
    const own = await staffComplaint(provinceStaff, province.complaintNumber);
    expect(own.status).toBe(200);
    expect(own.body.actions).toEqual(['accept', 'refuse', 'transfer']);

    // Only the complainant follows it.
    const stranger = await myComplaint(await newUser(), county.complaintNumber);
    expect(stranger.status).toBe(404);
    expect(stranger.body.code).toBe('COMPLAINT_NOT_FOUND');
    expect((await myComplaint(complainant, county.complaintNumber)).status).toBe(200);
    expect((await myComplaint(complainant, 'TS-not-a-number')).status).toBe(404);
  });

  it('lets a 12301 operator file for a caller: in the queue with its channel, no account to follow it', async () => {
    const onBehalf = { channel: 'hotline_12301' as const, name: '李大伟', mobile: '13800003333' };
    const byCitizen = await fileComplaint(await newUser(), complaintBody({ onBehalf }));
    expect(byCitizen.status).toBe(403);
    expect(byCitizen.body.code).toBe('AUTH_FORBIDDEN');
    expect((await fileComplaint(preReview, complaintBody({ onBehalf }))).status).toBe(403);

    const filed = await file(hotline, { onBehalf, contactMobile: undefined });
    expect(filed).toMatchObject({ channel: 'hotline_12301', complainantName: '李**', evaluation: { canEvaluate: false } });
    expect(filed.history[0]!.label).toBe('12301 热线登记投诉');
    const queued = (await queue(hall)).find((c) => c.complaintNumber === filed.complaintNumber);
    expect(queued?.channelLabel).toContain('热线');
    expect((await staffComplaint(hall, filed.complaintNumber)).body.contactMobile).toBe('13800003333');
    // Filed for someone else: not the operator's own complaint.
    const operators = await api('/me/complaints', { headers: asUser(hotline) });
    expect(operators.body.items.map((c: ComplaintSummary) => c.complaintNumber)).not.toContain(filed.complaintNumber);
    expect((await myComplaint(hotline, filed.complaintNumber)).status).toBe(404);

    const hallFiled = await file(hall, { onBehalf: { channel: 'hall_window', name: '赵六' } });
    expect(hallFiled.channelLabel).toBe('服务大厅窗口');
  });

  it('refuses an incomplete complaint with every problem in Chinese', async () => {
    const res = await fileComplaint(await newUser(), {
      ...complaintBody({ tripStart: '2026-05-03', tripEnd: '2026-05-01', contactMobile: '12345' }),
      business: { name: '', kind: 'travel_agency' },
      request: '',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('COMMON_VALIDATION_FAILED');
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { path: 'business.name', message: '请填写被投诉单位名称' },
        { path: 'request', message: '请填写投诉请求' },
        { path: 'contactMobile', message: '请填写11位手机号码' },
      ]),
    );
    const dates = await fileComplaint(await newUser(), complaintBody({ tripStart: '2026-05-03', tripEnd: '2026-05-01' }));
    expect(dates.body.details).toEqual([{ path: 'tripEnd', message: '行程结束日期不能早于开始日期' }]);
    const region = await fileComplaint(await newUser(), complaintBody({ regionCode: '110000' }));
    expect(region.body.details).toEqual([{ path: 'regionCode', message: '请选择被投诉单位所在地区' }]);
  });

  it('has one path: an application for the 旅游投诉受理 item is refused and pointed to the complaint flow, writing nothing', async () => {
    const item = await cityItem('旅游投诉受理');
    const user = await newUser();
    const res = await submitApplication(user, { implementationCode: item.implementationCode, applicant: { kind: 'person', person: { name: '周立', idNumber: validResidentId('34100219900307123'), mobile: '13866661234' } }, fields: {}, materials: {} });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'COMMON_VALIDATION_FAILED', message: '旅游投诉请通过“我要投诉”提交', details: [{ path: 'implementationCode', message: '旅游投诉请通过“我要投诉”提交' }] });
    expect((await api('/cases', { headers: asUser(user) })).body.cases).toEqual([]);
  });
});

describe('handling', () => {
  it('is the service desk’s: staff of review, decision or delivery may read a complaint but not refuse or accept it', async () => {
    const filed = await file(await newUser());
    const no = filed.complaintNumber;
    for (const persona of ['city-pre_review', 'city-review', 'city-decide', 'city-deliver']) {
      const staff = (await signInAs(persona)).accessToken;
      expect((await staffComplaint(staff, no)).status).toBe(200);
      const refused = await actOnComplaint(staff, no, { action: 'refuse', reason: '不属于旅游投诉受理范围' });
      expect({ persona, status: refused.status, code: refused.body.code }).toEqual({ persona, status: 403, code: 'AUTH_FORBIDDEN' });
      expect(refused.body.message).toBe('只有大厅窗口或12301话务工作人员可以办理投诉');
    }
    expect((await staffComplaint(hotline, no)).body.status).toBe('received');
    expect((await actOnComplaint(hotline, no, { action: 'accept', note: '符合受理条件' })).status).toBe(200);
  });

  it('accepts, mediates twice and closes; the complainant follows every step and may then evaluate', async () => {
    const complainant = await newUser();
    const filed = await file(complainant);
    const no = filed.complaintNumber;

    const early = await actOnComplaint(hall, no, { action: 'close', outcome: 'settled' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('COMPLAINT_ACTION_NOT_ALLOWED');

    const accepted = await actOnComplaint(hall, no, { action: 'accept', note: '符合受理条件' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', version: 2, actions: ['mediate', 'close'] });
    expect(accepted.body.dueAt).toBeUndefined();
    expect(await pendingTimers(no)).toEqual([]);
    expect((await actOnComplaint(hall, no, { action: 'accept' })).body.code).toBe('COMPLAINT_ACTION_NOT_ALLOWED');

    expect((await actOnComplaint(hall, no, { action: 'mediate', note: '电话联系旅行社，约定5月20日双方到局调解' })).body.status).toBe('mediating');
    const mediated = await actOnComplaint(hall, no, { action: 'mediate', note: '第二次调解：旅行社同意退还部分差价' });
    expect(mediated.body.status).toBe('mediating');

    const noOutcome = await actOnComplaint(hall, no, { action: 'close' });
    expect(noOutcome.status).toBe(400);
    expect(noOutcome.body.details).toEqual([{ path: 'outcome', message: '请选择办结结果' }]);

    let mine = await myComplaint(complainant, no);
    expect(mine.body.evaluation).toEqual({ canEvaluate: false });
    const closed = await actOnComplaint(hall, no, { action: 'close', outcome: 'settled', refundAmount: 800, note: '双方达成调解协议' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'settled', outcomeLabel: '调解成功', actions: [] });

    mine = await myComplaint(complainant, no);
    expect(mine.body).toMatchObject({ status: 'closed', statusLabel: '已办结', statusHint: '投诉已办结，欢迎评价处理情况', actions: [], evaluation: { canEvaluate: true } });
    expect(mine.body.history.map((h) => h.label)).toEqual(['提交投诉', '投诉已受理', '组织调解', '组织调解', '投诉已办结']);
    expect(mine.body.history.every((h) => h.organisationName === '黄山市文化和旅游局')).toBe(true);
    expect(mine.body.history[2]!.note).toBe('电话联系旅行社，约定5月20日双方到局调解');
    expect(mine.body.history[4]!.note).toBe('处理结果：调解成功；退赔金额：800元；双方达成调解协议');
    expect(mine.body.contactMobile).toBeUndefined();

    // Closing sets the invitation to evaluate the handling, 3 days on; evaluating withdraws it.
    const invitation = (await pendingTimers(no)).find((t) => t.kind === 'evaluation');
    expect(invitation?.event.type).toBe('evaluation_invited');
    expect(Date.parse(invitation!.fireAt) - Date.parse(closed.body.history.at(-1)!.at)).toBe(3 * 24 * 3600_000);

    // The complainant evaluates the handling, once; a bad review becomes a task like any other.
    const evaluated = await api(`/complaints/${no}/evaluation`, {
      method: 'POST',
      headers: asUser(complainant, jsonOnce()),
      body: JSON.stringify({ level: 'dissatisfied', tags: ['overdue'], comment: '调解拖了两周' }),
    });
    expect(evaluated.status).toBe(201);
    expect(evaluated.body).toMatchObject({ subjectKind: 'complaint', subjectId: no, levelLabel: '不满意', channel: 'miniapp' });
    const twice = await api(`/complaints/${no}/evaluation`, { method: 'POST', headers: asUser(complainant, jsonOnce()), body: JSON.stringify({ level: 'satisfied' }) });
    expect(twice.body.code).toBe('EVALUATION_ALREADY_GIVEN');
    mine = await myComplaint(complainant, no);
    expect(mine.body.evaluation).toMatchObject({ canEvaluate: false, given: { level: 'dissatisfied', rectification: { status: 'awaiting_call_back' } } });
    expect((await pendingTimers(no)).map((t) => t.kind)).toEqual(['rectification']);
    const task = await api(`/staff/rectifications/${no}`, { headers: asUser(hall) });
    expect(task.body).toMatchObject({ subjectKind: 'complaint', itemName: expect.any(String), status: 'awaiting_call_back' });

    const closedQueue = await queue(hall, '&status=closed');
    expect(closedQueue.map((c) => c.complaintNumber)).toContain(no);
    expect((await queue(hall, '&status=received')).map((c) => c.complaintNumber)).not.toContain(no);
  });

  it('refuses only with a reason, which the complainant reads', async () => {
    const complainant = await newUser();
    const { complaintNumber } = await file(complainant);
    const bare = await actOnComplaint(hotline, complaintNumber, { action: 'refuse' });
    expect(bare.status).toBe(400);
    expect(bare.body.details).toEqual([{ path: 'reason', message: '请填写不予受理的理由，理由将告知投诉人' }]);

    const refused = await actOnComplaint(hotline, complaintNumber, { action: 'refuse', reason: '已超过旅游合同结束之日起90天的投诉时限' });
    expect(refused.body).toMatchObject({ status: 'refused', statusLabel: '不予受理', actions: [] });
    const mine = await myComplaint(complainant, complaintNumber);
    expect(mine.body.history[1]).toMatchObject({ label: '投诉不予受理', note: '已超过旅游合同结束之日起90天的投诉时限', organisationName: '黄山市文化和旅游局' });
    expect(mine.body.evaluation).toEqual({ canEvaluate: false });
  });

  it('transfers to another bureau: it leaves this queue, joins theirs with a new deadline, history kept', async () => {
    const complainant = await newUser();
    const { complaintNumber } = await file(complainant);
    const missing = await actOnComplaint(hotline, complaintNumber, { action: 'transfer' });
    expect(missing.status).toBe(400);
    expect(missing.body.details?.map((d) => d.path).sort()).toEqual(['reason', 'targetOrganisationCode']);
    const toSelf = await actOnComplaint(hotline, complaintNumber, { action: 'transfer', targetOrganisationCode: HUANGSHAN_BUREAU, reason: '本单位' });
    expect(toSelf.status).toBe(400);

    const hefeiStaff = await newStaff(HEFEI_BUREAU, ['hotline_12301'], 'province-admin');
    const moved = await actOnComplaint(hotline, complaintNumber, { action: 'transfer', targetOrganisationCode: HEFEI_BUREAU, reason: '旅游合同签订地在合肥' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'received', organisationName: '合肥市文化和旅游局', actions: [] });

    expect((await queue(hotline)).map((c) => c.complaintNumber)).not.toContain(complaintNumber);
    expect((await staffComplaint(hotline, complaintNumber)).status).toBe(404);
    const theirs = (await queue(hefeiStaff.session.accessToken, '&status=received')).find((c) => c.complaintNumber === complaintNumber);
    expect(theirs).toMatchObject({ organisationCode: HEFEI_BUREAU, version: 2 });
    expect((await pendingTimers(complaintNumber)).map((t) => t.event.organisationCode)).toEqual([HEFEI_BUREAU, HEFEI_BUREAU]);

    const told = await eventually('the receiving bureau’s message', () => inbox(hefeiStaff.session.accessToken), (box) => box.items.some((m) => m.caseNumber === complaintNumber));
    expect(told.items.find((m) => m.caseNumber === complaintNumber)).toMatchObject({ type: 'complaint_received', title: '转办投诉待受理' });

    const mine = await myComplaint(complainant, complaintNumber);
    expect(mine.body.organisationName).toBe('合肥市文化和旅游局');
    expect(mine.body.history.slice(1)).toEqual([
      expect.objectContaining({ label: '转办至合肥市文化和旅游局', note: '转至合肥市文化和旅游局办理；理由：旅游合同签订地在合肥', organisationName: '黄山市文化和旅游局' }),
    ]);
    const accepted = await actOnComplaint(hefeiStaff.session.accessToken, complaintNumber, { action: 'accept' });
    expect(accepted.body.status).toBe('accepted');
  });

  it('lets one of two concurrent actions win; the other hears of the conflict', async () => {
    const { complaintNumber } = await file(await newUser());
    const [a, b] = await Promise.all([
      actOnComplaint(hall, complaintNumber, { action: 'accept', version: 1 }),
      actOnComplaint(hotline, complaintNumber, { action: 'accept', version: 1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((a.status === 409 ? a : b).body.code).toBe('FEEDBACK_VERSION_CONFLICT');
    const after = await staffComplaint(hall, complaintNumber);
    expect(after.body.history.map((h) => h.label)).toEqual(['提交投诉', '投诉已受理']);
    expect(after.body.version).toBe(2);
  });
});

describe('notifications', () => {
  it('tells the bureau’s 12301 staff of a new complaint and the complainant of each step, in 消息', async () => {
    const complainant = await newUser();
    const { complaintNumber } = await file(complainant);
    const staffBox = await eventually('the staff message', () => inbox(hotline), (box) => box.items.some((m) => m.caseNumber === complaintNumber));
    expect(staffBox.items.find((m) => m.caseNumber === complaintNumber)).toMatchObject({
      type: 'complaint_received',
      title: '新投诉待受理',
      page: `pages/staff/complaint/index?complaintNumber=${complaintNumber}`,
    });

    await actOnComplaint(hall, complaintNumber, { action: 'accept' });
    const mine = await eventually('the complainant’s message', () => inbox(complainant), (box) => box.items.some((m) => m.caseNumber === complaintNumber));
    expect(mine.items.find((m) => m.caseNumber === complaintNumber)).toMatchObject({
      type: 'complaint_updated',
      title: '投诉已受理',
      page: `pages/feedback/complaint-detail/index?complaintNumber=${complaintNumber}`,
    });
  });

  it('alerts the bureau when the acceptance deadline passes', async () => {
    const { complaintNumber } = await file(await newUser());
    const timers = await pendingTimers(complaintNumber);
    expect(timers.map((t) => t.kind).sort()).toEqual(['near_due', 'overdue']);
    const overdue = timers.find((t) => t.kind === 'overdue')!;
    const { functionError } = await invokeFunction('sweepTimersAt', { now: new Date(Date.parse(overdue.fireAt) + 60_000).toISOString() });
    expect(functionError).toBeNull();
    const box = await eventually('the overdue message', () => inbox(hotline), (b) => b.items.some((m) => m.caseNumber === complaintNumber && m.type === 'case_overdue'));
    expect(box.items.find((m) => m.caseNumber === complaintNumber && m.type === 'case_overdue')).toMatchObject({
      title: '投诉已超期',
      page: `pages/staff/complaint/index?complaintNumber=${complaintNumber}`,
    });
  });
});

describe('filing exactly once (Idempotency-Key)', () => {
  const mine = async (token: string) => ((await api('/me/complaints?limit=50', { headers: asUser(token) })).body.items as ComplaintSummary[]).map((c) => c.complaintNumber).sort();

  it('answers a complaint sent again, or five times at once, with one key with the one complaint it filed', async () => {
    const complainant = await newUser();
    const key = randomUUID();
    const first = await fileComplaint(complainant, complaintBody(), key);
    expect(first.status).toBe(201);
    const again = await fileComplaint(complainant, complaintBody(), key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);

    const burstKey = randomUUID();
    const burst = await Promise.all(Array.from({ length: 5 }, () => fileComplaint(complainant, complaintBody({ amount: 1200 }), burstKey)));
    expect(burst.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(burst.map((r) => r.body.complaintNumber)).size).toBe(1);
    expect(await mine(complainant)).toEqual([first.body.complaintNumber, burst[0]!.body.complaintNumber].sort());
  });

  it('refuses the key of one complaint for another, and a complaint without a key', async () => {
    const complainant = await newUser();
    const key = randomUUID();
    expect((await fileComplaint(complainant, complaintBody(), key)).status).toBe(201);
    const other = await fileComplaint(complainant, complaintBody({ request: '退还全部团费' }), key);
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('COMMON_IDEMPOTENCY_KEY_REUSED');
    const keyless = await api('/complaints', { method: 'POST', headers: asUser(complainant, { 'Content-Type': 'application/json' }), body: JSON.stringify(complaintBody()) });
    expect(keyless.status).toBe(400);
    expect(keyless.body.code).toBe('COMMON_IDEMPOTENCY_KEY_REQUIRED');
    expect((await mine(complainant))).toHaveLength(1);
  });
});

describe('the narrative: sealed, and masked for readers who neither filed nor handle it', () => {
  const ID_NUMBER = '34010219900101123X';
  const account = `导游强制购物，我出示了身份证${ID_NUMBER}仍被拦下，导游手机13912345678。`;
  const request = '退还差价，请打13800001111联系我';

  it('stores it sealed; the complainant and the handling bureau read it in full, provincial supervision masked', async () => {
    const complainant = await newUser();
    const filed = await file(complainant, { account, request });
    expect(filed).toMatchObject({ account, request });

    const [meta] = await rowsOf(`COMPLAINT#${filed.complaintNumber}`, 'META');
    const stored = unmarshall(meta!);
    expect(stored.record.sealedNarrative).toEqual(expect.objectContaining({ v: 1, data: expect.any(String) }));
    expect(stored.record.account).toBeUndefined();
    expect(stored.record.request).toBeUndefined();
    for (const secret of [ID_NUMBER, '13912345678', '13800001111', '导游强制购物', '退还差价']) expect(JSON.stringify(stored)).not.toContain(secret);

    // The handling bureau notes a number while it handles it.
    expect((await actOnComplaint(hall, filed.complaintNumber, { action: 'accept', note: '已电话联系导游13912345678' })).status).toBe(200);

    expect((await myComplaint(complainant, filed.complaintNumber)).body).toMatchObject({ account, request });
    const handled = await staffComplaint(hall, filed.complaintNumber);
    expect(handled.body).toMatchObject({ account, request });
    expect(handled.body.history[1]!.note).toBe('已电话联系导游13912345678');

    const province = (await signInAs('province-hotline_12301')).accessToken;
    const supervised = (await staffComplaint(province, filed.complaintNumber)).body;
    expect(supervised.account).toBe('导游强制购物，我出示了身份证3401**********123X仍被拦下，导游手机139****5678。');
    expect(supervised.request).toBe('退还差价，请打138****1111联系我');
    expect(supervised.history[1]!.note).toBe('已电话联系导游139****5678');
    expect(JSON.stringify(supervised)).not.toMatch(/34010219900101123X|13912345678|13800001111/);
  });

  it('still reads a complaint filed before narratives were sealed', async () => {
    const complainant = await newUser();
    const filed = await file(complainant);
    // What such a complaint looks like in the table: the narrative in plain fields, nothing sealed.
    const client = localDynamoClient(process.env.DYNAMODB_ENDPOINT!);
    try {
      await client.send(
        new UpdateItemCommand({
          TableName: process.env.TABLE_NAME!,
          Key: { pk: { S: `COMPLAINT#${filed.complaintNumber}` }, sk: { S: 'META' } },
          UpdateExpression: 'REMOVE #r.sealedNarrative SET #r.account = :account, #r.#request = :request',
          ExpressionAttributeNames: { '#r': 'record', '#request': 'request' },
          ExpressionAttributeValues: { ':account': { S: account }, ':request': { S: request } },
        }),
      );
    } finally {
      client.destroy();
    }
    expect((await myComplaint(complainant, filed.complaintNumber)).body).toMatchObject({ account, request });
    expect((await staffComplaint(hall, filed.complaintNumber)).body).toMatchObject({ account, request });
    const province = (await signInAs('province-hotline_12301')).accessToken;
    expect((await staffComplaint(province, filed.complaintNumber)).body.request).toBe('退还差价，请打138****1111联系我');
  });

  it('refuses a narrative with a right-to-left override or a NUL, naming the field; drops zero-width spaces', async () => {
    const complainant = await newUser();
    const override = await fileComplaint(complainant, complaintBody({ account: '合同金额\u202E0042\u202C元，实际多收' }));
    expect(override.status).toBe(400);
    expect(override.body.code).toBe('COMMON_VALIDATION_FAILED');
    expect(override.body.details).toEqual([{ path: 'account', message: '投诉事由（经过）中含有会打乱文字显示顺序的隐藏字符（常见于复制来的内容），请删除这段文字后手动重新输入' }]);

    const nul = await fileComplaint(complainant, complaintBody({ request: '退款\u0000并道歉', business: { name: '黄山\u2066某\u2069旅行社', kind: 'travel_agency' } }));
    expect(nul.status).toBe(400);
    expect(nul.body.details).toEqual(
      expect.arrayContaining([
        { path: 'request', message: '投诉请求中含有无法显示的控制字符（常见于复制来的内容），请删除这段文字后手动重新输入' },
        { path: 'business.name', message: '被投诉单位名称中含有会打乱文字显示顺序的隐藏字符（常见于复制来的内容），请删除这段文字后手动重新输入' },
      ]),
    );
    expect(await api('/me/complaints', { headers: asUser(complainant) }).then((r) => r.body.items)).toEqual([]);

    const zeroWidth = await file(complainant, { request: '退还\u200B差价\uFEFF' });
    expect(zeroWidth.request).toBe('退还差价');
  });
});
