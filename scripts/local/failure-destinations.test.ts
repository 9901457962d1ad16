import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parse } from 'yaml';
import { failureDestinations, onFailureRecord, queuesFromServerless, type FailureDestinations } from './failure-destinations';

// The on-failure queues and their consumers, against a fake of serverless offline's Lambda Invoke endpoint.
const ROOT = path.resolve(__dirname, '..', '..');
const yaml = (file: string) => parse(readFileSync(path.join(ROOT, file), 'utf8'));

let lambda: http.Server;
let endpoint: string;
let invocations: { functionName: string; event: any }[] = [];
let answer: (event: any) => { status?: number; headers?: Record<string, string>; body?: unknown } = () => ({ body: { batchItemFailures: [] } });
const aborts: AbortController[] = [];

beforeAll(async () => {
  lambda = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const functionName = decodeURIComponent(/\/functions\/([^/]+)\/invocations$/.exec(req.url ?? '')?.[1] ?? '');
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      invocations.push({ functionName, event });
      const reply = answer(event);
      res.writeHead(reply.status ?? 200, { 'Content-Type': 'application/json', ...reply.headers });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => lambda.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(lambda.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const abort of aborts) abort.abort();
  lambda.closeAllConnections();
  await new Promise<void>((resolve) => lambda.close(() => resolve()));
});

beforeEach(() => {
  invocations = [];
});

const QUEUES = [
  { queue: 'Dlq', queueName: 'svc-local-dlq', functionName: 'svc-local-finish', reportBatchItemFailures: true, maxReceiveCount: 3, deadLetterQueue: 'Unfinished' },
  { queue: 'Unfinished', queueName: 'svc-local-unfinished', reportBatchItemFailures: false },
];

function destinations(): FailureDestinations {
  const abort = new AbortController();
  aborts.push(abort);
  return failureDestinations({ lambdaEndpoint: endpoint, region: 'cn-north-1', queues: QUEUES, redeliveryDelayMs: 10, signal: abort.signal, log: () => undefined });
}

const record = onFailureRecord({
  functionName: 'svc-local-dispatch',
  region: 'cn-north-1',
  attempts: 6,
  functionError: 'Unhandled',
  shardId: 'shardId-00000001796428327907-00270c56',
  streamArn: 'arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/2026-12-04T23:52:00.000',
  records: [
    { dynamodb: { SequenceNumber: '000000000000000000007', ApproximateCreationDateTime: 1764000000.5 } },
    { dynamodb: { SequenceNumber: '000000000000000000009', ApproximateCreationDateTime: 1764000003 } },
  ],
});

async function settle(sent: FailureDestinations): Promise<void> {
  while (!sent.idle()) await new Promise((resolve) => setTimeout(resolve, 10));
}

test('the on-failure record names the range: first and last sequence number, their arrival to the second, the count', () => {
  expect(record.DDBStreamBatchInfo).toEqual({
    shardId: 'shardId-00000001796428327907-00270c56',
    startSequenceNumber: '000000000000000000007',
    endSequenceNumber: '000000000000000000009',
    approximateArrivalOfFirstRecord: '2025-11-24T16:00:00Z',
    approximateArrivalOfLastRecord: '2025-11-24T16:00:03Z',
    batchSize: 2,
    streamArn: 'arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/2026-12-04T23:52:00.000',
  });
  expect(record.requestContext).toMatchObject({ condition: 'RetryAttemptsExhausted', approximateInvokeCount: 6 });
});

test('a message its consumer never finishes is received maxReceiveCount times, then moved to the dead-letter queue of its queue', async () => {
  answer = () => ({ headers: { 'X-Amz-Function-Error': 'Unhandled' }, body: { errorType: 'Error', errorMessage: 'DynamoDB unavailable' } });
  const sent = destinations();
  sent.send('Dlq', record);
  await settle(sent);
  expect(invocations.map((call) => [call.functionName, call.event.Records[0].attributes.ApproximateReceiveCount])).toEqual([
    ['svc-local-finish', '1'],
    ['svc-local-finish', '2'],
    ['svc-local-finish', '3'],
  ]);
  expect(JSON.parse(invocations[0]!.event.Records[0].body)).toEqual(record);
  expect(sent.sent).toEqual([expect.objectContaining({ queue: 'Dlq', receives: 3, state: 'moved', movedTo: 'Unfinished' })]);
});

test('a message reported as a batch item failure comes back; one finished is gone; a queue nothing consumes keeps its message', async () => {
  answer = (event) => ({ body: { batchItemFailures: event.Records[0].attributes.ApproximateReceiveCount === '1' ? [{ itemIdentifier: event.Records[0].messageId }] : [] } });
  const sent = destinations();
  sent.send('Dlq', record);
  sent.send('Unfinished', record);
  await settle(sent);
  expect(invocations).toHaveLength(2);
  expect(sent.sent.map((message) => [message.queue, message.receives, message.state])).toEqual([
    ['Dlq', 2, 'finished'],
    ['Unfinished', 0, 'queued'],
  ]);
});

test('queues, consumers and redrive as serverless.yml declares them', () => {
  const config = {
    service: 'ah-tourism',
    functions: yaml('serverless.yml').functions,
    resources: { Resources: { ...yaml('resources/notifications.yml').Resources, ...yaml('resources/audit-anchors.yml').Resources } },
  };
  const queues = Object.fromEntries(queuesFromServerless(config, 'local').map(({ queue, queueName: _name, ...rest }) => [queue, rest]));
  expect(queues).toEqual({
    NotificationDlq: { functionName: 'ah-tourism-local-finishFailedBatches', reportBatchItemFailures: true, maxReceiveCount: 5, deadLetterQueue: 'NotificationUnfinishedQueue' },
    NotificationUnfinishedQueue: { reportBatchItemFailures: false },
    AuditAnchorDlq: { reportBatchItemFailures: false },
  });
});
