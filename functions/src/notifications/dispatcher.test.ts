import { CreateTableCommand, DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { LOCAL_TEMPLATE_IDS, type NotificationEvent, type TemplateKey } from '@ah-tourism/shared';
import { localDynamoClient, startDynamoDbLocal } from '../../../scripts/local/dynamodb-local';
import type { Managed } from '../../../scripts/local/process';
import { profileKey } from '../auth/keys';
import type { StaffRecord } from '../auth/store';
import { WechatApiError, WechatUnavailableError, type SubscribeMessage } from '../platform/wechat';
import { deliverBatch } from './dispatch-batch';
import { dispatcher } from './dispatcher';
import { MAX_PUSH_ATTEMPTS, PUSH_RETRY_DELAYS_MS } from './push-watch';
import { inboxKey, messageIdFor, messageKey, subscriptionKey } from './keys';
import { notificationStore } from './store';

// The dispatcher and its store against a real DynamoDB Local (in memory), with WeChat faked.
const DYNAMODB_PORT = Number(process.env.DISPATCHER_TEST_DYNAMODB_PORT ?? 8151);
const TABLE = 'notifications-test';
const ORGANISATION = '113410000039113649';

interface Call {
  command: string;
  input: any;
}

let dynamodb: Managed & { endpoint: string };
let client: DynamoDBClient;
let doc: DynamoDBDocumentClient;
/** Every DynamoDB request the store sends, in order. */
let calls: Call[] = [];
/** Runs before a request of the store is sent (to change the table under it). */
let beforeSend: ((call: Call) => Promise<void>) | undefined;
let sends: SubscribeMessage[] = [];
let sendImpl: (message: SubscribeMessage) => Promise<string>;
let staff: StaffRecord[] = [];
let sequence = 0;

beforeAll(async () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  dynamodb = await startDynamoDbLocal(DYNAMODB_PORT);
  client = localDynamoClient(dynamodb.endpoint);
  await client.send(
    new CreateTableCommand({
      TableName: TABLE,
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        { AttributeName: 'gsi2pk', AttributeType: 'S' },
        { AttributeName: 'gsi2sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      // The pending pushes' watch list, as in the real table.
      GlobalSecondaryIndexes: [
        {
          IndexName: 'GSI2',
          KeySchema: [
            { AttributeName: 'gsi2pk', KeyType: 'HASH' },
            { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  // The store's own client, observed: a separate one (`raw`) prepares and inspects the table.
  const observed = localDynamoClient(dynamodb.endpoint);
  observed.middlewareStack.add(
    (next, context) => async (args) => {
      const call = { command: String(context.commandName).replace(/Command$/, ''), input: args.input };
      if (beforeSend) await beforeSend(call);
      calls.push(call);
      return next(args);
    },
    { step: 'initialize', name: 'recordCalls' },
  );
  doc = DynamoDBDocumentClient.from(observed, { marshallOptions: { removeUndefinedValues: true } });
});

afterAll(async () => {
  doc?.destroy();
  client?.destroy();
  await dynamodb?.stop();
});

const raw = () => DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });

beforeEach(() => {
  calls = [];
  beforeSend = undefined;
  sends = [];
  sendImpl = async () => `msg-${sends.length}`;
  staff = [];
});

function subject(now: () => Date = () => new Date()) {
  return dispatcher({
    store: notificationStore(doc, TABLE, async () => undefined),
    people: { listStaff: async () => staff },
    send: async (message) => {
      sends.push(message);
      return sendImpl(message);
    },
    templateIds: LOCAL_TEMPLATE_IDS,
    now,
  });
}

/** Active pre-review staff of the organisation, one per account. */
const preReviewStaff = (...userIds: string[]) => userIds.map((userId, i) => ({ staffId: `s${i}`, userId, status: 'active', permissions: ['pre_review'] }) as unknown as StaffRecord);

/** The pushes on the watch list at `at`, as retryPushes finds them. */
const watched = (at: Date) => notificationStore(raw(), TABLE).due(at);

async function newUser(options: { once?: { template: TemplateKey; remaining: number }; long?: { template: TemplateKey; active: boolean } } = {}) {
  const userId = `u_${++sequence}_${Date.now().toString(36)}`;
  const openid = `openid_${userId}`;
  const db = raw();
  await db.send(new PutCommand({ TableName: TABLE, Item: { ...profileKey(userId), entity: 'User', user: { userId, displayName: '微信用户', openid, createdAt: new Date().toISOString() } } }));
  const subscription = options.once ?? options.long;
  if (subscription) {
    await db.send(
      new PutCommand({
        TableName: TABLE,
        Item: {
          ...subscriptionKey(userId, subscription.template),
          templateKey: subscription.template,
          templateId: LOCAL_TEMPLATE_IDS[subscription.template],
          kind: options.once ? 'once' : 'long',
          remaining: options.once?.remaining ?? 0,
          active: options.once ? options.once.remaining > 0 : options.long!.active,
          lastResult: 'accept',
          updatedAt: new Date().toISOString(),
        },
      }),
    );
  }
  return { userId, openid };
}

const event = (type: NotificationEvent['type'], applicantUserId: string): NotificationEvent => ({
  eventId: `ev_${++sequence}`,
  type,
  occurredAt: new Date(Date.now() + sequence).toISOString(),
  caseNumber: '202611273410006Z8KQW3M',
  itemName: '旅行社业务经营许可',
  organisationCode: ORGANISATION,
  applicantUserId,
  applicantDisplayName: '张*',
});

const get = async (key: Record<string, unknown>) => (await raw().send(new GetCommand({ TableName: TABLE, Key: key, ConsistentRead: true }))).Item;
const messageOf = (userId: string, e: NotificationEvent) => get(messageKey(userId, messageIdFor(e.occurredAt, e.eventId)));
const remaining = async (userId: string, template: TemplateKey) => (await get(subscriptionKey(userId, template)))?.remaining;
const unread = async (userId: string) => (await get(inboxKey(userId)))?.unread;

/** What a call writes: items in a transaction, or one item. */
const writes = (call: Call) =>
  call.command === 'TransactWriteItems'
    ? call.input.TransactItems.map((item: any) => Object.entries(item).map(([kind, op]: [string, any]) => `${kind} ${String(op.Key?.sk ?? op.Item?.sk).split('#')[0]}`)[0])
    : call.command === 'UpdateItem' || call.command === 'PutItem'
      ? [`${call.command === 'UpdateItem' ? 'Update' : 'Put'} ${String(call.input.Key?.sk ?? call.input.Item?.sk).split('#')[0]}`]
      : [];

/**
 * Write units as DynamoDB bills them: 1 per KB of item for a plain write, 2 for a write in a
 * transaction. (DynamoDB Local returns ConsumedCapacity, but sums a transaction's items wrongly.) The
 * items these tests write stay under 1 KB, checked by `underOneKilobyte`.
 */
const writeUnits = (recorded: Call[]) =>
  recorded.reduce((units, call) => units + (call.command === 'TransactWriteItems' ? 2 * call.input.TransactItems.length : writes(call).length), 0);
/** An upper bound of DynamoDB's item size: the UTF-8 JSON of the item is never smaller. */
const underOneKilobyte = (item: unknown) => Buffer.byteLength(JSON.stringify(item)) <= 1024;

describe('one push, one transaction', () => {
  test('a one-time push: one read, one transaction for message, counter and grant, one write of the outcome (7 WRU)', async () => {
    const { userId, openid } = await newUser({ once: { template: 'case_progress', remaining: 2 } });
    const e = event('accepted', userId);
    const report = await subject().deliver(e);

    expect(report).toEqual({ recipients: 1, pushed: 1 });
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({ touser: openid, template_id: LOCAL_TEMPLATE_IDS.case_progress });
    expect(calls.map((c) => c.command)).toEqual(['BatchGetItem', 'TransactWriteItems', 'UpdateItem']);
    expect(calls.map(writes)).toEqual([[], ['Put MSG', 'Update INBOX', 'Update SUBSCRIPTION'], ['Update MSG']]);
    expect(calls[0]!.input.RequestItems[TABLE].ConsistentRead).toBe(true);

    const message = await messageOf(userId, e);
    expect(message).toMatchObject({ pushStatus: 'sent', grantConsumed: true, pushMsgid: 'msg-1', message: { push: 'sent' } });
    expect(message!.leaseUntil).toBeUndefined();
    expect(await remaining(userId, 'case_progress')).toBe(1);
    expect(await unread(userId)).toBe(1);
    for (const item of [message, await get(inboxKey(userId)), await get(subscriptionKey(userId, 'case_progress'))]) expect(underOneKilobyte(item)).toBe(true);
    // Before: four calls (the grant in a second transaction), 9 WRU.
    expect(writeUnits(calls)).toBe(7);
  });

  test('no grant left: the message alone, final at once, in one transaction', async () => {
    const { userId } = await newUser({ once: { template: 'case_progress', remaining: 0 } });
    const e = event('accepted', userId);
    expect(await subject().deliver(e)).toEqual({ recipients: 1, pushed: 0 });
    expect(sends).toEqual([]);
    expect(calls.map(writes)).toEqual([[], ['Put MSG', 'Update INBOX']]);
    expect(await messageOf(userId, e)).toMatchObject({ pushStatus: 'no_subscription', message: { push: 'no_subscription' } });
    expect((await messageOf(userId, e))!.grantConsumed).toBeUndefined();
    expect(await unread(userId)).toBe(1);
  });

  test('a message-centre-only event reads nothing about its recipient', async () => {
    const { userId } = await newUser();
    const e = event('case_submitted', userId);
    expect(await subject().deliver(e)).toEqual({ recipients: 1, pushed: 0 });
    expect(calls.map(writes)).toEqual([['Put MSG', 'Update INBOX']]);
    expect(await messageOf(userId, e)).toMatchObject({ pushStatus: 'in_app' });
  });

  test('a grant spent elsewhere between the read and the transaction: the message without a push', async () => {
    const { userId } = await newUser({ once: { template: 'case_progress', remaining: 1 } });
    let spent = false;
    beforeSend = async (call) => {
      if (call.command !== 'TransactWriteItems' || spent) return;
      spent = true;
      await raw().send(new UpdateCommand({ TableName: TABLE, Key: subscriptionKey(userId, 'case_progress'), UpdateExpression: 'SET remaining = :zero', ExpressionAttributeValues: { ':zero': 0 } }));
    };
    const e = event('accepted', userId);
    expect(await subject().deliver(e)).toEqual({ recipients: 1, pushed: 0 });
    expect(sends).toEqual([]);
    expect(await messageOf(userId, e)).toMatchObject({ pushStatus: 'no_subscription' });
    expect(await unread(userId)).toBe(1);
    expect(await remaining(userId, 'case_progress')).toBe(0);
  });

  test('staff with a long-term subscription: one read for all of them, one transaction each', async () => {
    const on = await Promise.all([newUser({ long: { template: 'staff_new_case', active: true } }), newUser({ long: { template: 'staff_new_case', active: true } })]);
    const off = await newUser({ long: { template: 'staff_new_case', active: false } });
    const none = await newUser();
    staff = preReviewStaff(...[...on, off, none].map((u) => u.userId));
    const applicant = await newUser();
    calls = [];
    const e = event('case_submitted', applicant.userId);
    expect(await subject().deliver(e)).toEqual({ recipients: 5, pushed: 2 });
    expect(sends.map((s) => s.touser).sort()).toEqual(on.map((u) => u.openid).sort());
    expect(calls.filter((c) => c.command === 'BatchGetItem')).toHaveLength(1);
    expect(calls.filter((c) => c.command === 'TransactWriteItems')).toHaveLength(5);
    expect(calls.filter((c) => c.command === 'UpdateItem')).toHaveLength(2);
    expect(await messageOf(off.userId, e)).toMatchObject({ pushStatus: 'no_subscription' });
    expect(await messageOf(none.userId, e)).toMatchObject({ pushStatus: 'no_subscription' });
    expect(await messageOf(applicant.userId, e)).toMatchObject({ pushStatus: 'in_app' });
  });
});

describe('what WeChat answers', () => {
  test('45009 is recorded as over quota and keeps the person’s one-time grant', async () => {
    const { userId } = await newUser({ once: { template: 'case_progress', remaining: 1 } });
    sendImpl = async () => {
      throw new WechatApiError(45009, 'reach max api daily quota limit');
    };
    const first = event('accepted', userId);
    expect(await subject().deliver(first)).toEqual({ recipients: 1, pushed: 0 });
    const message = await messageOf(userId, first);
    expect(message).toMatchObject({ pushStatus: 'quota_exceeded', pushErrcode: 45009, message: { push: 'quota_exceeded' } });
    expect(message!.grantConsumed).toBeUndefined();
    expect(message!.leaseUntil).toBeUndefined();
    expect(await remaining(userId, 'case_progress')).toBe(1);

    // The grant is there for the next push.
    sendImpl = async () => 'msg-ok';
    const next = event('decided', userId);
    expect(await subject().deliver(next)).toEqual({ recipients: 1, pushed: 1 });
    expect(await remaining(userId, 'case_progress')).toBe(0);
  });

  test('43101 is recorded as refused and drops the grant, in one transaction', async () => {
    const { userId } = await newUser({ once: { template: 'case_progress', remaining: 3 } });
    sendImpl = async () => {
      throw new WechatApiError(43101, 'user refuse to accept the msg');
    };
    const e = event('accepted', userId);
    expect(await subject().deliver(e)).toEqual({ recipients: 1, pushed: 0 });
    expect(calls.map(writes).slice(-1)).toEqual([['Update MSG', 'Update SUBSCRIPTION']]);
    expect(await messageOf(userId, e)).toMatchObject({ pushStatus: 'refused', pushErrcode: 43101 });
    expect(await get(subscriptionKey(userId, 'case_progress'))).toMatchObject({ remaining: 0, active: false, lastResult: 'refused_by_wechat' });
  });

  test('another WeChat error is recorded as failed, not retried', async () => {
    const { userId } = await newUser({ once: { template: 'case_progress', remaining: 1 } });
    sendImpl = async () => {
      throw new WechatApiError(47003, 'argument invalid');
    };
    const e = event('accepted', userId);
    expect(await subject().deliver(e)).toEqual({ recipients: 1, pushed: 0 });
    expect(sends).toHaveLength(1);
    expect(await messageOf(userId, e)).toMatchObject({ pushStatus: 'failed', pushErrcode: 47003 });
  });

  test('a transient failure defers the push to a later attempt instead of failing the batch; that attempt sends once and spends once', async () => {
    const { userId } = await newUser({ once: { template: 'case_progress', remaining: 1 } });
    sendImpl = async () => {
      throw new WechatUnavailableError('timeout');
    };
    const e = event('accepted', userId);
    const failedAt = new Date();
    expect(await subject(() => failedAt).deliver(e)).toEqual({ recipients: 1, pushed: 0 });
    expect(sends).toHaveLength(1);
    const held = await messageOf(userId, e);
    expect(held).toMatchObject({ pushStatus: 'pending', grantConsumed: true, pushAttempts: 1, pushLastError: 'timeout' });
    expect(held!.leaseUntil).toBeUndefined();
    expect(await remaining(userId, 'case_progress')).toBe(0);

    // Not due before its retry time; due after it.
    const messageId = messageIdFor(e.occurredAt, e.eventId);
    expect(await watched(new Date(failedAt.getTime() + PUSH_RETRY_DELAYS_MS[0]! - 1000))).not.toContainEqual({ userId, messageId });
    expect(await watched(new Date(failedAt.getTime() + PUSH_RETRY_DELAYS_MS[0]!))).toContainEqual({ userId, messageId });

    sends = [];
    sendImpl = async () => 'msg-late';
    expect(await subject().retry(userId, messageId)).toBe(true);
    expect(sends).toHaveLength(1);
    const sent = await messageOf(userId, e);
    expect(sent).toMatchObject({ pushStatus: 'sent', pushMsgid: 'msg-late' });
    expect(sent!.gsi2pk).toBeUndefined();
    expect(await remaining(userId, 'case_progress')).toBe(0);
    expect(await unread(userId)).toBe(1);
    // Done: neither the stream nor the watch sends it again.
    expect(await subject().retry(userId, messageId)).toBe(false);
    expect(await subject().deliver(e)).toEqual({ recipients: 1, pushed: 0 });
    expect(sends).toHaveLength(1);
  });

  test(`after ${MAX_PUSH_ATTEMPTS} transient failures the push is given up: failed, with when and why, off the watch list`, async () => {
    const { userId } = await newUser({ long: { template: 'staff_new_case', active: true } });
    staff = preReviewStaff(userId);
    sendImpl = async () => {
      throw new WechatUnavailableError('HTTP 503');
    };
    const e = event('case_submitted', (await newUser()).userId);
    await subject().deliver(e);
    const messageId = messageIdFor(e.occurredAt, e.eventId);
    for (let attempt = 2; attempt <= MAX_PUSH_ATTEMPTS; attempt += 1) expect(await subject().retry(userId, messageId)).toBe(false);
    expect(sends).toHaveLength(MAX_PUSH_ATTEMPTS);
    const given = await get(messageKey(userId, messageId));
    expect(given).toMatchObject({ pushStatus: 'failed', message: { push: 'failed' }, pushAttempts: MAX_PUSH_ATTEMPTS, pushLastError: 'HTTP 503' });
    expect(given!.pushGaveUpAt).toEqual(expect.any(String));
    expect(given!.gsi2pk).toBeUndefined();
    expect(await watched(new Date(Date.now() + 86_400_000))).not.toContainEqual({ userId, messageId });
  });

  test('one recipient WeChat cannot reach holds up no one: one attempt for them, the others sent, the batch succeeds', async () => {
    const slow = await newUser({ long: { template: 'staff_new_case', active: true } });
    const others = await Promise.all([1, 2, 3].map(() => newUser({ long: { template: 'staff_new_case', active: true } })));
    staff = preReviewStaff(...[slow, ...others].map((u) => u.userId));
    sendImpl = async (message) => {
      if (message.touser === slow.openid) throw new WechatUnavailableError('timeout');
      return 'msg-ok';
    };
    const e = event('case_submitted', (await newUser()).userId);
    const record = { eventName: 'INSERT', dynamodb: { Keys: { pk: { S: 'CASE#1' } }, SequenceNumber: '1', NewImage: marshall({ kind: 'outbox', event: e }) } };
    const result = await deliverBatch([record as never], (ev) => subject().deliver(ev));
    expect(result.batchItemFailures).toEqual([]);
    expect(sends.filter((m) => m.touser === slow.openid)).toHaveLength(1);
    for (const other of others) expect(sends.filter((m) => m.touser === other.openid)).toHaveLength(1);
  });

  test('a retry that fails for any other reason is an attempt too: the push still ends failed within its bound', async () => {
    const { userId } = await newUser({ long: { template: 'staff_new_case', active: true } });
    staff = preReviewStaff(userId);
    sendImpl = async () => {
      throw new WechatUnavailableError('timeout');
    };
    const e = event('case_submitted', (await newUser()).userId);
    await subject().deliver(e);
    const messageId = messageIdFor(e.occurredAt, e.eventId);
    // Not WeChat: something of ours fails on every retry.
    sendImpl = async () => {
      throw new Error('table throttled');
    };
    for (let attempt = 2; attempt < MAX_PUSH_ATTEMPTS; attempt += 1) {
      expect(await subject().retry(userId, messageId)).toBe(false);
      expect(await get(messageKey(userId, messageId))).toMatchObject({ pushStatus: 'pending', pushAttempts: attempt, pushLastError: 'table throttled' });
    }
    expect(await subject().retry(userId, messageId)).toBe(false);
    const given = await get(messageKey(userId, messageId));
    expect(given).toMatchObject({ pushStatus: 'failed', pushAttempts: MAX_PUSH_ATTEMPTS, pushLastError: 'table throttled' });
    expect(given!.gsi2pk).toBeUndefined();
  });

  test('a push whose attempt crashed holding its lease is watched, and sent by a later attempt', async () => {
    const { userId } = await newUser({ long: { template: 'staff_new_case', active: true } });
    staff = preReviewStaff(userId);
    // The attempt dies after writing the message, before any answer from WeChat.
    sendImpl = async () => {
      throw new Error('the function timed out');
    };
    const e = event('case_submitted', (await newUser()).userId);
    await expect(subject().deliver(e)).rejects.toThrow('the function timed out');
    const messageId = messageIdFor(e.occurredAt, e.eventId);
    await raw().send(new UpdateCommand({ TableName: TABLE, Key: messageKey(userId, messageId), UpdateExpression: 'SET leaseUntil = :gone', ExpressionAttributeValues: { ':gone': Date.now() - 1 } }));
    expect(await watched(new Date(Date.now() + 10 * 60_000))).toContainEqual({ userId, messageId });

    sends = [];
    sendImpl = async () => 'msg-after-crash';
    expect(await subject().retry(userId, messageId)).toBe(true);
    expect(await get(messageKey(userId, messageId))).toMatchObject({ pushStatus: 'sent', pushMsgid: 'msg-after-crash' });
  });
});

describe('a stream record delivered twice', () => {
  test('one after the other: one message, one push, one grant spent', async () => {
    const { userId } = await newUser({ once: { template: 'case_progress', remaining: 2 } });
    const e = event('accepted', userId);
    await subject().deliver(e);
    expect(await subject().deliver(e)).toEqual({ recipients: 1, pushed: 0 });
    expect(sends).toHaveLength(1);
    expect(await remaining(userId, 'case_progress')).toBe(1);
    expect(await unread(userId)).toBe(1);
  });

  test('at the same time: the second finds the push held and leaves it to the holder; still one push', async () => {
    const { userId } = await newUser({ once: { template: 'case_progress', remaining: 2 } });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    sendImpl = async () => {
      await gate;
      return 'msg-1';
    };
    const e = event('accepted', userId);
    const one = subject().deliver(e);
    const two = subject().deliver(e);
    // Whichever finds the push held is done while the other still waits for WeChat: it neither sends nor
    // fails the batch.
    const early = await Promise.race([one, two]);
    expect(early).toEqual({ recipients: 1, pushed: 0 });
    release();
    await Promise.allSettled([one, two]);
    expect(sends).toHaveLength(1);
    expect(await remaining(userId, 'case_progress')).toBe(1);
    expect(await unread(userId)).toBe(1);
    expect(await messageOf(userId, e)).toMatchObject({ pushStatus: 'sent' });
    // Delivered again later, it finds the push done.
    expect(await subject().deliver(e)).toEqual({ recipients: 1, pushed: 0 });
    expect(sends).toHaveLength(1);
  });

  test('a pending message from before grants were spent with the message still spends exactly one', async () => {
    const { userId } = await newUser({ once: { template: 'case_progress', remaining: 2 } });
    const e = event('accepted', userId);
    const messageId = messageIdFor(e.occurredAt, e.eventId);
    await raw().send(
      new PutCommand({
        TableName: TABLE,
        Item: { ...messageKey(userId, messageId), entity: 'Message', userId, pushStatus: 'pending', message: { messageId, type: e.type, title: 't', body: 'b', caseNumber: e.caseNumber, createdAt: e.occurredAt, push: 'pending' } },
      }),
    );
    expect(await subject().deliver(e)).toEqual({ recipients: 1, pushed: 1 });
    expect(await subject().deliver(e)).toEqual({ recipients: 1, pushed: 0 });
    expect(sends).toHaveLength(1);
    expect(await remaining(userId, 'case_progress')).toBe(1);
    expect(await messageOf(userId, e)).toMatchObject({ pushStatus: 'sent', grantConsumed: true });
  });
});

describe('the store', () => {
  test('a transaction that lost a conflict on an item is run again', async () => {
    let conflicts = 1;
    const flaky = {
      send: async (command: any) => {
        if (command.constructor.name === 'TransactWriteCommand' && conflicts-- > 0) {
          throw new TransactionCanceledException({
            $metadata: {},
            message: 'Transaction cancelled',
            CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
          });
        }
        return doc.send(command);
      },
    } as unknown as DynamoDBDocumentClient;
    const store = notificationStore(flaky, TABLE, async () => undefined);
    const { userId } = await newUser();
    const e = event('case_submitted', userId);
    const messageId = messageIdFor(e.occurredAt, e.eventId);
    const created = await store.createMessage(userId, { messageId, type: e.type, title: 't', body: 'b', caseNumber: e.caseNumber, createdAt: e.occurredAt, push: 'in_app' });
    expect(created.outcome).toBe('created');
    expect(conflicts).toBe(-1);
    expect(await unread(userId)).toBe(1);
  });
});

describe('a batch of the stream', () => {
  const record = (pk: string, eventId: string, sequenceNumber: string) => ({
    eventName: 'INSERT' as const,
    dynamodb: {
      Keys: { pk: { S: pk }, sk: { S: `OUTBOX#${eventId}` } },
      NewImage: { pk: { S: pk }, sk: { S: `OUTBOX#${eventId}` }, kind: { S: 'outbox' }, event: { M: { eventId: { S: eventId } } } },
      SequenceNumber: sequenceNumber,
    },
  });

  test('records of one case one after the other in order, cases at once; the earliest failure is reported and its case stops there', async () => {
    const records = [record('CASE#a', 'a1', '1'), record('CASE#b', 'b1', '2'), record('CASE#a', 'a2', '3'), record('CASE#b', 'b2', '4'), record('CASE#a', 'a3', '5')];
    const log: string[] = [];
    let running = 0;
    let overlap = 0;
    const result = await deliverBatch(records as never, async (e) => {
      running += 1;
      overlap = Math.max(overlap, running);
      log.push(`start ${e.eventId}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
      running -= 1;
      log.push(`end ${e.eventId}`);
      if (e.eventId === 'b1') throw new Error('transient');
    });
    expect(overlap).toBe(2);
    const a = log.filter((line) => line.includes(' a'));
    expect(a).toEqual(['start a1', 'end a1', 'start a2', 'end a2', 'start a3', 'end a3']);
    expect(log).not.toContain('start b2');
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
  });
});
