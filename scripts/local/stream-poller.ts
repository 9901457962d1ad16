import { createHash } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { abortableSleep, requestSignal } from './abort';
import { LOCAL_AWS_ENV } from './dynamodb-local';
import { failureDestinations, onFailureRecord, queueOf, type QueueConsumer, type QueuedFailure } from './failure-destinations';
import type { Managed } from './process';

/**
 * A local stand-in for the Lambda event source mapping of a DynamoDB stream: polls the table's
 * stream in DynamoDB Local and invokes the mapped function through serverless offline's Lambda
 * Invoke endpoint, with AWS's batching, filtering, parallelisation factor, retries, bisection,
 * partial batch responses and on-failure destination: the on-failure record of a batch it gives up on
 * goes to the destination queue's consumer as an SQS message (failure-destinations.ts).
 *
 * Parallelisation factor N (AWS: 1 to 10): the records of the stream are split by the hash of their
 * partition key into N lanes; each lane hands its records to the function in order, one batch at a
 * time, with its own retries, bisection and on-failure handling, and the N lanes run at once. So the
 * records of one partition key stay in order while different keys are delivered concurrently, as
 * the event source mapping does per shard. (DynamoDB Local keeps one shard per stream; the lanes here
 * belong to the mapping, so with several open shards they would be shared by them.)
 */

export interface StreamMapping {
  /** Full function name, e.g. ah-tourism-local-dispatchNotifications. */
  functionName: string;
  batchSize: number;
  /** Batches of a shard delivered at once, 1 to 10; default 1. */
  parallelizationFactor?: number;
  /** Retries of a failing batch before it goes to the on-failure destination; negative or Infinity: no limit. */
  maximumRetryAttempts: number;
  bisectBatchOnFunctionError: boolean;
  /** functionResponseType: ReportBatchItemFailures */
  reportBatchItemFailures: boolean;
  /**
   * Lambda event filter patterns, the subset we use: nested objects whose leaves are arrays of allowed
   * exact values or `{exists: true|false}`. A record passes if any pattern matches.
   */
  filterPatterns?: object[];
  startingPosition: 'LATEST' | 'TRIM_HORIZON';
  /** The logical id of the SQS queue of `destinations.onFailure`, e.g. NotificationDlq. */
  onFailureQueue?: string;
}

export interface StreamFailure {
  functionName: string;
  reason: string;
  records: object[];
  attempts: number;
}

export interface StreamPollerOptions {
  dynamodbEndpoint: string;
  region?: string;
  tableName: string;
  /** http://127.0.0.1:<lambdaPort> */
  lambdaEndpoint: string;
  mappings: StreamMapping[];
  pollIntervalMs?: number;
  /** Called with the records AWS would send to the on-failure destination. */
  onFailure?: (failure: StreamFailure) => void;
  /** The SQS queues of the mappings' on-failure destinations and their consumers (queuesFromServerless). */
  queues?: QueueConsumer[];
  /** Between two receives of an on-failure message its consumer did not finish (the visibility timeout, shortened). */
  redeliveryDelayMs?: number;
  log?: (line: string) => void;
}

export interface StreamPoller extends Managed {
  /**
   * Resolves once every record written before the call has been handed to the functions, and every
   * on-failure message sent meanwhile finished or moved on.
   */
  drain(timeoutMs?: number): Promise<void>;
  /** Every on-failure record sent to a destination queue, in order, with what became of it. */
  readonly failureMessages: readonly QueuedFailure[];
}

/** A stream record as the Lambda function receives it. */
export interface LambdaStreamRecord {
  eventID: string;
  eventName: string;
  eventVersion: string;
  eventSource: 'aws:dynamodb';
  awsRegion: string;
  dynamodb: { SequenceNumber: string; ApproximateCreationDateTime: number; [key: string]: unknown };
  userIdentity?: { type: string; principalId: string };
  eventSourceARN: string;
}

/** The `stream` events (type dynamodb) of serverless.yml's functions, from `serverless print` output. */
export function streamMappingsFromServerless(config: object, stage: string): StreamMapping[] {
  const { service, functions } = config as { service?: string | { name: string }; functions?: Record<string, any> };
  const serviceName = typeof service === 'string' ? service : service?.name;
  const mappings: StreamMapping[] = [];
  for (const [key, fn] of Object.entries(functions ?? {})) {
    for (const event of fn?.events ?? []) {
      if (!event?.stream) continue;
      const stream = typeof event.stream === 'string' ? { arn: event.stream } : event.stream;
      const type = stream.type ?? (typeof stream.arn === 'string' ? stream.arn.split(':')[2] : undefined);
      if (type !== 'dynamodb' || stream.enabled === false) continue;
      // Defaults as the Serverless Framework compiles them (batch size 10, TRIM_HORIZON) and as AWS applies them.
      const onFailure = stream.destinations?.onFailure;
      const onFailureQueue = onFailure?.type === 'sqs' ? queueOf(onFailure.arn) : undefined;
      mappings.push({
        functionName: fn.name ?? `${serviceName}-${stage}-${key}`,
        batchSize: stream.batchSize ?? 10,
        ...(stream.parallelizationFactor !== undefined ? { parallelizationFactor: stream.parallelizationFactor } : {}),
        maximumRetryAttempts: stream.maximumRetryAttempts ?? -1,
        bisectBatchOnFunctionError: stream.bisectBatchOnFunctionError ?? false,
        reportBatchItemFailures: stream.functionResponseType === 'ReportBatchItemFailures',
        ...(stream.filterPatterns ? { filterPatterns: stream.filterPatterns } : {}),
        startingPosition: stream.startingPosition ?? 'TRIM_HORIZON',
        ...(onFailureQueue ? { onFailureQueue } : {}),
      });
    }
  }
  return mappings;
}

/** A DynamoDB Streams GetRecords record → the record of the Lambda event. */
export function toLambdaRecord(raw: any, streamArn: string, region: string): LambdaStreamRecord {
  const { ApproximateCreationDateTime: created, ...dynamodb } = raw.dynamodb;
  // DynamoDB Local reports TTL deletions with an event name its SDK does not know; AWS sends them as
  // REMOVE by the DynamoDB service principal.
  const ttl = raw.eventName === 'UNKNOWN_TO_SDK_VERSION';
  const userIdentity = ttl ? { type: 'Service', principalId: 'dynamodb.amazonaws.com' } : raw.userIdentity;
  return {
    eventID: raw.eventID,
    eventName: ttl ? 'REMOVE' : raw.eventName,
    eventVersion: raw.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    dynamodb: { ApproximateCreationDateTime: typeof created === 'number' ? created : Date.parse(created) / 1000, ...dynamodb },
    ...(userIdentity ? { userIdentity } : {}),
    eventSourceARN: streamArn,
  };
}

type Matcher = (value: unknown) => boolean;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function unsupported(path: string, rule: unknown): Error {
  return new Error(`Stream poller: unsupported filter at ${path}: ${JSON.stringify(rule)} (only exact values and {exists})`);
}

function compileValue(rule: unknown, path: string): Matcher {
  if (rule === null || ['string', 'number', 'boolean'].includes(typeof rule)) {
    return (field) => (Array.isArray(field) ? field.includes(rule) : field === rule);
  }
  if (isObject(rule) && Object.keys(rule).length === 1 && typeof rule.exists === 'boolean') {
    return (field) => (field !== undefined) === rule.exists;
  }
  throw unsupported(path, rule);
}

/** Compiles one Lambda filter pattern; throws on anything outside the supported subset. */
export function compileFilterPattern(pattern: unknown, path = '$'): Matcher {
  if (!isObject(pattern)) throw unsupported(path, pattern);
  const checks = Object.entries(pattern).map(([key, rule]): Matcher => {
    const at = `${path}.${key}`;
    const field = (value: unknown) => (isObject(value) ? value[key] : undefined);
    if (Array.isArray(rule)) {
      if (rule.length === 0) throw unsupported(at, rule);
      const alternatives = rule.map((item) => compileValue(item, at));
      return (value) => alternatives.some((matches) => matches(field(value)));
    }
    const nested = compileFilterPattern(rule, at);
    return (value) => nested(field(value));
  });
  return (value) => checks.every((check) => check(value));
}

interface Shard {
  id: string;
  parentId?: string;
  start: 'LATEST' | 'TRIM_HORIZON';
  iterator?: string;
  /** Sequence number of the last record read (filtered out, or handed to its lane). */
  lastSequence?: string;
  done: boolean;
}

/** One of the mapping's concurrent batch streams: records of the partition keys that hash to it, in order. */
interface Lane {
  queue: LambdaStreamRecord[];
  /** Set while the lane is delivering (its queue may be empty meanwhile). */
  running?: Promise<void>;
}

interface MappingState {
  mapping: StreamMapping;
  matches: Matcher;
  stream?: { arn: string; shards: Map<string, Shard> };
  /** The table's partition key attribute, which decides the lane of a record. */
  hashKey?: string;
  lanes: Lane[];
  /** Resolves the wait of the poll loop when a lane finishes a batch. */
  wake?: () => void;
  /** Number of the poll cycle last started, and of the last one that found every shard caught up. */
  cycle: number;
  idleCycle: number;
  problem?: string;
  waitingForLambda: boolean;
  ready: () => void;
}

/**
 * The lane (0 to lanes − 1) of a record: a hash of its partition key value, so that every record of
 * one key goes to the same lane.
 */
export function laneFor(record: Pick<LambdaStreamRecord, 'dynamodb'>, hashKey: string | undefined, lanes: number): number {
  if (lanes <= 1) return 0;
  const value = hashKey ? (record.dynamodb.Keys as Record<string, unknown> | undefined)?.[hashKey] : undefined;
  if (value === undefined) return 0;
  return createHash('md5').update(JSON.stringify(value)).digest().readUInt32BE(0) % lanes;
}

type Outcome = { kind: 'ok' } | { kind: 'unreachable' | 'error'; error: string } | { kind: 'partial'; from: number; error: string };

class StreamsApiError extends Error {}

/** 100 ms doubling per attempt, capped. */
const backoff = (attempt: number, capMs = 2_000) => Math.min(capMs, 100 * 2 ** Math.min(attempt, 5));

export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const region = options.region ?? LOCAL_AWS_ENV.AWS_REGION;
  const interval = options.pollIntervalMs ?? 250;
  const log = options.log ?? (() => undefined);
  const abort = new AbortController();
  const { signal } = abort;
  // Every lane of every mapping, and each message the failure destinations hold, waits on this one
  // signal at the same time (requests get signals of their own, see abort.ts).
  setMaxListeners(200, signal);
  const destinations = failureDestinations({
    lambdaEndpoint: options.lambdaEndpoint,
    region,
    queues: options.queues ?? [],
    ...(options.redeliveryDelayMs !== undefined ? { redeliveryDelayMs: options.redeliveryDelayMs } : {}),
    signal,
    log,
  });
  /** The shard each record was read from: the on-failure record names it. */
  const shardOf = new WeakMap<LambdaStreamRecord, string>();

  const sleep = (ms: number) => abortableSleep(ms, signal);

  async function api(target: string, body: object): Promise<any> {
    const amzDate = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
    const scope = `${amzDate.slice(0, 8)}/${region}/dynamodb/aws4_request`;
    const request = requestSignal(signal);
    let response: Response;
    let data: any;
    try {
      response = await fetch(options.dynamodbEndpoint, {
        method: 'POST',
        signal: request.signal,
        headers: {
          'Content-Type': 'application/x-amz-json-1.0',
          'X-Amz-Target': target,
          'X-Amz-Date': amzDate,
          // DynamoDB Local wants a well-formed header but does not check the signature.
          Authorization: `AWS4-HMAC-SHA256 Credential=${LOCAL_AWS_ENV.AWS_ACCESS_KEY_ID}/${scope}, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
        },
        body: JSON.stringify(body),
      });
      data = await response.json().catch(() => ({}));
    } finally {
      request.done();
    }
    if (!response.ok) {
      const error = new StreamsApiError(`${target.split('.')[1]}: ${data.Message ?? data.message ?? `HTTP ${response.status}`}`);
      error.name = String(data.__type ?? 'Error').split('#').pop()!;
      throw error;
    }
    return data;
  }
  const streams = (operation: string, body: object) => api(`DynamoDBStreams_20120810.${operation}`, body);

  async function describeShards(arn: string): Promise<any[]> {
    const shards: any[] = [];
    let start: string | undefined;
    do {
      const page = await streams('DescribeStream', { StreamArn: arn, ...(start ? { ExclusiveStartShardId: start } : {}) });
      const d = page.StreamDescription;
      shards.push(...(d.Shards ?? []));
      start = d.LastEvaluatedShardId;
    } while (start);
    return shards;
  }

  async function iteratorFor(arn: string, shard: Shard): Promise<string> {
    const get = async (type: string, extra: object = {}): Promise<string> => {
      const { ShardIterator } = await streams('GetShardIterator', { StreamArn: arn, ShardId: shard.id, ShardIteratorType: type, ...extra });
      return ShardIterator;
    };
    if (!shard.lastSequence) return get(shard.start);
    try {
      return await get('AFTER_SEQUENCE_NUMBER', { SequenceNumber: shard.lastSequence });
    } catch (error) {
      if ((error as Error).name !== 'TrimmedDataAccessException') throw error;
      log(`${shard.id}: records after ${shard.lastSequence} were trimmed (older than 24 h); reading from the oldest`);
      return get('TRIM_HORIZON');
    }
  }

  async function invoke(state: MappingState, records: LambdaStreamRecord[]): Promise<Outcome> {
    const { functionName, reportBatchItemFailures } = state.mapping;
    let response: Response;
    let text: string;
    const request = requestSignal(signal);
    try {
      response = await fetch(`${options.lambdaEndpoint}/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`, {
        method: 'POST',
        signal: request.signal,
        headers: { 'Content-Type': 'application/json', 'X-Amz-Invocation-Type': 'RequestResponse' },
        body: JSON.stringify({ Records: records }),
      });
      text = await response.text();
    } catch (error) {
      if (signal.aborted) throw error;
      const cause = (error as Error).cause ?? error;
      return { kind: 'unreachable', error: `Lambda endpoint ${options.lambdaEndpoint} unreachable (${cause})` };
    } finally {
      request.done();
    }
    let body: any;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    // serverless offline answers 404 for a function it does not know: wait for it rather than drop records.
    if (response.status === 404) return { kind: 'unreachable', error: `${functionName} not found at ${options.lambdaEndpoint}` };
    // A handler error comes back as 200 with X-Amz-Function-Error and {errorType, errorMessage, trace}.
    const functionError = response.headers.get('x-amz-function-error');
    if (functionError || (typeof body?.errorType === 'string' && typeof body?.errorMessage === 'string')) {
      return { kind: 'error', error: `${body?.errorType ?? functionError}: ${body?.errorMessage ?? text}` };
    }
    if (!response.ok) return { kind: 'error', error: `invoke returned HTTP ${response.status}: ${text.slice(0, 200)}` };
    const failures = reportBatchItemFailures && isObject(body) ? body.batchItemFailures : undefined;
    if (failures == null || (Array.isArray(failures) && failures.length === 0)) return { kind: 'ok' };
    const indexes = Array.isArray(failures)
      ? failures.map((item) => records.findIndex((record) => record.dynamodb.SequenceNumber === item?.itemIdentifier))
      : [-1];
    // An identifier that is not in the batch fails the whole batch, as in AWS.
    if (indexes.includes(-1)) return { kind: 'partial', from: 0, error: `invalid batchItemFailures ${JSON.stringify(failures)}` };
    return { kind: 'partial', from: Math.min(...indexes), error: `${indexes.length} record(s) reported in batchItemFailures` };
  }

  /** Hands one batch to the function; returns when all its records are delivered or given up on. */
  async function deliver(state: MappingState, records: LambdaStreamRecord[]): Promise<void> {
    const { functionName, maximumRetryAttempts, bisectBatchOnFunctionError } = state.mapping;
    const maxRetries = maximumRetryAttempts < 0 ? Infinity : maximumRetryAttempts;
    const queue = records.length ? [{ records, failures: 0 }] : [];
    let unreachable = 0;
    while (queue.length && !signal.aborted) {
      const batch = queue[0]!;
      const outcome = await invoke(state, batch.records);
      if (outcome.kind === 'unreachable') {
        if (!state.waitingForLambda) log(`${functionName}: ${outcome.error}; waiting`);
        state.waitingForLambda = true;
        await sleep(backoff(unreachable++));
        continue;
      }
      state.waitingForLambda = false;
      unreachable = 0;
      if (outcome.kind === 'ok') {
        queue.shift();
        continue;
      }
      const failed = outcome.kind === 'partial' ? batch.records.slice(outcome.from) : batch.records;
      batch.failures += 1;
      if (batch.failures > maxRetries) {
        queue.shift();
        log(`${functionName}: ${outcome.error}; giving up on ${failed.length} record(s) after ${batch.failures} attempts`);
        try {
          options.onFailure?.({ functionName, reason: `RetryAttemptsExhausted: ${outcome.error}`, records: failed, attempts: batch.failures });
        } catch (error) {
          log(`${functionName}: onFailure threw ${error}`);
        }
        sendToDestination(state, failed, batch.failures, outcome.kind === 'error' ? 'Unhandled' : undefined);
        continue;
      }
      log(`${functionName}: ${outcome.error} (attempt ${batch.failures}); retrying ${failed.length} record(s)`);
      if (outcome.kind === 'error' && bisectBatchOnFunctionError && failed.length > 1) {
        const half = Math.ceil(failed.length / 2);
        const { failures } = batch;
        queue.splice(0, 1, { records: failed.slice(0, half), failures }, { records: failed.slice(half), failures });
      } else {
        batch.records = failed;
      }
      await sleep(backoff(batch.failures - 1));
    }
  }

  /** As AWS does: one on-failure record per shard of the records given up on, to the mapping's queue. */
  function sendToDestination(state: MappingState, records: LambdaStreamRecord[], attempts: number, functionError: string | undefined): void {
    const queue = state.mapping.onFailureQueue;
    if (!queue || !records.length) return;
    const byShard = new Map<string, LambdaStreamRecord[]>();
    for (const record of records) {
      const shardId = shardOf.get(record) ?? 'unknown';
      byShard.set(shardId, [...(byShard.get(shardId) ?? []), record]);
    }
    for (const [shardId, ofShard] of byShard) {
      const record = onFailureRecord({ functionName: state.mapping.functionName, region, attempts, ...(functionError ? { functionError } : {}), shardId, streamArn: ofShard[0]!.eventSourceARN, records: ofShard });
      log(`${state.mapping.functionName}: on-failure record for ${ofShard.length} record(s) of ${shardId} sent to ${queue}`);
      destinations.send(queue, record);
    }
  }

  const factor = (state: MappingState) => state.mapping.parallelizationFactor ?? 1;
  const queued = (state: MappingState) => state.lanes.reduce((sum, lane) => sum + lane.queue.length, 0);
  const lanesIdle = (state: MappingState) => state.lanes.every((lane) => !lane.running && lane.queue.length === 0);

  /** A lane delivers what it holds, a batch at a time, until it is empty. */
  function runLane(state: MappingState, lane: Lane): void {
    if (lane.running) return;
    lane.running = (async () => {
      try {
        while (lane.queue.length && !signal.aborted) {
          await deliver(state, lane.queue.splice(0, state.mapping.batchSize));
          state.wake?.();
        }
      } catch (error) {
        if (!signal.aborted) log(`${state.mapping.functionName}: delivery stopped (${error})`);
      } finally {
        lane.running = undefined;
        state.wake?.();
      }
    })();
  }

  /** The records that pass the filters go to their lanes, in stream order. */
  function enqueue(state: MappingState, records: LambdaStreamRecord[]): void {
    const lanes = state.lanes.length;
    for (const record of records.filter(state.matches)) state.lanes[laneFor(record, state.hashKey, lanes)]!.queue.push(record);
    for (const lane of state.lanes) if (lane.queue.length) runLane(state, lane);
  }

  /**
   * One pass over the stream. 'more': a shard had more records than one read takes (or ended), look
   * again at once; 'busy': caught up (or the lanes are full) while lanes are still delivering; 'idle':
   * every shard caught up and every record delivered.
   */
  async function cycle(state: MappingState): Promise<'more' | 'busy' | 'idle'> {
    const { Table } = await api('DynamoDB_20120810.DescribeTable', { TableName: options.tableName });
    const arn: string | undefined = Table?.LatestStreamArn;
    if (!arn || Table?.StreamSpecification?.StreamEnabled === false) throw new Error(`table ${options.tableName} has no stream`);
    state.hashKey = (Table.KeySchema ?? []).find((k: any) => k.KeyType === 'HASH')?.AttributeName;
    const described = await describeShards(arn);
    const entry = (s: any, start: Shard['start']): [string, Shard] => {
      // A closed shard holds nothing newer than LATEST.
      const done = start === 'LATEST' && s.SequenceNumberRange?.EndingSequenceNumber !== undefined;
      return [s.ShardId, { id: s.ShardId, parentId: s.ParentShardId, start, done }];
    };
    if (state.stream?.arn !== arn) {
      // The first stream is read from the mapping's starting position; a later one (DynamoDB Local
      // restarted or the table recreated) from its tip, as a newly created mapping would.
      const start = state.stream ? 'LATEST' : state.mapping.startingPosition;
      if (state.stream) log(`${state.mapping.functionName}: new stream ${arn}, reading from LATEST`);
      state.stream = { arn, shards: new Map(described.map((s) => entry(s, start))) };
    }
    const { shards } = state.stream;
    // Shards that appear later are new: read them whole.
    for (const s of described) if (!shards.has(s.ShardId)) shards.set(...entry(s, 'TRIM_HORIZON'));
    // Children wait until their parent shard has been read to its end, so records stay in order.
    const active = [...shards.values()].filter((s) => !s.done && !(s.parentId && shards.get(s.parentId)?.done === false));
    for (const shard of active) shard.iterator ??= await iteratorFor(arn, shard);
    state.ready();
    // Read ahead up to one batch per lane beyond what the lanes are delivering.
    const room = state.mapping.batchSize * factor(state);
    const limit = Math.min(room, 1000);
    let more = false;
    let read = false;
    for (const shard of active) {
      if (queued(state) >= room) break;
      const { Records = [], NextShardIterator } = await streams('GetRecords', { ShardIterator: shard.iterator, Limit: limit });
      if (signal.aborted) return 'busy';
      if (Records.length) {
        read = true;
        if (Records.length >= limit) more = true;
        const records = Records.map((raw: any) => toLambdaRecord(raw, arn, region));
        for (const record of records) shardOf.set(record, shard.id);
        enqueue(state, records);
        shard.lastSequence = Records[Records.length - 1].dynamodb.SequenceNumber;
      }
      shard.iterator = NextShardIterator ?? undefined;
      if (!NextShardIterator) {
        // A shard counts as read to its end once its records are delivered, so its children keep the order.
        if (!lanesIdle(state)) continue;
        shard.done = true;
        more = true;
      }
    }
    if (more && queued(state) < room) return 'more';
    return !read && lanesIdle(state) ? 'idle' : 'busy';
  }

  /** Until a lane has finished a batch, or `ms` at most. */
  function progress(state: MappingState, ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        if (state.wake === done) state.wake = undefined;
        resolve();
      };
      state.wake = done;
      void sleep(ms).then(done);
    });
  }

  async function run(state: MappingState): Promise<void> {
    let errors = 0;
    while (!signal.aborted) {
      const number = ++state.cycle;
      try {
        const outcome = await cycle(state);
        if (signal.aborted) break;
        if (state.problem) log(`${state.mapping.functionName}: stream polling recovered`);
        state.problem = undefined;
        errors = 0;
        if (outcome === 'idle') {
          state.idleCycle = number;
          await sleep(interval);
        } else if (outcome === 'busy') {
          await progress(state, interval);
        }
      } catch (error) {
        state.ready();
        if (signal.aborted) break;
        // Iterators may belong to a stream that is gone: re-acquire them from the last handled record.
        for (const shard of state.stream?.shards.values() ?? []) shard.iterator = undefined;
        const text = error instanceof StreamsApiError ? `${error.name}: ${error.message}` : String((error as Error).cause ?? error);
        if (text !== state.problem) log(`${state.mapping.functionName}: stream polling failed (${text}); retrying`);
        state.problem = text;
        // A shorter cap than for function retries: DynamoDB Local is usually back within a second or two.
        await sleep(backoff(errors++, 1_000));
      }
    }
  }

  const states = options.mappings.map((mapping): MappingState => {
    if (mapping.startingPosition !== 'LATEST' && mapping.startingPosition !== 'TRIM_HORIZON') {
      throw new Error(`Stream poller: unsupported startingPosition ${mapping.startingPosition} for ${mapping.functionName}`);
    }
    const lanes = mapping.parallelizationFactor ?? 1;
    if (!Number.isInteger(lanes) || lanes < 1 || lanes > 10) {
      throw new Error(`Stream poller: parallelizationFactor must be 1 to 10, got ${mapping.parallelizationFactor} for ${mapping.functionName}`);
    }
    const patterns = (mapping.filterPatterns ?? []).map((pattern, i) => compileFilterPattern(pattern, `filterPatterns[${i}]`));
    return {
      mapping,
      matches: (record) => patterns.length === 0 || patterns.some((matches) => matches(record)),
      lanes: Array.from({ length: lanes }, (): Lane => ({ queue: [] })),
      cycle: 0,
      idleCycle: 0,
      waitingForLambda: false,
      ready: () => undefined,
    };
  });
  // Return once the starting positions are fixed (or the first attempt failed), so that with LATEST
  // nothing written after this call is missed.
  const ready = states.map((state) => new Promise<void>((resolve) => (state.ready = resolve)));
  const loops = states.map(run);
  await Promise.all(ready);

  return {
    name: 'DynamoDB stream poller',
    failureMessages: destinations.sent,
    async stop() {
      abort.abort();
      await Promise.allSettled([...loops, ...states.flatMap((state) => state.lanes.map((lane) => lane.running)), destinations.settled()]);
    },
    async drain(timeoutMs = 10_000) {
      const targets = states.map((state) => state.cycle + 1);
      const deadline = Date.now() + timeoutMs;
      while (!states.every((state, i) => state.idleCycle >= targets[i]!) || !destinations.idle()) {
        if (signal.aborted) throw new Error('Stream poller stopped before draining');
        if (Date.now() > deadline) throw new Error(`Stream poller not drained after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}
