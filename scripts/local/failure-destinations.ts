import { randomUUID } from 'node:crypto';
import { abortableSleep, requestSignal } from './abort';

/**
 * A local stand-in for what AWS does with a stream batch that an event source mapping gives up on: the
 * mapping sends its on-failure record to the SQS queue of `destinations.onFailure`, and the function
 * with an `sqs` event on that queue receives it as an SQS event. While the function reports the message
 * unfinished (a function error, or its id in `batchItemFailures`) the queue hands it over again after
 * the visibility timeout (shortened here), and after the queue's `RedrivePolicy.maxReceiveCount`
 * receives moves it on to that policy's dead-letter queue. The stream poller (stream-poller.ts) uses
 * this; every message it sent, and what became of it, stays listed for tests.
 */

/** Where a mapping's failed batch lies, as AWS writes it in the on-failure record. */
export interface StreamBatchInfo {
  shardId: string;
  startSequenceNumber: string;
  endSequenceNumber: string;
  approximateArrivalOfFirstRecord: string;
  approximateArrivalOfLastRecord: string;
  batchSize: number;
  streamArn: string;
}

/** The on-failure record of a DynamoDB stream mapping (AWS Lambda developer guide, "services-dynamodb-errors"). */
export interface OnFailureRecord {
  requestContext: { requestId: string; functionArn: string; condition: 'RetryAttemptsExhausted'; approximateInvokeCount: number };
  responseContext: { statusCode: number; executedVersion: string; functionError?: string };
  version: '1.0';
  timestamp: string;
  DDBStreamBatchInfo: StreamBatchInfo;
}

/** An SQS queue of serverless.yml's resources, and the function that consumes it (if any). */
export interface QueueConsumer {
  /** The queue's logical id, e.g. NotificationDlq. */
  queue: string;
  queueName: string;
  functionName?: string;
  reportBatchItemFailures: boolean;
  /** From the queue's RedrivePolicy: receives before a message moves on; none, it stays. */
  maxReceiveCount?: number;
  /** The logical id of the queue messages move on to. */
  deadLetterQueue?: string;
}

/** One message sent to a queue, and what became of it. */
export interface QueuedFailure {
  queue: string;
  messageId: string;
  body: OnFailureRecord;
  /** The function that received it, when the queue has a consumer. */
  consumer?: string;
  receives: number;
  /** queued: no consumer, or between receives; finished: the consumer finished it; moved: to `movedTo`. */
  state: 'queued' | 'finished' | 'moved';
  movedTo?: string;
}

const fullName = (serviceName: string | undefined, stage: string, key: string, fn: any) => fn?.name ?? `${serviceName}-${stage}-${key}`;
/** A queue named by `{ 'Fn::GetAtt': [<logical id>, 'Arn'] }`, the only form the repository uses. */
export const queueOf = (arn: unknown): string | undefined => {
  const getAtt = (arn as { 'Fn::GetAtt'?: unknown[] } | undefined)?.['Fn::GetAtt'];
  return Array.isArray(getAtt) && getAtt[1] === 'Arn' && typeof getAtt[0] === 'string' ? getAtt[0] : undefined;
};

/** The SQS queues of serverless.yml (as `serverless print` resolves it) with their consumers and redrive. */
export function queuesFromServerless(config: object, stage: string): QueueConsumer[] {
  const { service, functions, resources } = config as { service?: string | { name: string }; functions?: Record<string, any>; resources?: { Resources?: Record<string, any> } };
  const serviceName = typeof service === 'string' ? service : service?.name;
  const consumers = new Map<string, { functionName: string; reportBatchItemFailures: boolean }>();
  for (const [key, fn] of Object.entries(functions ?? {})) {
    for (const event of fn?.events ?? []) {
      const queue = event?.sqs?.enabled === false ? undefined : queueOf(event?.sqs?.arn);
      if (queue) consumers.set(queue, { functionName: fullName(serviceName, stage, key, fn), reportBatchItemFailures: event.sqs.functionResponseType === 'ReportBatchItemFailures' });
    }
  }
  return Object.entries(resources?.Resources ?? {})
    .filter(([, resource]) => resource?.Type === 'AWS::SQS::Queue')
    .map(([queue, resource]): QueueConsumer => {
      const redrive = resource.Properties?.RedrivePolicy;
      const consumer = consumers.get(queue);
      return {
        queue,
        queueName: resource.Properties?.QueueName ?? queue,
        ...(consumer ?? { reportBatchItemFailures: false }),
        ...(redrive?.maxReceiveCount ? { maxReceiveCount: Number(redrive.maxReceiveCount) } : {}),
        ...(queueOf(redrive?.deadLetterTargetArn) ? { deadLetterQueue: queueOf(redrive.deadLetterTargetArn) } : {}),
      };
    });
}

/** A time as the on-failure record writes it: seconds, no fraction. */
const arrival = (epochSeconds: number) => new Date(Math.floor(epochSeconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The on-failure record of the records a mapping gave up on, all of one shard, in stream order. */
export function onFailureRecord(input: {
  functionName: string;
  region: string;
  attempts: number;
  /** 'Unhandled' when the function threw; none when it returned the records as batch item failures. */
  functionError?: string;
  shardId: string;
  streamArn: string;
  records: { dynamodb: { SequenceNumber: string; ApproximateCreationDateTime: number } }[];
}): OnFailureRecord {
  const first = input.records[0]!.dynamodb;
  const last = input.records[input.records.length - 1]!.dynamodb;
  return {
    requestContext: {
      requestId: randomUUID(),
      functionArn: `arn:aws:lambda:${input.region}:000000000000:function:${input.functionName}`,
      condition: 'RetryAttemptsExhausted',
      approximateInvokeCount: input.attempts,
    },
    responseContext: { statusCode: 200, executedVersion: '$LATEST', ...(input.functionError ? { functionError: input.functionError } : {}) },
    version: '1.0',
    timestamp: new Date().toISOString(),
    DDBStreamBatchInfo: {
      shardId: input.shardId,
      startSequenceNumber: first.SequenceNumber,
      endSequenceNumber: last.SequenceNumber,
      approximateArrivalOfFirstRecord: arrival(first.ApproximateCreationDateTime),
      approximateArrivalOfLastRecord: arrival(last.ApproximateCreationDateTime),
      batchSize: input.records.length,
      streamArn: input.streamArn,
    },
  };
}

/** The event Lambda's SQS event source mapping hands a function: here one message per invocation. */
export function sqsEvent(message: QueuedFailure, queueName: string, region: string, sentAt: number) {
  const body = JSON.stringify(message.body);
  return {
    Records: [
      {
        messageId: message.messageId,
        receiptHandle: `${message.messageId}#${message.receives}`,
        body,
        attributes: {
          ApproximateReceiveCount: String(message.receives),
          SentTimestamp: String(sentAt),
          SenderId: 'AROA000000000000LOCAL:lambda',
          ApproximateFirstReceiveTimestamp: String(sentAt),
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: `arn:aws:sqs:${region}:000000000000:${queueName}`,
        awsRegion: region,
      },
    ],
  };
}

export interface FailureDestinationsOptions {
  /** http://127.0.0.1:<lambdaPort> (serverless offline's Lambda Invoke endpoint). */
  lambdaEndpoint: string;
  region: string;
  queues: QueueConsumer[];
  /** The queue's visibility timeout, shortened: the pause before a message not finished is received again. */
  redeliveryDelayMs?: number;
  signal: AbortSignal;
  log: (line: string) => void;
}

export interface FailureDestinations {
  /** Every message sent so far, in order, with what became of it. */
  readonly sent: readonly QueuedFailure[];
  send(queue: string, body: OnFailureRecord): void;
  /** True when no message is being handed to a consumer or waiting for its next receive. */
  idle(): boolean;
  /** Until every consumer loop has ended (after the signal aborted). */
  settled(): Promise<void>;
}

export function failureDestinations(options: FailureDestinationsOptions): FailureDestinations {
  const { signal, log } = options;
  const delay = options.redeliveryDelayMs ?? 1_000;
  const byId = new Map(options.queues.map((queue) => [queue.queue, queue]));
  const sent: QueuedFailure[] = [];
  const running = new Set<Promise<void>>();

  const pause = (ms: number) => abortableSleep(ms, signal);

  /** One receive: true when the consumer finished the message. */
  async function receive(message: QueuedFailure, queue: QueueConsumer, sentAt: number): Promise<boolean> {
    const event = sqsEvent(message, queue.queueName, options.region, sentAt);
    const request = requestSignal(signal);
    try {
      const response = await fetch(`${options.lambdaEndpoint}/2015-03-31/functions/${encodeURIComponent(queue.functionName!)}/invocations`, {
        method: 'POST',
        signal: request.signal,
        headers: { 'Content-Type': 'application/json', 'X-Amz-Invocation-Type': 'RequestResponse' },
        body: JSON.stringify(event),
      });
      const text = await response.text();
      const body = text ? JSON.parse(text) : undefined;
      if (!response.ok || response.headers.get('x-amz-function-error') || typeof body?.errorMessage === 'string') {
        log(`${queue.functionName}: message ${message.messageId} failed (${body?.errorMessage ?? `HTTP ${response.status}`})`);
        return false;
      }
      const failures: { itemIdentifier?: string }[] = queue.reportBatchItemFailures && Array.isArray(body?.batchItemFailures) ? body.batchItemFailures : [];
      return !failures.some((failure) => failure?.itemIdentifier === message.messageId);
    } catch (error) {
      if (!signal.aborted) log(`${queue.functionName}: message ${message.messageId} not delivered (${(error as Error).cause ?? error})`);
      return false;
    } finally {
      request.done();
    }
  }

  /** Receives until the consumer finishes the message or the queue moves it on. */
  async function consume(message: QueuedFailure, queue: QueueConsumer): Promise<void> {
    const sentAt = Date.now();
    while (!signal.aborted) {
      message.receives += 1;
      if (await receive(message, queue, sentAt)) {
        message.state = 'finished';
        log(`${queue.queue}: message ${message.messageId} finished by ${queue.functionName} on receive ${message.receives}`);
        return;
      }
      if (queue.maxReceiveCount !== undefined && message.receives >= queue.maxReceiveCount) {
        message.state = 'moved';
        if (queue.deadLetterQueue) message.movedTo = queue.deadLetterQueue;
        log(`${queue.queue}: message ${message.messageId} not finished after ${message.receives} receives; moved to ${queue.deadLetterQueue ?? 'nowhere'}`);
        return;
      }
      await pause(delay);
    }
  }

  return {
    sent,
    send(queueId, body) {
      const queue = byId.get(queueId);
      const message: QueuedFailure = { queue: queueId, messageId: randomUUID(), body, receives: 0, state: 'queued', ...(queue?.functionName ? { consumer: queue.functionName } : {}) };
      sent.push(message);
      if (!queue?.functionName) {
        log(`${queueId}: on-failure record for ${body.DDBStreamBatchInfo.batchSize} record(s) queued; nothing consumes ${queue ? 'this queue' : 'an unknown queue'}`);
        return;
      }
      const loop = consume(message, queue).finally(() => running.delete(loop));
      running.add(loop);
    },
    idle: () => running.size === 0,
    async settled() {
      await Promise.allSettled([...running]);
    },
  };
}
