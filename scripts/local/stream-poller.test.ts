import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  PutItemCommand,
  UpdateItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { parse } from 'yaml';
import { parseStreamBatchFailure } from '../../functions/src/platform/stream-records';
import { LOCAL_AWS_ENV, localDynamoClient, startDynamoDbLocal } from './dynamodb-local';
import type { Managed } from './process';
import {
  compileFilterPattern,
  laneFor,
  startStreamPoller,
  streamMappingsFromServerless,
  toLambdaRecord,
  type StreamFailure,
  type StreamMapping,
  type StreamPoller,
} from './stream-poller';

// Real DynamoDB Local, and a fake of serverless offline's Lambda Invoke endpoint.
const DYNAMODB_PORT = Number(process.env.STREAM_POLLER_TEST_DYNAMODB_PORT ?? 8150);
const FUNCTION = 'svc-local-dispatch';

type Reply = { status?: number; headers?: Record<string, string>; body?: unknown; delayMs?: number } | 'hang';
interface Call {
  functionName: string;
  keys: string[];
  records: any[];
  /** When the invocation arrived and when it was answered (Date.now()). */
  startMs?: number;
  endMs?: number;
}

let dynamodb: Managed & { endpoint: string };
let client: DynamoDBClient;
let lambda: http.Server;
let lambdaEndpoint: string;
let calls: Call[] = [];
let reply: (call: Call, index: number) => Reply;
const pollers: StreamPoller[] = [];

/** What serverless offline answers when the handler throws. */
const thrown = (message = 'boom'): Reply => ({
  headers: { 'X-Amz-Function-Error': 'Unhandled' },
  body: { errorMessage: message, errorType: 'Error', trace: [`Error: ${message}`, '    at handler'] },
});

function fakeLambda(): http.Server {
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const functionName = decodeURIComponent(/\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(req.url ?? '')?.[1] ?? '');
      const records = JSON.parse(Buffer.concat(chunks).toString('utf8')).Records;
      // A stream batch, or (to an on-failure queue's consumer) SQS messages.
      const keys = records.map((r: any) => (r.eventSource === 'aws:sqs' ? `sqs:${r.messageId}` : r.dynamodb.Keys.pk.S));
      const call: Call = { functionName, records, keys, startMs: Date.now() };
      calls.push(call);
      const answer = reply(call, calls.length - 1);
      if (answer === 'hang') return;
      setTimeout(() => {
        call.endMs = Date.now();
        res.writeHead(answer.status ?? 200, { 'Content-Type': 'application/json', ...answer.headers });
        res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
      }, answer.delayMs ?? 0);
    });
  });
}

const listen = (server: http.Server, port = 0) =>
  new Promise<number>((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const close = (server: http.Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

let tables = 0;
async function createTable(name = `stream-test-${++tables}`): Promise<string> {
  await client.send(
    new CreateTableCommand({
      TableName: name,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  return name;
}

const put = (table: string, pk: string, extra: Record<string, string> = {}) =>
  client.send(
    new PutItemCommand({
      TableName: table,
      Item: { pk: { S: pk }, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, { S: v }])) },
    }),
  );

function mapping(overrides: Partial<StreamMapping> = {}): StreamMapping {
  return {
    functionName: FUNCTION,
    batchSize: 25,
    maximumRetryAttempts: 2,
    bisectBatchOnFunctionError: false,
    reportBatchItemFailures: false,
    startingPosition: 'TRIM_HORIZON',
    ...overrides,
  };
}

async function poll(tableName: string, m: StreamMapping, endpoint = lambdaEndpoint) {
  const failures: StreamFailure[] = [];
  const logs: string[] = [];
  const poller = await startStreamPoller({
    dynamodbEndpoint: dynamodb.endpoint,
    tableName,
    lambdaEndpoint: endpoint,
    mappings: [m],
    pollIntervalMs: 50,
    onFailure: (failure) => failures.push(failure),
    log: (line) => logs.push(line),
  });
  pollers.push(poller);
  return { poller, failures, logs };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

const delivered = () => calls.flatMap((call) => call.keys);

beforeAll(async () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  lambda = fakeLambda();
  lambdaEndpoint = `http://127.0.0.1:${await listen(lambda)}`;
  dynamodb = await startDynamoDbLocal(DYNAMODB_PORT);
  client = localDynamoClient(dynamodb.endpoint);
});

afterAll(async () => {
  client?.destroy();
  await dynamodb?.stop();
  if (lambda) await close(lambda);
});

beforeEach(() => {
  calls = [];
  reply = () => ({ body: null });
});

afterEach(async () => {
  await Promise.all(pollers.splice(0).map((poller) => poller.stop()));
});

test('delivers records in order, in the shape Lambda receives them', async () => {
  const table = await createTable();
  const { poller } = await poll(table, mapping({ startingPosition: 'LATEST', batchSize: 2 }));
  await put(table, 'a', { kind: 'x' });
  await put(table, 'b');
  await client.send(
    new UpdateItemCommand({
      TableName: table,
      Key: { pk: { S: 'a' } },
      UpdateExpression: 'SET kind = :k',
      ExpressionAttributeValues: { ':k': { S: 'y' } },
    }),
  );
  await client.send(new DeleteItemCommand({ TableName: table, Key: { pk: { S: 'b' } } }));
  await poller.drain();

  expect(new Set(calls.map((call) => call.functionName))).toEqual(new Set([FUNCTION]));
  expect(Math.max(...calls.map((call) => call.keys.length))).toBeLessThanOrEqual(2);
  expect(delivered()).toEqual(['a', 'b', 'a', 'b']);
  const records = calls.flatMap((call) => call.records);
  expect(records.map((r) => r.eventName)).toEqual(['INSERT', 'INSERT', 'MODIFY', 'REMOVE']);
  const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
  expect(records[2]).toEqual({
    eventID: expect.any(String),
    eventName: 'MODIFY',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'cn-north-1',
    dynamodb: {
      ApproximateCreationDateTime: expect.any(Number),
      Keys: { pk: { S: 'a' } },
      NewImage: { pk: { S: 'a' }, kind: { S: 'y' } },
      OldImage: { pk: { S: 'a' }, kind: { S: 'x' } },
      SequenceNumber: expect.any(String),
      SizeBytes: expect.any(Number),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: Table!.LatestStreamArn,
  });
  expect(Math.abs(records[2].dynamodb.ApproximateCreationDateTime - Date.now() / 1000)).toBeLessThan(120);
  expect(Object.keys(records[3].dynamodb)).not.toContain('NewImage');
  const sequence = records.map((r) => BigInt(r.dynamodb.SequenceNumber));
  expect([...sequence].sort((x, y) => (x < y ? -1 : 1))).toEqual(sequence);
});

test('TRIM_HORIZON reads what was written before the poller started', async () => {
  const table = await createTable();
  await put(table, 'early');
  const { poller } = await poll(table, mapping());
  await put(table, 'late');
  await poller.drain();
  expect(delivered()).toEqual(['early', 'late']);
});

test('filter patterns skip non-matching records but move past them', async () => {
  const table = await createTable();
  const { poller } = await poll(
    table,
    mapping({
      filterPatterns: [
        { eventName: ['INSERT'], dynamodb: { NewImage: { kind: { S: ['outbox'] } } } },
        { dynamodb: { NewImage: { urgent: [{ exists: true }] } } },
      ],
    }),
  );
  await put(table, 'o1', { kind: 'outbox' });
  await put(table, 'n1', { kind: 'note' });
  await put(table, 'o1', { kind: 'outbox', note: 'modified' });
  await put(table, 'u1', { kind: 'note', urgent: 'yes' });
  await put(table, 'o2', { kind: 'outbox' });
  await poller.drain();
  expect(delivered()).toEqual(['o1', 'u1', 'o2']);
  await expect(poll(table, mapping({ filterPatterns: [{ eventName: [{ prefix: 'IN' }] }] }))).rejects.toThrow(/unsupported filter/);
});

test('a failing function gets the same batch again until it succeeds', async () => {
  const table = await createTable();
  await put(table, 'a');
  await put(table, 'b');
  await put(table, 'c');
  reply = (_call, index) => (index < 2 ? thrown() : { body: null });
  const { poller, failures, logs } = await poll(table, mapping({ maximumRetryAttempts: 3 }));
  await poller.drain();
  expect(calls.map((call) => call.keys)).toEqual([['a', 'b', 'c'], ['a', 'b', 'c'], ['a', 'b', 'c']]);
  expect(failures).toEqual([]);
  expect(logs.filter((line) => /Error: boom/.test(line))).toHaveLength(2);
});

test('after maximumRetryAttempts the batch goes to onFailure and the stream moves on', async () => {
  const table = await createTable();
  await put(table, 'a');
  await put(table, 'b');
  reply = (call) => (call.keys.includes('c') ? { body: null } : thrown('always'));
  const { poller, failures } = await poll(table, mapping({ maximumRetryAttempts: 2 }));
  await until(() => failures.length === 1);
  await put(table, 'c');
  await poller.drain();
  expect(calls.map((call) => call.keys)).toEqual([['a', 'b'], ['a', 'b'], ['a', 'b'], ['c']]);
  expect(failures).toHaveLength(1);
  expect(failures[0]).toMatchObject({ functionName: FUNCTION, attempts: 3, reason: expect.stringMatching(/always/) });
  expect(failures[0]!.records.map((r: any) => r.dynamodb.Keys.pk.S)).toEqual(['a', 'b']);
});

test('a batch given up on goes to its on-failure queue, whose consumer gets the documented record as an SQS message until it finishes it', async () => {
  const table = await createTable();
  await put(table, 'a');
  await put(table, 'b');
  const CONSUMER = 'svc-local-finishFailedBatches';
  reply = (call) => {
    if (call.functionName !== CONSUMER) return thrown('always');
    // Not finished on the first two receives.
    const receive = Number(call.records[0].attributes.ApproximateReceiveCount);
    return { body: { batchItemFailures: receive < 3 ? [{ itemIdentifier: call.records[0].messageId }] : [] } };
  };
  const poller = await startStreamPoller({
    dynamodbEndpoint: dynamodb.endpoint,
    tableName: table,
    lambdaEndpoint,
    mappings: [mapping({ maximumRetryAttempts: 1, onFailureQueue: 'Dlq' })],
    queues: [{ queue: 'Dlq', queueName: 'svc-local-dlq', functionName: CONSUMER, reportBatchItemFailures: true, maxReceiveCount: 5, deadLetterQueue: 'Unfinished' }],
    redeliveryDelayMs: 20,
    pollIntervalMs: 50,
  });
  pollers.push(poller);
  await poller.drain();

  const given = calls.filter((call) => call.functionName === FUNCTION);
  expect(given.map((call) => call.keys)).toEqual([['a', 'b'], ['a', 'b']]);
  const received = calls.filter((call) => call.functionName === CONSUMER).map((call) => call.records[0]);
  expect(received.map((message) => message.attributes.ApproximateReceiveCount)).toEqual(['1', '2', '3']);
  expect(new Set(received.map((message) => message.messageId)).size).toBe(1);
  expect(received[0]).toMatchObject({ eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:cn-north-1:000000000000:svc-local-dlq', awsRegion: 'cn-north-1' });

  const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
  const streams = new DynamoDBStreamsClient({ endpoint: dynamodb.endpoint, region: LOCAL_AWS_ENV.AWS_REGION, credentials: { accessKeyId: LOCAL_AWS_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_AWS_ENV.AWS_SECRET_ACCESS_KEY } });
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: Table!.LatestStreamArn! }));
  streams.destroy();
  const [first, last] = given[0]!.records;
  const body = JSON.parse(received[0].body);
  expect(body).toEqual({
    requestContext: { requestId: expect.any(String), functionArn: `arn:aws:lambda:cn-north-1:000000000000:function:${FUNCTION}`, condition: 'RetryAttemptsExhausted', approximateInvokeCount: 2 },
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
    version: '1.0',
    timestamp: expect.any(String),
    DDBStreamBatchInfo: {
      shardId: StreamDescription!.Shards![0]!.ShardId,
      startSequenceNumber: first.dynamodb.SequenceNumber,
      endSequenceNumber: last.dynamodb.SequenceNumber,
      approximateArrivalOfFirstRecord: new Date(Math.floor(first.dynamodb.ApproximateCreationDateTime) * 1000).toISOString().replace('.000Z', 'Z'),
      approximateArrivalOfLastRecord: new Date(Math.floor(last.dynamodb.ApproximateCreationDateTime) * 1000).toISOString().replace('.000Z', 'Z'),
      batchSize: 2,
      streamArn: Table!.LatestStreamArn,
    },
  });
  // What the function reads from it.
  expect(parseStreamBatchFailure(received[0].body).batch).toEqual(body.DDBStreamBatchInfo);
  expect(poller.failureMessages).toEqual([{ queue: 'Dlq', messageId: received[0].messageId, body, consumer: CONSUMER, receives: 3, state: 'finished' }]);
});

test('bisectBatchOnFunctionError splits a failing batch to isolate the bad record', async () => {
  const table = await createTable();
  for (const pk of ['a', 'poison', 'c', 'd']) await put(table, pk);
  reply = (call) => (call.keys.includes('poison') ? thrown() : { body: null });
  const { poller, failures } = await poll(table, mapping({ bisectBatchOnFunctionError: true, maximumRetryAttempts: 2 }));
  await poller.drain();
  expect(calls.map((call) => call.keys)).toEqual([['a', 'poison', 'c', 'd'], ['a', 'poison'], ['a'], ['poison'], ['c', 'd']]);
  expect(failures.map((f) => [f.records.map((r: any) => r.dynamodb.Keys.pk.S), f.attempts])).toEqual([[['poison'], 3]]);
});

test('reportBatchItemFailures retries from the lowest reported record only', async () => {
  const table = await createTable();
  for (const pk of ['a', 'b', 'c', 'd']) await put(table, pk);
  const seq = (call: Call, pk: string) => call.records.find((r) => r.dynamodb.Keys.pk.S === pk).dynamodb.SequenceNumber;
  reply = (call, index) => {
    if (index === 0) return { body: { batchItemFailures: [{ itemIdentifier: seq(call, 'd') }, { itemIdentifier: seq(call, 'c') }] } };
    if (index === 1) return { body: { batchItemFailures: [{ itemIdentifier: 'not-in-batch' }] } };
    return { body: { batchItemFailures: [] } };
  };
  const { poller, failures } = await poll(table, mapping({ reportBatchItemFailures: true, maximumRetryAttempts: 5 }));
  await poller.drain();
  // An identifier that is not in the batch fails the whole (remaining) batch.
  expect(calls.map((call) => call.keys)).toEqual([['a', 'b', 'c', 'd'], ['c', 'd'], ['c', 'd']]);
  expect(failures).toEqual([]);
});

test('waits for a Lambda endpoint that is not up yet without dropping records', async () => {
  const table = await createTable();
  const late = fakeLambda();
  const port = await listen(late);
  await close(late);
  const { poller, logs, failures } = await poll(table, mapping({ maximumRetryAttempts: 0 }), `http://127.0.0.1:${port}`);
  await put(table, 'a');
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(calls).toEqual([]);
  await listen(late, port);
  try {
    await poller.drain();
  } finally {
    await close(late);
  }
  expect(delivered()).toEqual(['a']);
  expect(failures).toEqual([]);
  expect(logs.filter((line) => /unreachable/.test(line))).toHaveLength(1);
});

test('follows the table to a new stream when it is recreated', async () => {
  const table = await createTable();
  const { poller, logs } = await poll(table, mapping());
  await put(table, 'before');
  await poller.drain();
  await client.send(new DeleteTableCommand({ TableName: table }));
  await createTable(table);
  await poller.drain();
  await put(table, 'after');
  await poller.drain();
  expect(delivered()).toEqual(['before', 'after']);
  expect(logs.some((line) => /new stream/.test(line))).toBe(true);
});

test('survives a DynamoDB Local restart', async () => {
  const table = await createTable();
  const { poller, logs } = await poll(table, mapping());
  await put(table, 'before');
  await poller.drain();
  await dynamodb.stop();
  dynamodb = await startDynamoDbLocal(DYNAMODB_PORT);
  await createTable(table);
  await poller.drain();
  await put(table, 'after');
  await poller.drain();
  expect(delivered()).toEqual(['before', 'after']);
  expect(logs.some((line) => /stream polling failed/.test(line))).toBe(true);
  expect(logs.some((line) => /new stream/.test(line))).toBe(true);
});

test('routes the records to each function mapped in serverless.yml by its own filter, each with its own retries', async () => {
  const config = parse(readFileSync(path.resolve(__dirname, '..', '..', 'serverless.yml'), 'utf8'));
  const mappings = streamMappingsFromServerless(config, 'local');
  const dispatcher = 'ah-tourism-local-dispatchNotifications';
  const anchoring = 'ah-tourism-local-anchorAudit';
  const aggregating = 'ah-tourism-local-aggregateAssessment';
  expect(mappings.map((m) => m.functionName).sort()).toEqual([aggregating, anchoring, dispatcher]);
  const table = await createTable();
  let anchoringCalls = 0;
  reply = (call) => (call.functionName === anchoring && anchoringCalls++ === 0 ? thrown('S3 unavailable') : { body: { batchItemFailures: [] } });
  const poller = await startStreamPoller({ dynamodbEndpoint: dynamodb.endpoint, tableName: table, lambdaEndpoint, mappings, pollIntervalMs: 50 });
  pollers.push(poller);
  await put(table, 'CASE#1#OUTBOX', { kind: 'outbox' });
  await put(table, 'CASE#1#FORM', { entity: 'CaseForm' });
  await put(table, 'CASE#1#AUDIT', { entity: 'CaseStep' });
  await put(table, 'CASE#1#META', { entity: 'Case' });
  await put(table, 'CASE#1#AUDIT', { entity: 'CaseStep', note: 'replaced' });
  await put(table, 'ITEM#1#GUIDE', { entity: 'Guide' });
  await put(table, 'ITEM#1#SUMMARY', { entity: 'ItemSummary' });
  await client.send(
    new PutItemCommand({ TableName: table, Item: { pk: { S: 'CASE#1#OVERDUE' }, kind: { S: 'outbox' }, event: { M: { type: { S: 'case_overdue' } } } } }),
  );
  await poller.drain();
  const to = (name: string) => calls.filter((call) => call.functionName === name);
  // New application and step rows only (not the replaced one), the failed batch again until it went through.
  expect(new Set(to(anchoring).flatMap((call) => call.keys))).toEqual(new Set(['CASE#1#FORM', 'CASE#1#AUDIT']));
  expect(to(anchoring).flatMap((call) => call.records.map((r: any) => r.eventName))).not.toContain('MODIFY');
  expect(anchoringCalls).toBeGreaterThan(1);
  // The assessment follows case, step and summary rows, new or changed, and the overdue events (which also go to the dispatcher).
  expect(new Set(to(aggregating).flatMap((call) => call.keys))).toEqual(new Set(['CASE#1#AUDIT', 'CASE#1#META', 'ITEM#1#SUMMARY', 'CASE#1#OVERDUE']));
  expect(to(aggregating).flatMap((call) => call.records.map((r: any) => r.eventName))).toContain('MODIFY');
  expect(to(dispatcher).map((call) => call.keys).flat()).toEqual(['CASE#1#OUTBOX', 'CASE#1#OVERDUE']);
});

test('stop() is prompt even with an invocation in flight', async () => {
  const table = await createTable();
  reply = () => 'hang';
  const { poller } = await poll(table, mapping());
  await put(table, 'a');
  await until(() => calls.length === 1);
  const started = Date.now();
  await poller.stop();
  expect(Date.now() - started).toBeLessThan(300);
  await expect(poller.drain(100)).rejects.toThrow(/stopped/);
});

describe('parallelization factor', () => {
  const key = (pk: string) => ({ dynamodb: { Keys: { pk: { S: pk } } } }) as any;
  /** Keys that fall in lane `lane` of `lanes` (or, with `not`, in any other lane). */
  const keysIn = (lane: number, lanes: number, count: number, prefix: string, not = false) => {
    const found: string[] = [];
    for (let i = 0; found.length < count; i += 1) if ((laneFor(key(`${prefix}${i}`), 'pk', lanes) === lane) !== not) found.push(`${prefix}${i}`);
    return found;
  };
  /** Largest number of invocations in flight at one moment. */
  const maxInFlight = (recorded: Call[]) => {
    const edges = recorded.flatMap((c) => [[c.startMs!, 1], [c.endMs ?? Infinity, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let now = 0;
    let max = 0;
    for (const [, step] of edges) max = Math.max(max, (now += step));
    return max;
  };

  test('up to N batches at once, records of one partition key in order and never in two batches at once', async () => {
    const table = await createTable();
    const lanes = 5;
    const keys = Array.from({ length: 12 }, (_, i) => `k${i}`);
    const { poller } = await poll(table, mapping({ startingPosition: 'LATEST', batchSize: 3, parallelizationFactor: lanes }));
    reply = () => ({ body: null, delayMs: 60 });
    for (let version = 1; version <= 4; version += 1) for (const pk of keys) await put(table, pk, { version: String(version) });
    await poller.drain(20_000);

    const records = calls.flatMap((call) => call.records);
    expect(records).toHaveLength(keys.length * 4);
    expect(new Set(records.map((r) => r.eventID)).size).toBe(records.length);
    for (const pk of keys) {
      expect(records.filter((r) => r.dynamodb.Keys.pk.S === pk).map((r) => r.dynamodb.NewImage.version.S)).toEqual(['1', '2', '3', '4']);
      // One key's invocations never overlap in time.
      const own = calls.filter((c) => c.keys.includes(pk)).sort((a, b) => a.startMs! - b.startMs!);
      for (let i = 1; i < own.length; i += 1) expect(own[i]!.startMs!).toBeGreaterThanOrEqual(own[i - 1]!.endMs!);
    }
    // A batch holds the records of one lane only, and at most batchSize of them.
    for (const call of calls) {
      expect(call.records.length).toBeLessThanOrEqual(3);
      expect(new Set(call.records.map((r) => laneFor(r, 'pk', lanes))).size).toBe(1);
    }
    const concurrency = maxInFlight(calls);
    expect(concurrency).toBeGreaterThan(1);
    expect(concurrency).toBeLessThanOrEqual(lanes);
  });

  test('without it, one batch at a time', async () => {
    const table = await createTable();
    const { poller } = await poll(table, mapping({ startingPosition: 'LATEST', batchSize: 2 }));
    reply = () => ({ body: null, delayMs: 30 });
    for (let i = 0; i < 10; i += 1) await put(table, `k${i}`);
    await poller.drain(20_000);
    expect(delivered()).toEqual(Array.from({ length: 10 }, (_, i) => `k${i}`));
    expect(maxInFlight(calls)).toBe(1);
  });

  test('a failing lane retries and gives up on its own while the other lanes go on; later records of its lane wait their turn', async () => {
    const table = await createTable();
    const lanes = 5;
    const poisonLane = laneFor(key('poison'), 'pk', lanes);
    const [sameLane] = keysIn(poisonLane, lanes, 1, 'same');
    const others = keysIn(poisonLane, lanes, 8, 'other', true);
    reply = (call) => (call.keys.includes('poison') ? thrown('poisoned') : { body: null, delayMs: 20 });
    const { poller, failures } = await poll(table, mapping({ startingPosition: 'LATEST', batchSize: 25, maximumRetryAttempts: 2, parallelizationFactor: lanes }));
    await put(table, 'poison');
    await until(() => calls.length > 0);
    await put(table, sameLane!);
    for (const pk of others) await put(table, pk);
    await poller.drain(20_000);

    expect(failures).toHaveLength(1);
    expect(failures[0]!.records.map((r: any) => r.dynamodb.Keys.pk.S)).toEqual(['poison']);
    const poisonCalls = calls.filter((c) => c.keys.includes('poison'));
    expect(poisonCalls).toHaveLength(3);
    const gaveUpAt = poisonCalls.at(-1)!.endMs!;
    // The other lanes did not wait for the retries …
    const otherCalls = calls.filter((c) => c.keys.some((k) => others.includes(k)));
    expect(otherCalls.flatMap((c) => c.keys).sort()).toEqual([...others].sort());
    expect(Math.min(...otherCalls.map((c) => c.endMs!))).toBeLessThan(gaveUpAt);
    // … but the poison's own lane did.
    const sameLaneCall = calls.find((c) => c.keys.includes(sameLane!))!;
    expect(sameLaneCall.startMs!).toBeGreaterThanOrEqual(gaveUpAt);
  });

  test('records of a key always go to the same lane, and keys spread over all lanes', () => {
    const counts = new Array(5).fill(0);
    for (let i = 0; i < 1000; i += 1) {
      const lane = laneFor(key(`CASE#${i}`), 'pk', 5);
      expect(laneFor(key(`CASE#${i}`), 'pk', 5)).toBe(lane);
      counts[lane] += 1;
    }
    for (const count of counts) expect(count).toBeGreaterThan(150);
    expect(laneFor(key('CASE#1'), 'pk', 1)).toBe(0);
    expect(laneFor({ dynamodb: { Keys: {} } } as any, 'pk', 5)).toBe(0);
  });

  test('is read from serverless print output, and must be 1 to 10', async () => {
    const config = {
      service: 'svc',
      functions: { dispatch: { events: [{ stream: { type: 'dynamodb', arn: 'a', batchSize: 25, parallelizationFactor: 5 } }] } },
    };
    expect(streamMappingsFromServerless(config, 'local')).toEqual([expect.objectContaining({ functionName: 'svc-local-dispatch', batchSize: 25, parallelizationFactor: 5 })]);
    const table = await createTable();
    await expect(poll(table, mapping({ parallelizationFactor: 11 }))).rejects.toThrow(/parallelizationFactor must be 1 to 10/);
  });
});

describe('pure parts', () => {
  test('TTL deletions become REMOVE by the DynamoDB service', () => {
    const raw = {
      eventID: 'e1',
      eventName: 'UNKNOWN_TO_SDK_VERSION',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'ddblocal',
      dynamodb: { ApproximateCreationDateTime: '2026-01-01T00:00:00Z', Keys: { pk: { S: 'a' } }, SequenceNumber: '1' },
    };
    expect(toLambdaRecord(raw, 'arn:stream', 'cn-north-1')).toEqual({
      eventID: 'e1',
      eventName: 'REMOVE',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'cn-north-1',
      dynamodb: { ApproximateCreationDateTime: 1767225600, Keys: { pk: { S: 'a' } }, SequenceNumber: '1' },
      userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' },
      eventSourceARN: 'arn:stream',
    });
  });

  test('filter patterns: exact values, nesting, exists', () => {
    const matches = compileFilterPattern({ eventName: ['INSERT', 'MODIFY'], dynamodb: { OldImage: [{ exists: false }] } });
    expect(matches({ eventName: 'INSERT', dynamodb: {} })).toBe(true);
    expect(matches({ eventName: 'MODIFY', dynamodb: { OldImage: {} } })).toBe(false);
    expect(matches({ eventName: 'REMOVE', dynamodb: {} })).toBe(false);
    expect(() => compileFilterPattern({ dynamodb: { NewImage: { n: { N: [{ numeric: ['>', 1] }] } } } })).toThrow(/unsupported filter/);
    expect(() => compileFilterPattern({ eventName: 'INSERT' })).toThrow(/unsupported filter/);
  });

  test('mappings from serverless print output', () => {
    const config = {
      service: 'ah-tourism',
      functions: {
        dispatchNotifications: {
          handler: 'x.handler',
          events: [
            {
              stream: {
                type: 'dynamodb',
                arn: { 'Fn::GetAtt': ['MainTable', 'StreamArn'] },
                batchSize: 25,
                startingPosition: 'LATEST',
                maximumRetryAttempts: 3,
                bisectBatchOnFunctionError: true,
                functionResponseType: 'ReportBatchItemFailures',
                filterPatterns: [{ eventName: ['INSERT'] }],
                destinations: { onFailure: { arn: { 'Fn::GetAtt': ['NotificationDlq', 'Arn'] }, type: 'sqs' } },
              },
            },
            { stream: { type: 'kinesis', arn: 'arn:aws:kinesis:cn-north-1:1:stream/x' } },
          ],
        },
        named: { name: 'custom-name', events: [{ stream: 'arn:aws:dynamodb:cn-north-1:1:table/t/stream/2020' }, { httpApi: {} }] },
        disabled: { events: [{ stream: { type: 'dynamodb', arn: 'a', enabled: false } }] },
      },
    };
    expect(streamMappingsFromServerless(config, 'local')).toEqual([
      {
        functionName: 'ah-tourism-local-dispatchNotifications',
        batchSize: 25,
        maximumRetryAttempts: 3,
        bisectBatchOnFunctionError: true,
        reportBatchItemFailures: true,
        filterPatterns: [{ eventName: ['INSERT'] }],
        startingPosition: 'LATEST',
        onFailureQueue: 'NotificationDlq',
      },
      {
        functionName: 'custom-name',
        batchSize: 10,
        maximumRetryAttempts: -1,
        bisectBatchOnFunctionError: false,
        reportBatchItemFailures: false,
        startingPosition: 'TRIM_HORIZON',
      },
    ]);
  });
});
