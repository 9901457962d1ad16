import { randomUUID } from 'node:crypto';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Consultation, ImplementationItem, Message } from '@ah-tourism/shared';
import { api } from '../support/api';
import { asUser, cityItem, newUser, signInAs } from '../support/applications';
import { answerConsultation, askConsultation, pendingTimers } from '../support/feedback';
import { eventually, inbox, invokeFunction, rowsOf } from '../support/notifications';

const json = { 'Content-Type': 'application/json' };
let item: ImplementationItem;
let citizen: string;
let hall: string;
let hotline: string;

beforeAll(async () => {
  item = await cityItem('旅行社业务经营许可');
  [citizen, hall, hotline] = await Promise.all(['citizen', 'city-hall_window', 'city-hotline_12301'].map(async (persona) => (await signInAs(persona)).accessToken)) as [string, string, string];
});

const staffQueue = async (token: string, query = ''): Promise<Consultation[]> => {
  const res = await api(`/staff/consultations?limit=50${query}`, { headers: asUser(token) });
  expect(res.status).toBe(200);
  return res.body.items;
};

async function ask(question = '分社设立需要增加多少质量保证金？') {
  const res = await askConsultation(citizen, { implementationCode: item.implementationCode, question });
  expect(res.status).toBe(201);
  return res.body;
}

describe('asking', () => {
  it('routes a question to the organisation implementing the item, due in three working days', async () => {
    const asked = await ask();
    expect(asked).toMatchObject({
      implementationCode: item.implementationCode,
      itemName: '旅行社业务经营许可',
      organisationName: '黄山市文化和旅游局',
      askerName: '张*',
      channel: 'miniapp',
      channelLabel: '微信小程序',
      status: 'open',
      statusLabel: '待答复',
      overdue: false,
      inFaq: false,
      version: 1,
    });
    expect(asked.consultationId).toMatch(/^ZX\d{14}[0-9A-Z]{8}$/);
    // The end of the third working day: at least three days later, and at midnight China time.
    expect(Date.parse(asked.dueAt) - Date.parse(asked.askedAt)).toBeGreaterThan(3 * 86400_000 - 24 * 3600_000);
    expect(new Date(asked.dueAt).getUTCHours()).toBe(16);

    expect((await staffQueue(hall, '&status=open')).map((c) => c.consultationId)).toContain(asked.consultationId);
    const mine = await api('/me/consultations', { headers: asUser(citizen) });
    expect(mine.status).toBe(200);
    expect(mine.body.items[0].consultationId).toBe(asked.consultationId);
  });

  it('keeps it from staff of other organisations', async () => {
    const asked = await ask();
    const province = (await signInAs('province-hall_window')).accessToken;
    expect((await staffQueue(province)).map((c) => c.consultationId)).not.toContain(asked.consultationId);
    const answered = await answerConsultation(province, asked.consultationId, { version: 1, answer: '不归我们答复' });
    expect(answered.status).toBe(404);
    expect(answered.body.code).toBe('CONSULTATION_NOT_FOUND');
    // Citizens have no queue at all.
    expect((await api('/staff/consultations', { headers: asUser(citizen) })).status).toBe(403);
  });

  it('lets the hall and the 12301 hotline record a caller’s question, and nobody else', async () => {
    const onBehalf = { channel: 'hotline_12301', name: '王小明', mobile: '13800001111' };
    const byCitizen = await askConsultation(citizen, { implementationCode: item.implementationCode, question: '怎么办？', onBehalf });
    expect(byCitizen.status).toBe(403);
    expect(byCitizen.body.code).toBe('AUTH_FORBIDDEN');
    const byHall = await askConsultation(hall, { implementationCode: item.implementationCode, question: '怎么办？', onBehalf });
    expect(byHall.status).toBe(403);

    const recorded = await askConsultation(hotline, { implementationCode: item.implementationCode, question: '来电咨询：导游证补办要多久？', onBehalf });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ channel: 'hotline_12301', channelLabel: '12301 热线', askerName: '王**' });
    expect(JSON.stringify(recorded.body)).not.toContain('13800001111');
    const queued = (await staffQueue(hall)).find((c) => c.consultationId === recorded.body.consultationId);
    expect(queued?.channelLabel).toBe('12301 热线');
    // Recorded for a caller: not the operator's own consultation.
    const operators = await api('/me/consultations', { headers: asUser(hotline) });
    expect(operators.body.items.map((c: Consultation) => c.consultationId)).not.toContain(recorded.body.consultationId);
  });

  it('refuses an incomplete question with the problem in Chinese, and an unknown item with 404', async () => {
    const empty = await askConsultation(citizen, { implementationCode: item.implementationCode, question: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('COMMON_VALIDATION_FAILED');
    expect(empty.body.details).toEqual([{ path: 'question', message: '请填写咨询内容' }]);

    const unknown = item.implementationCode.replace(item.basicCode, `${item.basicCode.slice(0, 7)}999`);
    const missing = await askConsultation(citizen, { implementationCode: unknown, question: '有这个事项吗？' });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('CATALOG_ITEM_NOT_FOUND');
  });
});

describe('the organisation’s queue', () => {
  it('lists open consultations soonest due first, in pages', async () => {
    await ask('第一个问题');
    await ask('第二个问题');
    const open = await staffQueue(hall, '&status=open');
    expect(open.every((c) => c.status === 'open')).toBe(true);
    expect(open.map((c) => c.dueAt)).toEqual([...open.map((c) => c.dueAt)].sort());

    const first = await api('/staff/consultations?limit=1', { headers: asUser(hall) });
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api(`/staff/consultations?limit=1&cursor=${first.body.nextCursor}`, { headers: asUser(hall) });
    expect(second.status).toBe(200);
    expect(second.body.items[0].consultationId).not.toBe(first.body.items[0].consultationId);
    const forged = await api(`/staff/consultations?cursor=${Buffer.from(JSON.stringify({ pk: 'x', sk: 'y', gsi2pk: 'CONSULTS#other', gsi2sk: 'z' })).toString('base64url')}`, { headers: asUser(hall) });
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('COMMON_INVALID_CURSOR');
  });
});

describe('answering', () => {
  it('is the service desk’s: staff of review, decision or delivery cannot answer or publish a consultation', async () => {
    const asked = await askConsultation(await newUser(), { implementationCode: item.implementationCode, question: '分社备案需要多久？' });
    const id = asked.body.consultationId;
    for (const persona of ['city-pre_review', 'city-review', 'city-decide', 'city-deliver']) {
      const staff = (await signInAs(persona)).accessToken;
      const answered = await answerConsultation(staff, id, { version: 1, answer: '3个工作日' });
      expect({ persona, status: answered.status, code: answered.body.code }).toEqual({ persona, status: 403, code: 'AUTH_FORBIDDEN' });
      expect(answered.body.message).toBe('只有大厅窗口或12301话务工作人员可以答复咨询');
    }
    expect((await answerConsultation(hall, id, { version: 1, answer: '3个工作日内办结。' })).status).toBe(200);
    const staff = (await signInAs('city-decide')).accessToken;
    const published = await api(`/staff/consultations/${id}/faq`, { method: 'POST', headers: asUser(staff, json), body: '{}' });
    expect(published.status).toBe(403);
  });

  it('answers once: a second answer on the same version is a conflict, and the asker reads the answer', async () => {
    const asker = await newUser();
    const asked = await askConsultation(asker, { implementationCode: item.implementationCode, question: '网上申请需要上传哪些材料？' });
    expect(asked.status).toBe(201);
    const id = asked.body.consultationId;

    const [first, second] = await Promise.all([
      answerConsultation(hall, id, { version: 1, answer: '请按办事指南上传营业执照、经营场所证明等材料。' }),
      answerConsultation(hotline, id, { version: 1, answer: '同上' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    expect(loser.body.code).toBe('FEEDBACK_VERSION_CONFLICT');
    const winner = first.status === 200 ? first : second;
    expect(winner.body).toMatchObject({ status: 'answered', statusLabel: '已答复', version: 2 });

    const again = await answerConsultation(hall, id, { version: 2, answer: '再答一次' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('FEEDBACK_VERSION_CONFLICT');

    const mine = await api('/me/consultations?status=answered', { headers: asUser(asker) });
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({ consultationId: id, answer: winner.body.answer, answeredBy: winner.body.answeredBy });

    const empty = await answerConsultation(hall, id, { version: 2, answer: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.details?.[0]).toEqual({ path: 'answer', message: '请填写答复内容' });
  });

  it('tells the organisation’s staff of a new question and the asker of the answer, in 消息', async () => {
    const asker = await newUser();
    const asked = await askConsultation(asker, { implementationCode: item.implementationCode, question: '旅行社变更名称要多长时间？' });
    const id = asked.body.consultationId;
    const received = await eventually('the staff message', () => inbox(hall), (box) => box.items.some((m) => m.caseNumber === id));
    const toStaff = received.items.find((m) => m.caseNumber === id)!;
    expect(toStaff).toMatchObject({ type: 'consultation_received', title: '新咨询待答复', page: 'pages/staff/consultations/index' });

    // The answer deadline has its reminders, as a case's has; the overdue one reaches the hall staff.
    const timers = await pendingTimers(id);
    expect(timers.map((t) => t.kind).sort()).toEqual(['near_due', 'overdue']);
    const overdue = timers.find((t) => t.kind === 'overdue')!;
    expect(overdue.fireAt).toBe(asked.body.dueAt);
    const { functionError } = await invokeFunction('sweepTimersAt', { now: new Date(Date.parse(overdue.fireAt) + 60_000).toISOString() });
    expect(functionError).toBeNull();
    const late = await eventually('the overdue reminder', () => inbox(hall), (box) => box.items.some((m) => m.caseNumber === id && m.title === '咨询已超期'));
    expect(late.items.find((m) => m.caseNumber === id && m.title === '咨询已超期')!.page).toBe('pages/staff/consultations/index');

    await answerConsultation(hall, id, { version: 1, answer: '一般在5个工作日内办结。' });
    expect(await pendingTimers(id)).toEqual([]);
    const answered = await eventually('the asker’s message', () => inbox(asker), (box) => box.items.some((m: Message) => m.caseNumber === id));
    expect(answered.items.find((m) => m.caseNumber === id)).toMatchObject({ type: 'consultation_answered', title: '咨询已答复', page: 'pages/feedback/consultations/index' });
  });
});

describe('the FAQ', () => {
  it('publishes a good answer, edited, to the item’s public FAQ, newest first', async () => {
    const asked = await ask('保证金可以用银行保函代替吗？我的电话13955912345');
    const early = await api(`/staff/consultations/${asked.consultationId}/faq`, { method: 'POST', headers: asUser(hall, json), body: '{}' });
    expect(early.status).toBe(409);

    await answerConsultation(hall, asked.consultationId, { version: 1, answer: '可以，银行担保金额不低于应存质量保证金的数额。' });
    const published = await api(`/staff/consultations/${asked.consultationId}/faq`, {
      method: 'POST',
      headers: asUser(hall, json),
      body: JSON.stringify({ question: '质量保证金可以用银行保函代替吗？' }),
    });
    expect(published.status).toBe(200);
    expect(published.body.inFaq).toBe(true);

    const other = await ask('旅行社可以设几个服务网点？');
    await answerConsultation(hall, other.consultationId, { version: 1, answer: '没有数量限制，每设一个都要备案。联系人手机13800002222' });
    expect((await api(`/staff/consultations/${other.consultationId}/faq`, { method: 'POST', headers: asUser(hall, json), body: '{}' })).status).toBe(200);

    const faq = await api(`/catalog/items/${item.implementationCode}/faq`);
    expect(faq.status).toBe(200);
    const ids = faq.body.items.map((e: { faqId: string }) => e.faqId);
    expect(ids.indexOf(other.consultationId)).toBeLessThan(ids.indexOf(asked.consultationId));
    const entry = faq.body.items.find((e: { faqId: string }) => e.faqId === asked.consultationId);
    expect(entry).toMatchObject({ question: '质量保证金可以用银行保函代替吗？', answer: '可以，银行担保金额不低于应存质量保证金的数额。' });
    // Published text never spreads a phone number.
    expect(faq.body.items.find((e: { faqId: string }) => e.faqId === other.consultationId).answer).toContain('138****2222');

    // Another organisation's staff cannot publish it.
    const province = (await signInAs('province-hall_window')).accessToken;
    expect((await api(`/staff/consultations/${other.consultationId}/faq`, { method: 'POST', headers: asUser(province, json), body: '{}' })).status).toBe(404);
  });

  it('answers 404 for an item that does not exist and 400 for a malformed code', async () => {
    const unknown = item.implementationCode.replace(item.basicCode, `${item.basicCode.slice(0, 7)}999`);
    expect((await api(`/catalog/items/${unknown}/faq`)).status).toBe(404);
    expect((await api('/catalog/items/not-a-code/faq')).status).toBe(400);
  });
});

describe('asking exactly once (Idempotency-Key)', () => {
  const mine = async (token: string) => ((await api('/me/consultations?limit=50', { headers: asUser(token) })).body.items as Consultation[]).map((c) => c.consultationId).sort();

  it('answers a question sent again, or five times at once, with one key with the one consultation it recorded', async () => {
    const asker = await newUser();
    const body = { implementationCode: item.implementationCode, question: '网上申请后多久能拿到许可证？' };
    const key = randomUUID();
    const first = await askConsultation(asker, body, key);
    expect(first.status).toBe(201);
    const again = await askConsultation(asker, body, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);

    const burstKey = randomUUID();
    const burst = await Promise.all(Array.from({ length: 5 }, () => askConsultation(asker, { ...body, question: '质量保证金可以用银行保函吗？' }, burstKey)));
    expect(burst.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(burst.map((r) => r.body.consultationId)).size).toBe(1);
    expect(await mine(asker)).toEqual([first.body.consultationId, burst[0]!.body.consultationId].sort());
  });

  it('refuses the key of one question for another, and a question without a key', async () => {
    const asker = await newUser();
    const key = randomUUID();
    expect((await askConsultation(asker, { implementationCode: item.implementationCode, question: '需要到现场吗？' }, key)).status).toBe(201);
    const other = await askConsultation(asker, { implementationCode: item.implementationCode, question: '需要交费吗？' }, key);
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('COMMON_IDEMPOTENCY_KEY_REUSED');
    const keyless = await api('/consultations', { method: 'POST', headers: asUser(asker, json), body: JSON.stringify({ implementationCode: item.implementationCode, question: '需要交费吗？' }) });
    expect(keyless.status).toBe(400);
    expect(keyless.body.code).toBe('COMMON_IDEMPOTENCY_KEY_REQUIRED');
    expect(await mine(asker)).toHaveLength(1);
  });
});

describe('the question and answer: sealed', () => {
  it('stores both sealed and shows them in full to the asker and the answering organisation', async () => {
    const asker = await newUser();
    const question = '我的身份证34010219900101123X过期了还能申请吗？电话13912345678';
    const asked = await askConsultation(asker, { implementationCode: item.implementationCode, question });
    expect(asked.status).toBe(201);
    expect(asked.body.question).toBe(question);
    const { consultationId } = asked.body;
    const answer = '可以，请先换证；已按13912345678回电说明';
    expect((await answerConsultation(hall, consultationId, { version: 1, answer })).status).toBe(200);

    const [meta] = await rowsOf(`CONSULT#${consultationId}`, 'META');
    const stored = unmarshall(meta!);
    expect(stored.record.sealedText).toEqual(expect.objectContaining({ v: 1, data: expect.any(String) }));
    for (const secret of ['34010219900101123X', '13912345678', '过期了还能申请吗', '请先换证']) expect(JSON.stringify(stored)).not.toContain(secret);

    const mineNow = (await api('/me/consultations', { headers: asUser(asker) })).body.items.find((c: Consultation) => c.consultationId === consultationId);
    expect(mineNow).toMatchObject({ question, answer, status: 'answered' });
    expect((await staffQueue(hall)).find((c) => c.consultationId === consultationId)).toMatchObject({ question, answer });
  });

  it('refuses a question with a right-to-left override or a NUL, naming the field', async () => {
    for (const question of ['要交多少\u202E元0002\u202C保证金？', '要交多少\u0000保证金？']) {
      const res = await askConsultation(citizen, { implementationCode: item.implementationCode, question });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('COMMON_VALIDATION_FAILED');
      expect(res.body.details).toEqual([{ path: 'question', message: expect.stringMatching(/^咨询内容中含有(会打乱文字显示顺序的隐藏字符|无法显示的控制字符)/) }]);
    }
  });
});
