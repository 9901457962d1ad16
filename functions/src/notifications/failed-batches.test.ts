import { CreateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSRecord } from 'aws-lambda';
import { LOCAL_TEMPLATE_IDS, type NotificationEvent } from '@ah-tourism/shared';
import { LOCAL_AWS_ENV, localDynamoClient, startDynamoDbLocal } from '../../../scripts/local/dynamodb-local';
import { onFailureRecord } from '../../../scripts/local/failure-destinations';
import type { Managed } from '../../../scripts/local/process';
import { profileKey } from '../auth/keys';
import type { StaffRecord } from '../auth/store';
import type { SubscribeMessage } from '../platform/wechat';
import { readStreamRange } from '../platform/streams';
import { dispatcher } from './dispatcher';
import { GIVE_UP_FROM_RECEIVE, STREAM_GAVE_UP, failedBatchDeps, finishFailedBatches } from './failed-batches';
import { messageIdFor, messageKey, outboxKey, subscriptionKey } from './keys';
import { outboxPut } from './outbox';
import { notificationStore } from './store';

/*
 * The dead-letter consumer against a real DynamoDB Local and its stream: the on-failure record names a
 * range of the stream, the records are read back with the DynamoDB Streams client and delivered by the
 * real dispatcher and store, with WeChat faked.
 */
const DYNAMODB_PORT = Number(process.env.FAILED_BATCHES_TEST_DYNAMODB_PORT ?? 8153);
const TABLE = 'failed-batches-test';
const ORGANISATION = '113410000039113649';

let dynamodb: Managed & { endpoint: string };
let client: DynamoDBClient;
let doc: DynamoDBDocumentClient;
let streams: DynamoDBStreamsClient;
let streamArn: string;
let sends: SubscribeMessage[] = [];
let staff: StaffRecord[] = [];
let sequence = 0;
/** Log lines the functions wrote (Powertools writes JSON lines, errors and warnings to stderr). */
let lines: Record<string, any>[] = [];

beforeAll(async () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  dynamodb = await startDynamoDbLocal(DYNAMODB_PORT);
  client = localDynamoClient(dynamodb.endpoint);
  const created = await client.send(
    new CreateTableCommand({
      TableName: TABLE,
      AttributeDefinitions: ['pk', 'sk', 'gsi2pk', 'gsi2sk'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
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
      // As the real table's stream.
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
    }),
  );
  streamArn = created.TableDescription!.LatestStreamArn!;
  doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  streams = new DynamoDBStreamsClient({
    endpoint: dynamodb.endpoint,
    region: LOCAL_AWS_ENV.AWS_REGION,
    credentials: { accessKeyId: LOCAL_AWS_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_AWS_ENV.AWS_SECRET_ACCESS_KEY },
  });
});

afterAll(async () => {
  streams?.destroy();
  client?.destroy();
  await dynamodb?.stop();
});

beforeEach(() => {
  sends = [];
  staff = [];
  lines = [];
  const capture = (chunk: unknown) => {
    for (const line of String(chunk).split('\n')) if (line.trim().startsWith('{')) lines.push(JSON.parse(line));
    return true;
  };
  jest.spyOn(process.stdout, 'write').mockImplementation(capture as never);
  jest.spyOn(process.stderr, 'write').mockImplementation(capture as never);
});
afterEach(() => jest.restoreAllMocks());

const dispatch = () =>
  dispatcher({
    store: notificationStore(doc, TABLE, async () => undefined),
    people: { listStaff: async () => staff },
    send: async (message) => {
      sends.push(message);
      return `msg-${sends.length}`;
    },
    templateIds: LOCAL_TEMPLATE_IDS,
  });

/** The consumer as the function wires it, on this table and its stream (read two records per call). */
const consumerDeps = () => failedBatchDeps({ dispatch: dispatch(), db: doc, tableName: TABLE, read: (batch) => readStreamRange(batch, { client: streams, pageSize: 2 }) });

/** A member of the organisation's pre-review staff who switched on new-case alerts. */
async function subscribedStaff(): Promise<{ userId: string; openid: string }> {
  const userId = `u_${++sequence}_${Date.now().toString(36)}`;
  const openid = `openid_${userId}`;
  await doc.send(new PutCommand({ TableName: TABLE, Item: { ...profileKey(userId), entity: 'User', user: { userId, displayName: '微信用户', openid, createdAt: new Date().toISOString() } } }));
  await doc.send(
    new PutCommand({
      TableName: TABLE,
      Item: { ...subscriptionKey(userId, 'staff_new_case'), templateKey: 'staff_new_case', templateId: LOCAL_TEMPLATE_IDS.staff_new_case, kind: 'long', remaining: 0, active: true, lastResult: 'accept', updatedAt: new Date().toISOString() },
    }),
  );
  staff.push({ staffId: `s_${userId}`, userId, status: 'active', permissions: ['pre_review'] } as unknown as StaffRecord);
  return { userId, openid };
}

const submitted = (caseNumber: string, overrides: Record<string, unknown> = {}): NotificationEvent =>
  ({
    eventId: `ev_${++sequence}_${Date.now().toString(36)}`,
    type: 'case_submitted',
    occurredAt: new Date(Date.now() + sequence).toISOString(),
    caseNumber,
    itemName: '旅行社业务经营许可',
    organisationCode: ORGANISATION,
    applicantUserId: `applicant_${sequence}`,
    applicantDisplayName: '张*',
    ...overrides,
  }) as NotificationEvent;

/** Writes the events' outbox records, as the writers do, and returns each one's stream record (sequence, creation). */
async function writeOutbox(...events: NotificationEvent[]) {
  for (const event of events) {
    const { Put } = outboxPut(TABLE, event);
    await doc.send(new PutCommand(Put));
  }
  const bySk = new Map((await streamRecords()).map((r) => [r.dynamodb!.Keys!.sk!.S!, r]));
  return events.map((event) => bySk.get(outboxKey(event.caseNumber, event.eventId).sk)!);
}

/** Every record of the table's stream so far (one shard in DynamoDB Local). */
async function streamRecords() {
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
  const shard = StreamDescription!.Shards![0]!.ShardId!;
  let { ShardIterator } = await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard, ShardIteratorType: 'TRIM_HORIZON' }));
  const records = [];
  while (ShardIterator) {
    const page = await streams.send(new GetRecordsCommand({ ShardIterator }));
    records.push(...(page.Records ?? []).map((r) => ({ ...r, shard })));
    if (!page.Records?.length) break;
    ShardIterator = page.NextShardIterator;
  }
  return records;
}

type Written = Awaited<ReturnType<typeof writeOutbox>>[number];
/** The dead-letter message Lambda sends when it gives up on the records from `first` to `last`. */
function deadLetter(first: Written, last: Written, receive: number, shardId = first.shard): SQSRecord {
  const stamp = (r: Written) => ({ dynamodb: { SequenceNumber: r.dynamodb!.SequenceNumber!, ApproximateCreationDateTime: r.dynamodb!.ApproximateCreationDateTime!.getTime() / 1000 } });
  const body = onFailureRecord({ functionName: 'ah-tourism-test-dispatchNotifications', region: 'cn-north-1', attempts: 6, functionError: 'Unhandled', shardId, streamArn, records: [stamp(first), stamp(last)] });
  return { messageId: `m-${first.dynamodb!.SequenceNumber}`, body: JSON.stringify(body), attributes: { ApproximateReceiveCount: String(receive) } } as unknown as SQSRecord;
}

const stored = async (key: Record<string, unknown>) => (await doc.send(new GetCommand({ TableName: TABLE, Key: key, ConsistentRead: true }))).Item;
const messageOf = (userId: string, event: NotificationEvent) => stored(messageKey(userId, messageIdFor(event.occurredAt, event.eventId)));
const pushesTo = (openid: string) => sends.filter((send) => send.touser === openid);

test('reads exactly the named range back from the stream, page by page, in the shape Lambda gives it', async () => {
  const [first] = await writeOutbox(submitted('C-RANGE-1'));
  await doc.send(new PutCommand({ TableName: TABLE, Item: { pk: 'CASE#C-RANGE-1', sk: 'META', entity: 'Case' } }));
  const [, last] = await writeOutbox(submitted('C-RANGE-2'), submitted('C-RANGE-3'));
  await doc.send(new PutCommand({ TableName: TABLE, Item: { pk: 'CASE#C-RANGE-4', sk: 'META', entity: 'Case' } }));
  const read = await readStreamRange(
    { streamArn, shardId: first!.shard, startSequenceNumber: first!.dynamodb!.SequenceNumber!, endSequenceNumber: last!.dynamodb!.SequenceNumber!, batchSize: 3, approximateArrivalOfFirstRecord: '', approximateArrivalOfLastRecord: '' },
    { client: streams, pageSize: 2 },
  );
  expect(read.kind).toBe('read');
  const records = read.kind === 'read' ? read.records : [];
  // The stream's other writes between them are there too; delivery passes them over.
  expect(records.map((r) => `${r.dynamodb!.Keys!.pk!.S} ${r.dynamodb!.Keys!.sk!.S!.split('#')[0]}`)).toEqual(['CASE#C-RANGE-1 OUTBOX', 'CASE#C-RANGE-1 META', 'CASE#C-RANGE-2 OUTBOX', 'CASE#C-RANGE-3 OUTBOX']);
  expect(records[0]).toMatchObject({ eventName: 'INSERT', eventSource: 'aws:dynamodb', eventSourceARN: streamArn, dynamodb: { NewImage: { kind: { S: 'outbox' } }, ApproximateCreationDateTime: expect.any(Number) } });
});

test('finishes a failed batch: every event delivered once, also one that had gone through before', async () => {
  const person = await subscribedStaff();
  const before = submitted('C-FINISH-1');
  const after = submitted('C-FINISH-2');
  const [first, last] = await writeOutbox(before, after);
  await dispatch().deliver(before);

  expect(await finishFailedBatches([deadLetter(first!, last!, 1)], consumerDeps())).toEqual({ batchItemFailures: [] });

  expect(pushesTo(person.openid).map((push) => push.data.character_string1!.value)).toEqual(['C-FINISH-1', 'C-FINISH-2']);
  for (const event of [before, after]) expect(await messageOf(person.userId, event)).toMatchObject({ pushStatus: 'sent' });
  expect(lines.find((line) => line.message === 'failed batch finished')).toMatchObject({ level: 'INFO', detail: { records: 2, replayed: 2, givenUp: 0, receiveCount: 1 } });
});

test(`an event that still fails goes back to the queue, and from receive ${GIVE_UP_FROM_RECEIVE} is given up: its push failed with the reason, the give-up on its outbox record, the case's next event sent`, async () => {
  const person = await subscribedStaff();
  // A writer's bug: the masked name as a number. The message is written, then its push cannot be filled in.
  const malformed = submitted('C-POISON', { applicantDisplayName: 42 });
  const next = submitted('C-POISON');
  const [first, last] = await writeOutbox(malformed, next);

  for (let receive = 1; receive < GIVE_UP_FROM_RECEIVE; receive += 1) {
    const message = deadLetter(first!, last!, receive);
    expect(await finishFailedBatches([message], consumerDeps())).toEqual({ batchItemFailures: [{ itemIdentifier: message.messageId }] });
  }
  expect(await messageOf(person.userId, malformed)).toMatchObject({ pushStatus: 'pending' });
  expect(await messageOf(person.userId, next)).toBeUndefined();

  expect(await finishFailedBatches([deadLetter(first!, last!, GIVE_UP_FROM_RECEIVE)], consumerDeps())).toEqual({ batchItemFailures: [] });
  const givenUp = await messageOf(person.userId, malformed);
  expect(givenUp).toMatchObject({ pushStatus: 'failed', message: { push: 'failed' }, pushGaveUpAt: expect.any(String), pushLastError: STREAM_GAVE_UP, pushAttempts: 1 });
  expect(givenUp!.gsi2pk).toBeUndefined();
  expect(await stored(outboxKey(malformed.caseNumber, malformed.eventId))).toMatchObject({ deliveryGaveUpAt: expect.any(String), deliveryGaveUpReason: STREAM_GAVE_UP, deliveryLastError: expect.stringMatching(/replace/), pushesGivenUp: 1 });
  expect(await messageOf(person.userId, next)).toMatchObject({ pushStatus: 'sent' });
  expect(lines.find((line) => line.message === 'outbox event given up: neither the stream nor the dead-letter consumer could deliver it')).toMatchObject({ level: 'ERROR', detail: { eventId: malformed.eventId } });

  // The queue may hand the message over once more: nothing is sent twice, nothing changes.
  await finishFailedBatches([deadLetter(first!, last!, GIVE_UP_FROM_RECEIVE + 1)], consumerDeps());
  expect(pushesTo(person.openid).map((push) => push.data.character_string1!.value)).toEqual(['C-POISON']);
  expect(await messageOf(person.userId, malformed)).toMatchObject({ pushStatus: 'failed', pushGaveUpAt: givenUp!.pushGaveUpAt });
});

test('a batch that has left the stream is logged as an error and left in the queue', async () => {
  const [record] = await writeOutbox(submitted('C-EXPIRED'));
  const message = deadLetter(record!, record!, 1, 'shardId-00000001573689847184-864758bb');
  expect(await finishFailedBatches([message], consumerDeps())).toEqual({ batchItemFailures: [{ itemIdentifier: message.messageId }] });
  expect(lines.find((line) => line.message === 'failed batch has left the stream; its events cannot be replayed')).toMatchObject({
    level: 'ERROR',
    detail: { shardId: 'shardId-00000001573689847184-864758bb', reason: expect.stringMatching(/^ResourceNotFoundException/) },
  });
});

test('a message that names no stream batch is left in the queue', async () => {
  const message = { messageId: 'm-unreadable', body: '{"hello":"world"}', attributes: { ApproximateReceiveCount: '1' } } as unknown as SQSRecord;
  expect(await finishFailedBatches([message], consumerDeps())).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-unreadable' }] });
  expect(lines.some((line) => line.level === 'ERROR' && line.message === 'dead-letter message names no stream batch; left in the queue')).toBe(true);
});

test('counts batches finished, records replayed and batches that had left the stream', async () => {
  // Metrics are off in unit tests (test/support/unit-env.ts): a fresh consumer with them on.
  process.env.POWERTOOLS_METRICS_DISABLED = 'false';
  let isolated!: { consumer: typeof import('./failed-batches'); metrics: typeof import('../platform/metrics') };
  jest.isolateModules(() => {
    isolated = { consumer: require('./failed-batches'), metrics: require('../platform/metrics') };
  });
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  const deps = isolated.consumer.failedBatchDeps({ dispatch: dispatch(), db: doc, tableName: TABLE, read: (batch) => readStreamRange(batch, { client: streams }) });
  const [first, last] = await writeOutbox(submitted('C-COUNT-1'), submitted('C-COUNT-2'));
  await isolated.consumer.finishFailedBatches([deadLetter(first!, last!, 1), deadLetter(first!, first!, 1, 'shardId-00000001573689847184-864758bb')], deps);
  isolated.metrics.publishMetrics();
  const emf = lines.filter((line) => line._aws);
  const counted = Object.fromEntries(emf.flatMap((line) => line._aws.CloudWatchMetrics[0].Metrics.map((m: { Name: string }) => [m.Name, line[m.Name]])));
  expect(counted).toEqual({ FailedBatchesFinished: 1, FailedBatchRecordsReplayed: 2, FailedBatchesExpired: 1 });
});
