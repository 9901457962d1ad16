import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { FIELD_LIMITS, TEMPLATES, type CaseDetail, type ImplementationItem } from '@ah-tourism/shared';
import { localDynamoClient } from '../../scripts/local/dynamodb-local';
import { failNext, listMessages, stats } from '../../scripts/local/wechat-control';
import { api, wechatUrl } from '../support/api';
import { TRAVEL_AGENCY_FIELDS, asUser, completeApplication, newUser, signInAs, submitApplication, travelAgencyItem } from '../support/applications';
import { HUANGSHAN_BUREAU, PROVINCE_DEPARTMENT, eventually, inbox, invokeFunction, newStaff, pushesAbout, rowsOf, subscribe } from '../support/notifications';
import { pendingTimers } from '../support/feedback';

let item: ImplementationItem;

beforeAll(async () => {
  item = await travelAgencyItem();
});

async function submitCase(): Promise<{ applicant: string; caseNumber: string; detail: CaseDetail }> {
  const applicant = await newUser();
  const res = await submitApplication(applicant, await completeApplication(applicant, item, TRAVEL_AGENCY_FIELDS));
  expect(res.status).toBe(201);
  return { applicant, caseNumber: res.body.caseNumber, detail: res.body };
}

/** The raw outbox record a submission wrote, in the shape the table's stream carries it. */
async function outboxStreamRecord(caseNumber: string) {
  const Items = await rowsOf(`CASE#${caseNumber}`, 'OUTBOX#');
  expect(Items).toHaveLength(1);
  return {
    eventID: `replay-${caseNumber}`,
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    dynamodb: { Keys: { pk: Items[0]!.pk, sk: Items[0]!.sk }, NewImage: Items[0]!, SequenceNumber: '1', StreamViewType: 'NEW_IMAGE' },
  };
}

/** Runs the every-minute retry of pushes as if `minutes` had passed. */
async function retryPushesAt(minutes: number): Promise<void> {
  const { functionError } = await invokeFunction('retryPushesAt', { now: new Date(Date.now() + minutes * 60_000).toISOString() });
  expect(functionError).toBeNull();
}

describe('notifications of a new case', () => {
  it('pushes a well-formed new-case alert to the bound staff of the right organisation, and tells the applicant in 消息', async () => {
    const staff = await newStaff(HUANGSHAN_BUREAU, ['pre_review']);
    await subscribe(staff.session.accessToken, { staff_new_case: 'accept' });
    const provincial = await newStaff(PROVINCE_DEPARTMENT, ['pre_review'], 'province-org_admin');
    await subscribe(provincial.session.accessToken, { staff_new_case: 'accept' });

    const { applicant, caseNumber } = await submitCase();

    const [push] = await eventually('the new-case push', () => pushesAbout(staff.openid, caseNumber, 'staff_new_case'), (found) => found.length > 0);
    const fields = TEMPLATES.staff_new_case.fields;
    expect(Object.keys(push!.data).sort()).toEqual(fields.map((f) => f.key).sort());
    for (const field of fields) expect(Array.from(push!.data[field.key]!.value).length).toBeLessThanOrEqual(FIELD_LIMITS[field.kind]);
    expect(push!.data.thing2!.value).toBe('旅行社业务经营许可');
    expect(push!.data.name3!.value).toBe('黄山云海旅行社有限公司'.slice(0, 10));
    expect(push!.data.time4!.value).toMatch(/^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}$/);
    expect(push!.miniprogramState).toBe('developer');

    // Staff of another organisation hear nothing of it.
    expect(await pushesAbout(provincial.openid, caseNumber)).toEqual([]);

    const applicantInbox = await eventually('the applicant message', () => inbox(applicant), (box) => box.items.some((m) => m.caseNumber === caseNumber));
    const submitted = applicantInbox.items.find((m) => m.caseNumber === caseNumber)!;
    expect(submitted).toMatchObject({ type: 'case_submitted', title: '申请已提交', push: 'in_app' });
    expect(applicantInbox.unread).toBe(1);

    const staffInbox = await inbox(staff.session.accessToken);
    expect(staffInbox.items.find((m) => m.caseNumber === caseNumber)).toMatchObject({ type: 'case_submitted', push: 'sent' });

    // Reading a message once counts once.
    for (let i = 0; i < 2; i += 1) {
      const read = await api(`/me/messages/${submitted.messageId}/read`, { method: 'POST', headers: asUser(applicant) });
      expect(read.status).toBe(204);
    }
    expect((await inbox(applicant)).unread).toBe(0);
    expect((await api('/me/messages/20260101000000000-000000000000/read', { method: 'POST', headers: asUser(applicant) })).status).toBe(404);
  });

  it('keeps the message but sends no push to staff who did not subscribe', async () => {
    const staff = await newStaff(HUANGSHAN_BUREAU, ['pre_review']);
    const { caseNumber } = await submitCase();
    const box = await eventually('the staff message', () => inbox(staff.session.accessToken), (b) => b.items.some((m) => m.caseNumber === caseNumber && m.push !== 'pending'));
    expect(box.items.find((m) => m.caseNumber === caseNumber)!.push).toBe('no_subscription');
    expect(await pushesAbout(staff.openid, caseNumber)).toEqual([]);
  });
});

describe('delivery when WeChat fails', () => {
  it('retries transient failures on later attempts and delivers exactly once', async () => {
    const staff = await newStaff(HUANGSHAN_BUREAU, ['pre_review']);
    await subscribe(staff.session.accessToken, { staff_new_case: 'accept' });
    await failNext(wechatUrl(), { api: 'send', mode: 'http5xx', times: 3, touser: staff.openid });
    const before = await stats(wechatUrl());

    const { caseNumber } = await submitCase();

    // The stream's attempt fails and defers the push; it does not hold up the batch.
    await eventually('the first failed attempt', () => stats(wechatUrl()), (now) => now.send.failedInjected - before.send.failedInjected === 1);
    expect((await inbox(staff.session.accessToken)).items.find((m) => m.caseNumber === caseNumber)!.push).toBe('pending');
    // Minutes later (the clock moved for the test), each later attempt; the fourth goes through.
    for (const minutes of [2, 10, 30]) await retryPushesAt(minutes);
    expect(await pushesAbout(staff.openid, caseNumber)).toHaveLength(1);
    const after = await stats(wechatUrl());
    expect(after.send.failedInjected - before.send.failedInjected).toBe(3);
    expect((await inbox(staff.session.accessToken)).items.find((m) => m.caseNumber === caseNumber)!.push).toBe('sent');
    await retryPushesAt(60);
    expect(await pushesAbout(staff.openid, caseNumber)).toHaveLength(1);
  });

  it('gives a push up after its last attempt: failed, with the give-up on the message', async () => {
    const staff = await newStaff(HUANGSHAN_BUREAU, ['pre_review']);
    await subscribe(staff.session.accessToken, { staff_new_case: 'accept' });
    await failNext(wechatUrl(), { api: 'send', mode: 'http5xx', times: 4, touser: staff.openid });

    const { caseNumber } = await submitCase();
    await eventually('the deferred push', () => inbox(staff.session.accessToken), (b) => b.items.some((m) => m.caseNumber === caseNumber));
    for (const minutes of [2, 10, 30]) await retryPushesAt(minutes);

    const message = (await inbox(staff.session.accessToken)).items.find((m) => m.caseNumber === caseNumber)!;
    expect(message.push).toBe('failed');
    const [stored] = (await rowsOf(`USER#${staff.session.user.userId}`, `MSG#${message.messageId}`)).map((row) => unmarshall(row));
    expect(stored).toMatchObject({ pushStatus: 'failed', pushAttempts: 4, pushGaveUpAt: expect.any(String) });
    expect(stored!.gsi2pk).toBeUndefined();
    expect(await pushesAbout(staff.openid, caseNumber)).toEqual([]);
  });

  it('records a refusal (43101) without retrying, keeps the message and drops the subscription', async () => {
    const staff = await newStaff(HUANGSHAN_BUREAU, ['pre_review']);
    await subscribe(staff.session.accessToken, { staff_new_case: 'accept' });
    await failNext(wechatUrl(), { api: 'send', mode: 'errcode', errcode: 43101, times: 1, touser: staff.openid });

    const { caseNumber } = await submitCase();

    const box = await eventually('the refused push', () => inbox(staff.session.accessToken), (b) => b.items.some((m) => m.caseNumber === caseNumber && m.push !== 'pending'));
    expect(box.items.find((m) => m.caseNumber === caseNumber)!.push).toBe('refused');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await pushesAbout(staff.openid, caseNumber)).toEqual([]);
    const subscriptions = await api('/me/subscriptions', { headers: asUser(staff.session.accessToken) });
    expect(subscriptions.body.templates.find((t: { key: string }) => t.key === 'staff_new_case').active).toBe(false);
  });

  it('sends once when the same stream batch is delivered again', async () => {
    const staff = await newStaff(HUANGSHAN_BUREAU, ['pre_review']);
    await subscribe(staff.session.accessToken, { staff_new_case: 'accept' });
    const { caseNumber } = await submitCase();
    await eventually('the first push', () => pushesAbout(staff.openid, caseNumber), (found) => found.length === 1);

    const record = await outboxStreamRecord(caseNumber);
    for (let i = 0; i < 2; i += 1) {
      const { result, functionError } = await invokeFunction<{ batchItemFailures: unknown[] }>('dispatchNotifications', { Records: [record, record] });
      expect(functionError).toBeNull();
      expect(result.batchItemFailures).toEqual([]);
    }
    expect(await pushesAbout(staff.openid, caseNumber)).toHaveLength(1);
    expect((await inbox(staff.session.accessToken)).items.filter((m) => m.caseNumber === caseNumber)).toHaveLength(1);
  });
});

describe('one-time subscriptions', () => {
  it('spends one grant per push and stops when none is left', async () => {
    const { applicant, caseNumber } = await submitCase();
    await subscribe(applicant, { case_progress: 'accept' });
    const templates = await subscribe(applicant, { case_progress: 'accept' });
    expect(templates.find((t) => t.key === 'case_progress')).toMatchObject({ remaining: 2, active: true });

    const me = await api('/me', { headers: asUser(applicant) });
    const openid = (await listOpenid(me.body.userId)) ?? '';
    const record = await outboxStreamRecord(caseNumber);
    const event = unmarshall(record.dynamodb.NewImage as never).event;
    const progressRecord = (n: number) => {
      const image = { ...unmarshall(record.dynamodb.NewImage as never), event: { ...event, eventId: `${event.eventId}-p${n}`, type: 'accepted', occurredAt: new Date(Date.now() + n).toISOString() } };
      return { ...record, eventID: `p${n}`, dynamodb: { ...record.dynamodb, NewImage: marshall(image, { removeUndefinedValues: true }) } };
    };
    for (let n = 1; n <= 3; n += 1) {
      const { functionError } = await invokeFunction('dispatchNotifications', { Records: [progressRecord(n)] });
      expect(functionError).toBeNull();
    }
    const pushes = (await listMessages(wechatUrl(), { touser: openid })).messages.filter((m) => m.data.character_string1?.value === caseNumber);
    expect(pushes).toHaveLength(2);
    const statuses = (await inbox(applicant)).items.filter((m) => m.type === 'accepted').map((m) => m.push).sort();
    expect(statuses).toEqual(['no_subscription', 'sent', 'sent']);
    const after = await api('/me/subscriptions', { headers: asUser(applicant) });
    expect(after.body.templates.find((t: { key: string }) => t.key === 'case_progress')).toMatchObject({ remaining: 0, active: false });
  });

  it('refuses templates that do not exist and staff templates for applicants', async () => {
    const applicant = await newUser();
    const res = await api('/me/subscriptions', {
      method: 'PUT',
      headers: asUser(applicant, { 'Content-Type': 'application/json' }),
      body: JSON.stringify({ results: { 'local-tmpl-staff-new-case-0001': 'accept', nope: 'accept' } }),
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('SUBSCRIPTION_TEMPLATE_UNKNOWN');
    const list = await api('/me/subscriptions', { headers: asUser(applicant) });
    expect(list.body.templates.map((t: { key: string }) => t.key)).toEqual(['case_progress', 'supplement_notice', 'evaluation_invite']);
  });
});

describe('scheduled reminders', () => {
  it('alerts staff once when the pre-review nears its deadline and again when it is overdue', async () => {
    const staff = await signInAs('city-pre_review');
    await subscribe(staff.accessToken, { staff_deadline: 'accept' });
    const { caseNumber } = await submitCase();
    const timers = await pendingTimers(caseNumber);
    expect(timers.map((t) => t.kind).sort()).toEqual(['near_due', 'overdue']);
    const nearDue = timers.find((t) => t.kind === 'near_due')!;
    const overdue = timers.find((t) => t.kind === 'overdue')!;
    expect(Date.parse(overdue.fireAt) - Date.parse(nearDue.fireAt)).toBe(15.5 * 3600_000);

    const openid = 'dev-openid-city-pre_review';
    for (let i = 0; i < 2; i += 1) {
      const { functionError } = await invokeFunction('sweepTimersAt', { now: new Date(Date.parse(nearDue.fireAt) + 60_000).toISOString() });
      expect(functionError).toBeNull();
    }
    const near = await eventually('the near-due push', () => pushesAbout(openid, caseNumber, 'staff_deadline'), (found) => found.length > 0);
    expect(near).toHaveLength(1);
    expect(near[0]!.data.phrase3!.value).toBe('即将超期');

    await invokeFunction('sweepTimersAt', { now: new Date(Date.parse(overdue.fireAt) + 60_000).toISOString() });
    const both = await eventually('the overdue push', () => pushesAbout(openid, caseNumber, 'staff_deadline'), (found) => found.length > 1);
    expect(both.map((m) => m.data.phrase3!.value)).toEqual(['即将超期', '已超期']);
    expect(await pendingTimers(caseNumber)).toEqual([]);
  });
});


async function listOpenid(userId: string): Promise<string | undefined> {
  const client = localDynamoClient(process.env.DYNAMODB_ENDPOINT!);
  try {
    const { Items } = await client.send(
      new QueryCommand({
        TableName: process.env.TABLE_NAME!,
        KeyConditionExpression: 'pk = :pk AND sk = :profile',
        ExpressionAttributeValues: { ':pk': { S: `USER#${userId}` }, ':profile': { S: 'PROFILE' } },
      }),
    );
    return Items?.[0] ? unmarshall(Items[0]).user.openid : undefined;
  } finally {
    client.destroy();
  }
}
