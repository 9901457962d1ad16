/**
 * Notification dispatch from bursts of case events: how long an event takes from its outbox record to
 * the WeChat stand-in (lag) for bursts of 25, 100 and 1,000 events, the rate, the CPU time the whole
 * local stack spends per notification and so the most this machine could deliver (its CPU-bound
 * ceiling), and the DynamoDB calls and write units per push.
 *
 *   npx tsx bench/notifications.ts
 *
 * BENCH_NOTIFY_BURSTS (default 25,100,1000) burst sizes, run one after the other on one stack, each
 * once the previous one is delivered and the stream drained; BENCH_NOTIFY_WARMUP (default 25) events
 * before them; BENCH_NOTIFY_WRITERS (default 4) BatchWriteItem requests of 25 in flight while writing a
 * burst; BENCH_NOTIFY_TIMEOUT (default 600) seconds to wait for a burst's deliveries;
 * BENCH_NOTIFY_OUT (default bench/results/notifications.json) where the JSON goes. Ports: as
 * `npm start` reads them (DYNAMODB_PORT, S3_PORT, API_PORT, LAMBDA_PORT, H5_PORT, WECHAT_PORT),
 * default 8500/5069/3500/3502/10586/3510.
 *
 * The path = outbox record (as a case change writes it) → table stream → stream poller (the local
 * stand-in for the event source mapping, batch size and parallelisation factor from serverless.yml)
 * → dispatchNotifications in serverless offline → per event: message-centre item, 'once' grant
 * spent, subscribe/send to the WeChat stand-in. One applicant per event, each with a profile and a
 * case_progress subscription (remaining 1), seeded straight into DynamoDB Local. Seeding and warm-up
 * are not measured.
 *
 * DynamoDB per push is measured apart, in this process: the dispatcher with its default store on the
 * same DynamoDB Local, WeChat faked, every request counted.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BatchGetCommand, type BatchGetCommandOutput, BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LOCAL_TEMPLATE_IDS, formatCaseNumber, type NotificationEvent } from '@ah-tourism/shared';
import { openidKey, profileKey } from '../functions/src/auth/keys';
import { defaultDispatcherDeps, dispatcher } from '../functions/src/notifications/dispatcher';
import { messageIdFor, messageKey, subscriptionKey } from '../functions/src/notifications/keys';
import { newEventId, outboxPut } from '../functions/src/notifications/outbox';
import { dynamo } from '../functions/src/platform/dynamodb';
import { LOCAL_AWS_ENV, localDynamoClient } from '../scripts/local/dynamodb-local';
import { putAll } from '../scripts/local/seed';
import { portsFromEnv, startStack } from '../scripts/local/stack';
import { listMessages, reset, stats } from '../scripts/local/wechat-control';
import { REPO_ROOT, RESULTS_DIR, cpuSample, machineLine, measureMachine, percentile, round, runIfMain, table, warnIfBusy, writeJson, type Machine } from './common';

const PORTS = portsFromEnv({ dynamodb: 8500, s3: 5069, api: 3500, lambda: 3502, h5: 10586, wechat: 3510 });
const TEMPLATE_ID = LOCAL_TEMPLATE_IDS.case_progress;
const REGION = '341000';
const ORGANISATION = '113410000039113649';
const POLL_MS = 250;
/** Where this stack's serverless offline keeps the dispatch bundle (custom.esbuild.outputWorkFolder). */
const DISPATCH_BUNDLE = path.join(REPO_ROOT, '.esbuild', `local-${PORTS.api}`, '.build', 'functions', 'src', 'notifications', 'dispatch.js');

/**
 * serverless offline rebuilds the functions and restarts its simulated Lambdas cold when a file under
 * functions/src or shared/src changes; the bundle's modification time tells whether that happened.
 */
const bundleMtime = () => (existsSync(DISPATCH_BUNDLE) ? statSync(DISPATCH_BUNDLE).mtimeMs : null);

interface Applicant {
  userId: string;
  openid: string;
}

interface Written {
  event: NotificationEvent;
  userId: string;
  /** Date.now() when the BatchWriteItem that stored the outbox record answered. */
  ackMs: number;
}

const applicant = (i: number): Applicant => {
  const n = String(i).padStart(5, '0');
  return { userId: `u_bench${n}`, openid: `bench${n}_openid` };
};

function seedRecords(users: Applicant[], remaining = 1): Record<string, unknown>[] {
  const now = new Date().toISOString();
  return users.flatMap(({ userId, openid }) => [
    { ...profileKey(userId), entity: 'User', user: { userId, displayName: '微信用户', openid, createdAt: now } },
    { ...openidKey(openid), entity: 'OpenidLink', userId },
    {
      ...subscriptionKey(userId, 'case_progress'),
      templateKey: 'case_progress',
      templateId: TEMPLATE_ID,
      kind: 'once',
      remaining,
      active: remaining > 0,
      lastResult: 'accept',
      updatedAt: now,
    },
  ]);
}

/** An 'accepted' event for the applicant, as the case lifecycle would emit it. */
function acceptedEvent(user: Applicant, occurredAt: string): NotificationEvent {
  return {
    eventId: newEventId(),
    type: 'accepted',
    occurredAt,
    caseNumber: formatCaseNumber(occurredAt.slice(0, 10), REGION, randomBytes(5)),
    itemName: '旅行社业务经营许可',
    organisationCode: ORGANISATION,
    applicantUserId: user.userId,
    applicantDisplayName: '张*',
  };
}

/**
 * Writes one outbox record per user with BatchWriteItem (25 per request, `writers` requests in flight),
 * each record stamped with the time its request was sent; returns when every write was acknowledged.
 */
async function writeBurst(doc: DynamoDBDocumentClient, tableName: string, users: Applicant[], writers: number): Promise<{ written: Written[]; requests: number }> {
  const written: Written[] = [];
  const chunks: Applicant[][] = [];
  for (let i = 0; i < users.length; i += 25) chunks.push(users.slice(i, i + 25));
  let next = 0;
  let requests = 0;
  await Promise.all(
    Array.from({ length: Math.min(writers, chunks.length) }, async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++]!;
        const occurredAt = new Date().toISOString();
        const events = chunk.map((user) => ({ user, event: acceptedEvent(user, occurredAt) }));
        const byEventId = new Map(events.map((e) => [e.event.eventId, e]));
        let pending = events.map(({ event }) => ({ PutRequest: { Item: outboxPut(tableName, event).Put.Item as Record<string, unknown> } }));
        for (let attempt = 0; pending.length > 0; attempt += 1) {
          if (attempt > 8) throw new Error(`DynamoDB kept ${pending.length} outbox writes unprocessed`);
          if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
          requests += 1;
          const result = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
          const ackMs = Date.now();
          const left = (result.UnprocessedItems?.[tableName] ?? []) as typeof pending;
          const unprocessed = new Set(left.map((r) => (r.PutRequest.Item.event as NotificationEvent).eventId));
          for (const request of pending) {
            const { eventId } = request.PutRequest.Item.event as NotificationEvent;
            if (unprocessed.has(eventId)) continue;
            const { user, event } = byEventId.get(eventId)!;
            written.push({ event, userId: user.userId, ackMs });
          }
          pending = left;
        }
      }
    }),
  );
  return { written, requests };
}

/** Polls the stand-in's counters until `count` sends were accepted (or one was rejected). */
async function waitForSends(wechatUrl: string, count: number, timeoutMs: number, onProgress?: (accepted: number) => void): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastReport = 0;
  for (;;) {
    const { send } = await stats(wechatUrl);
    if (send.rejected > 0 || send.failedInjected > 0) throw new Error(`the WeChat stand-in rejected ${send.rejected} send(s): see listMessages().rejected`);
    if (send.accepted >= count) return;
    if (Date.now() > deadline) throw new Error(`only ${send.accepted} of ${count} subscribe messages arrived within ${timeoutMs / 1000} s`);
    if (onProgress && Date.now() - lastReport >= 10_000) {
      lastReport = Date.now();
      onProgress(send.accepted);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

interface Invocation {
  records: number;
  startMs: number;
  ms: number;
}

/** Largest number of invocations in flight at one moment (the poller's lanes run at once). */
function maxConcurrent(invocations: Invocation[]): number {
  const edges = invocations.flatMap((i) => [[i.startMs, 1], [i.startMs + i.ms, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let max = 0;
  for (const [, step] of edges) max = Math.max(max, (now += step));
  return max;
}

/**
 * Observes the stream poller (it runs in this process): times each Invoke it sends to serverless
 * offline and counts the records in it. Observation only; requests pass through unchanged.
 */
function observeInvocations(lambdaUrl: string): { invocations: Invocation[]; restore: () => void } {
  const invocations: Invocation[] = [];
  const original = globalThis.fetch;
  const prefix = `${lambdaUrl}/2015-03-31/functions/`;
  globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(prefix) || typeof init?.body !== 'string') return original(input, init);
    const startMs = Date.now();
    const response = await original(input, init);
    await response.clone().arrayBuffer();
    const records = (JSON.parse(init.body) as { Records?: unknown[] }).Records?.length ?? 0;
    invocations.push({ records, startMs, ms: Date.now() - startMs });
    return response;
  };
  return { invocations, restore: () => (globalThis.fetch = original) };
}

/**
 * CPU time (ms) used so far by this process and every process it started, grouped by part of the
 * stack; null off Linux. Unlike wall time, this hardly depends on what else the machine runs.
 */
function stackCpuMs(): Record<string, number> | null {
  if (process.platform !== 'linux') return null;
  const ticksToMs = 10; // USER_HZ is 100 on Linux
  const procs = new Map<number, { ppid: number; ms: number; part: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const pid = Number(entry);
      const part =
        pid === process.pid
          ? 'bench process (writer, stream poller, WeChat stand-in, s3rver)'
          : /\bjava\b/.test(cmdline) && cmdline.includes('DynamoDBLocal')
            ? 'DynamoDB Local'
            : cmdline.includes('serverless') && cmdline.includes('offline')
              ? 'serverless offline (dispatch function)'
              : cmdline.includes('esbuild')
                ? 'esbuild (serverless offline)'
                : 'other';
      procs.set(pid, { ppid: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * ticksToMs, part });
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 50; hops += 1) {
      if (p === process.pid) return true;
      p = procs.get(p)?.ppid ?? 0;
    }
    return false;
  };
  const parts: Record<string, number> = {};
  for (const [pid, info] of procs) if (inTree(pid)) parts[info.part] = (parts[info.part] ?? 0) + info.ms;
  return parts;
}

function cpuDelta(before: Record<string, number> | null, after: Record<string, number> | null, events: number) {
  if (!before || !after) return null;
  const parts = Object.fromEntries(Object.entries(after).map(([part, ms]) => [part, ms - (before[part] ?? 0)]));
  const totalMs = Object.values(parts).reduce((a, b) => a + b, 0);
  return { totalMs, perNotificationMs: round(totalMs / events, 1), parts };
}

interface UsageCall {
  command: string;
  input: any;
  consumed?: { CapacityUnits?: number } | { CapacityUnits?: number }[];
  failed?: string;
}

/** The key of every item a write request touches, and whether it was part of a transaction. */
function writtenKeys(call: UsageCall): { key: { pk: string; sk: string }; transactional: boolean }[] {
  const keyOf = (op: any) => ({ pk: op.Key?.pk ?? op.Item?.pk, sk: op.Key?.sk ?? op.Item?.sk });
  if (call.command === 'TransactWriteItemsCommand') {
    return call.input.TransactItems.map((item: any) => ({ key: keyOf(Object.values(item)[0]), transactional: true }));
  }
  if (['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand'].includes(call.command)) return [{ key: keyOf(call.input), transactional: false }];
  return [];
}

const capacity = (consumed: UsageCall['consumed']) => (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []).reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);

/**
 * DynamoDB requests per push, counted on the dispatcher's own client in this process: `count`
 * applicants with one grant each get an 'accepted' event, then `count` with no grant left. Write units
 * are as DynamoDB bills completed writes (1 per KB of item for a plain write, 2 in a transaction; item sizes read
 * back afterwards, the UTF-8 JSON of an item being an upper bound of its DynamoDB size). DynamoDB
 * Local also reports ConsumedCapacity (asked for with ReturnConsumedCapacity: 'TOTAL'), recorded
 * beside it: it is right for single-item writes but undercounts transactions (items of the same size
 * are counted once).
 */
async function dynamoUsagePerPush(endpoint: string, tableName: string, doc: DynamoDBDocumentClient, count: number) {
  Object.assign(process.env, LOCAL_AWS_ENV, { STAGE: 'local', TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint });
  const calls: UsageCall[] = [];
  dynamo().middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'TOTAL';
      const call: UsageCall = { command: String(context.commandName), input };
      calls.push(call);
      try {
        const result = await next(args);
        call.consumed = (result.output as { ConsumedCapacity?: UsageCall['consumed'] }).ConsumedCapacity;
        return result;
      } catch (error) {
        call.failed = (error as Error).name;
        throw error;
      }
    },
    { step: 'initialize', name: 'benchUsage' },
  );
  const sent: string[] = [];
  const deliver = dispatcher({ ...defaultDispatcherDeps(), templateIds: LOCAL_TEMPLATE_IDS, send: async (m) => (sent.push(m.touser), `bench-${sent.length}`) }).deliver;
  const scenario = async (name: string, users: Applicant[], remaining: number) => {
    await putAll(localDynamoClient(endpoint), tableName, seedRecords(users, remaining));
    const perPush: UsageCall[][] = [];
    for (const user of users) {
      calls.length = 0;
      await deliver(acceptedEvent(user, new Date().toISOString()));
      perPush.push([...calls]);
    }
    // Sizes of every item written, read back now (their largest state).
    const touched = new Map<string, { pk: string; sk: string }>();
    for (const call of perPush.flat()) for (const { key } of writtenKeys(call)) touched.set(`${key.pk}|${key.sk}`, key);
    const bytes = new Map<string, number>();
    const keys = [...touched.values()];
    for (let i = 0; i < keys.length; i += 100) {
      let batch: Record<string, unknown>[] | undefined = keys.slice(i, i + 100);
      while (batch?.length) {
        const result: BatchGetCommandOutput = await doc.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: batch, ConsistentRead: true } } }));
        for (const item of result.Responses?.[tableName] ?? []) bytes.set(`${item.pk}|${item.sk}`, Buffer.byteLength(JSON.stringify(item)));
        batch = result.UnprocessedKeys?.[tableName]?.Keys;
      }
    }
    const billed = (call: UsageCall) =>
      call.failed ? 0 : writtenKeys(call).reduce((sum, { key, transactional }) => sum + Math.max(1, Math.ceil((bytes.get(`${key.pk}|${key.sk}`) ?? 0) / 1024)) * (transactional ? 2 : 1), 0);
    const mean = (f: (push: UsageCall[]) => number) => round(perPush.reduce((sum, push) => sum + f(push), 0) / perPush.length, 2);
    const sequence = [...new Set(perPush.map((push) => push.map((c) => `${c.command.replace(/Command$/, '')}${c.command === 'TransactWriteItemsCommand' ? `(${c.input.TransactItems.length})` : ''}${c.failed ? ` ✗${c.failed}` : ''}`).join(' → ')))];
    return {
      scenario: name,
      pushes: perPush.length,
      sent: sent.splice(0).length,
      callsPerPush: mean((push) => push.length),
      writeRequestsPerPush: mean((push) => push.filter((c) => writtenKeys(c).length > 0).length),
      /** Write requests DynamoDB refused (a transaction cancelled by its condition): not in the billed units below. */
      refusedWriteRequestsPerPush: mean((push) => push.filter((c) => c.failed && writtenKeys(c).length > 0).length),
      itemsWrittenPerPush: mean((push) => push.reduce((sum, c) => sum + writtenKeys(c).length, 0)),
      billedWriteUnitsPerPush: mean((push) => push.reduce((sum, c) => sum + billed(c), 0)),
      localReportedWriteUnitsPerPush: mean((push) => push.filter((c) => writtenKeys(c).length > 0).reduce((sum, c) => sum + capacity(c.consumed), 0)),
      localReportedReadUnitsPerPush: mean((push) => push.filter((c) => writtenKeys(c).length === 0).reduce((sum, c) => sum + capacity(c.consumed), 0)),
      largestItemBytes: Math.max(0, ...bytes.values()),
      sequence,
    };
  };
  const base = 90_000;
  const withGrant = Array.from({ length: count }, (_, i) => applicant(base + i));
  const noGrant = Array.from({ length: count }, (_, i) => applicant(base + count + i));
  return [await scenario('one-time push (grant left)', withGrant, 1), await scenario('no grant left (message only)', noGrant, 0)];
}

interface BurstResult {
  events: number;
  machine: Machine;
  burstWrite: { requests: number; ms: number };
  delivery: {
    received: number;
    firstReceivedAfterMs: number;
    lastReceivedAfterMs: number;
    notificationsPerSecond: number;
    steadyNotificationsPerSecond: number;
  };
  lagMs: { p50: number; p90: number; p99: number; max: number };
  invocations: { count: number; recordsPerInvocation: number; p50Ms: number; maxMs: number; maxConcurrent: number };
  cpuBusyPercentDuringDelivery: number;
  stackCpu: ReturnType<typeof cpuDelta>;
  /** Notifications/s the whole stack could deliver if it had every CPU of the machine to itself. */
  cpuBoundCeilingPerSecond: number | null;
  problems: string[];
}

async function runBurst(
  stack: Awaited<ReturnType<typeof startStack>>,
  doc: DynamoDBDocumentClient,
  observed: { invocations: Invocation[] },
  users: Applicant[],
  writers: number,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<BurstResult> {
  const events = users.length;
  await stack.streams.drain(120_000);
  await reset(stack.wechatUrl);
  observed.invocations.length = 0;
  warnIfBusy(log);
  const atStart = await measureMachine();
  log(`• burst of ${events}: load average ${atStart.loadAverage.join(' / ')}, CPUs ${atStart.cpuBusyPercent} % busy`);
  const bundleBefore = bundleMtime();
  const cpuBefore = cpuSample();
  const stackCpuBefore = stackCpuMs();
  const burstStartMs = Date.now();
  const { written, requests } = await writeBurst(doc, stack.tableName, users, writers);
  const burstEndMs = Date.now();
  await waitForSends(stack.wechatUrl, events, timeoutMs, (n) => log(`  ${n} of ${events} delivered after ${round((Date.now() - burstStartMs) / 1000, 0)} s`));
  const cpuBusyPercent = cpuSample().busySince(cpuBefore);
  const stackCpu = cpuDelta(stackCpuBefore, stackCpuMs(), events);

  // Late duplicates would show up once the poller has gone through everything written so far; by
  // then the last invocations have answered too.
  await stack.streams.drain(120_000);
  const invocations = [...observed.invocations];
  const { messages, rejected } = await listMessages(stack.wechatUrl, { templateId: TEMPLATE_ID });
  const openidToUser = new Map(users.map((u) => [u.openid, u.userId]));
  const writtenByUser = new Map(written.map((w) => [w.userId, w]));
  const recipients = new Set(messages.map((m) => m.touser));
  const problems: string[] = [];
  if (written.length !== events) problems.push(`${written.length} of ${events} outbox records written`);
  if (messages.length !== events) problems.push(`${messages.length} subscribe messages received, expected ${events}`);
  if (recipients.size !== messages.length) {
    // When each copy arrived tells why: a send retried after its request timed out (3 s) arrives 3.2 s or more after the first.
    const times = new Map<string, number[]>();
    for (const m of messages) times.set(m.touser, [...(times.get(m.touser) ?? []), Date.parse(m.receivedAt)]);
    const gaps = [...times.values()].filter((t) => t.length > 1).map((t) => Math.max(...t) - Math.min(...t));
    problems.push(`${messages.length - recipients.size} duplicate message(s), ${gaps.map((g) => `${g} ms`).join(', ')} after the first copy`);
  }
  if (rejected.length > 0) problems.push(`${rejected.length} rejected send(s)`);
  const strangers = messages.filter((m) => !openidToUser.has(m.touser));
  if (strangers.length > 0) problems.push(`${strangers.length} message(s) to users outside the burst`);

  // Every message-centre item of the burst must record the push as sent.
  let sent = 0;
  const keys = written.map((w) => messageKey(w.userId, messageIdFor(w.event.occurredAt, w.event.eventId)));
  for (let i = 0; i < keys.length; i += 100) {
    let batch: Record<string, unknown>[] | undefined = keys.slice(i, i + 100);
    while (batch?.length) {
      const result: BatchGetCommandOutput = await doc.send(new BatchGetCommand({ RequestItems: { [stack.tableName]: { Keys: batch, ProjectionExpression: 'pushStatus' } } }));
      sent += (result.Responses?.[stack.tableName] ?? []).filter((item) => item.pushStatus === 'sent').length;
      batch = result.UnprocessedKeys?.[stack.tableName]?.Keys;
    }
  }
  if (sent !== events) problems.push(`${sent} of ${events} message-centre items have push 'sent'`);
  if (bundleMtime() !== bundleBefore) problems.push('the functions were rebuilt during the measurement (a file under functions/src or shared/src changed): rerun');

  const lags: number[] = [];
  const received: number[] = [];
  for (const m of messages) {
    const w = writtenByUser.get(openidToUser.get(m.touser) ?? '');
    if (!w) continue;
    const at = Date.parse(m.receivedAt);
    received.push(at);
    lags.push(at - w.ackMs);
  }
  const firstAckMs = Math.min(...written.map((w) => w.ackMs));
  const firstReceivedMs = Math.min(...received);
  const lastReceivedMs = Math.max(...received);
  const windowMs = lastReceivedMs - firstAckMs;
  const invocationMs = invocations.map((i) => i.ms);
  return {
    events,
    machine: atStart,
    burstWrite: { requests, ms: burstEndMs - burstStartMs },
    delivery: {
      received: messages.length,
      firstReceivedAfterMs: firstReceivedMs - firstAckMs,
      lastReceivedAfterMs: windowMs,
      notificationsPerSecond: round(events / (windowMs / 1000), 1),
      steadyNotificationsPerSecond: round(events / (Math.max(1, lastReceivedMs - firstReceivedMs) / 1000), 1),
    },
    lagMs: { p50: round(percentile(lags, 50), 0), p90: round(percentile(lags, 90), 0), p99: round(percentile(lags, 99), 0), max: Math.max(...lags) },
    invocations: {
      count: invocations.length,
      recordsPerInvocation: invocations.length ? round(invocations.reduce((a, i) => a + i.records, 0) / invocations.length, 1) : 0,
      p50Ms: round(percentile(invocationMs, 50), 0),
      maxMs: invocationMs.length ? Math.max(...invocationMs) : 0,
      maxConcurrent: maxConcurrent(invocations),
    },
    cpuBusyPercentDuringDelivery: cpuBusyPercent,
    stackCpu,
    cpuBoundCeilingPerSecond: stackCpu ? round((os.cpus().length * 1000) / stackCpu.perNotificationMs, 1) : null,
    problems,
  };
}

async function main(): Promise<void> {
  const bursts = (process.env.BENCH_NOTIFY_BURSTS ?? '25,100,1000').split(',').map(Number);
  const warmupEvents = Number(process.env.BENCH_NOTIFY_WARMUP ?? 25);
  const writers = Number(process.env.BENCH_NOTIFY_WRITERS ?? 4);
  const timeoutMs = Number(process.env.BENCH_NOTIFY_TIMEOUT ?? 600) * 1000;
  const out = process.env.BENCH_NOTIFY_OUT ?? path.join(RESULTS_DIR, 'notifications.json');
  const log = (line: string) => console.log(line);
  const streamLog: string[] = [];
  const functionWarnings: string[] = [];
  warnIfBusy(log);
  const atStart = await measureMachine();
  const stack = await startStack({
    ports: PORTS,
    h5: 'none',
    progress: (step) => log(`• ${step}`),
    log: (source, line) => {
      // The dispatcher's warnings (failed or retried sends, failed events) tell what a figure hides.
      if (source === 'api' && /subscribe message|delivery failed/.test(line)) functionWarnings.push(line);
      if (source !== 'streams') return;
      streamLog.push(line);
      log(`  [streams] ${line}`);
    },
  });
  const dynamo = localDynamoClient(stack.dynamodbEndpoint);
  const doc = DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } });
  const observed = observeInvocations(stack.lambdaUrl);
  try {
    log('• DynamoDB requests per push (in this process)');
    const usage = await dynamoUsagePerPush(stack.dynamodbEndpoint, stack.tableName, doc, 20);

    let next = 0;
    const take = (n: number) => Array.from({ length: n }, () => applicant(next++));
    const warmupUsers = take(warmupEvents);
    const burstUsers = bursts.map((n) => take(n));
    log(`• seeding ${next} applicants with a case_progress subscription`);
    await putAll(dynamo, stack.tableName, seedRecords([...warmupUsers, ...burstUsers.flat()]));

    log(`• warming up with ${warmupEvents} events`);
    await reset(stack.wechatUrl);
    if (warmupEvents > 0) {
      await writeBurst(doc, stack.tableName, warmupUsers, writers);
      await waitForSends(stack.wechatUrl, warmupEvents, 120_000);
    }
    const results: BurstResult[] = [];
    for (const users of burstUsers) results.push(await runBurst(stack, doc, observed, users, writers, timeoutMs, log));

    const problems = results.flatMap((r) => r.problems.map((p) => `burst of ${r.events}: ${p}`));
    writeJson(out, {
      date: new Date().toISOString(),
      machine: atStart,
      settings: { bursts, warmupEvents, burstWriters: writers, outboxRecordsPerRequest: 25, eventType: 'accepted', template: 'case_progress', standInPollMs: POLL_MS },
      dynamodbPerPush: usage,
      bursts: results,
      streamLog,
      functionWarnings,
      problems,
    });

    log('');
    log(machineLine(atStart));
    log(
      table(
        ['scenario', 'calls/push', 'write requests', 'of them refused', 'items written', 'WRU billed', 'WRU Local reports', 'RCU Local reports', 'sequence'],
        usage.map((u) => [u.scenario, u.callsPerPush, u.writeRequestsPerPush, u.refusedWriteRequestsPerPush, u.itemsWrittenPerPush, u.billedWriteUnitsPerPush, u.localReportedWriteUnitsPerPush, u.localReportedReadUnitsPerPush, u.sequence.join('; ')]),
        ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
      ),
    );
    log('');
    log(
      table(
        ['burst', 'load at start', 'notifications/s', 'lag p50 ms', 'lag p99 ms', 'CPU ms/notification', 'CPU-bound ceiling /s', 'rate ÷ ceiling', 'invocations', 'max at once', 'problems'],
        results.map((r) => [
          r.events,
          `${r.machine.loadAverage[0]}, ${r.machine.cpuBusyPercent} %`,
          r.delivery.notificationsPerSecond,
          r.lagMs.p50,
          r.lagMs.p99,
          r.stackCpu?.perNotificationMs ?? '–',
          r.cpuBoundCeilingPerSecond ?? '–',
          r.cpuBoundCeilingPerSecond ? `${Math.round((r.delivery.notificationsPerSecond / r.cpuBoundCeilingPerSecond) * 100)} %` : '–',
          `${r.invocations.count} × ${r.invocations.recordsPerInvocation}`,
          r.invocations.maxConcurrent,
          r.problems.length,
        ]),
        ['r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
    );
    for (const r of results) {
      if (!r.stackCpu) continue;
      const parts = Object.entries(r.stackCpu.parts)
        .sort((a, b) => b[1] - a[1])
        .map(([part, ms]) => `${part} ${round(ms / 1000, 1)} s`);
      log(`burst of ${r.events}: CPU time of the local stack ${round(r.stackCpu.totalMs / 1000, 1)} s (${parts.join(', ')}); CPUs ${r.cpuBusyPercentDuringDelivery} % busy during delivery`);
    }
    if (functionWarnings.length) log(`${functionWarnings.length} warning(s) of the dispatcher, e.g. ${functionWarnings[0]}`);
    for (const problem of problems) log(`PROBLEM: ${problem}`);
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    observed.restore();
    dynamo.destroy();
    await stack.stop();
  }
}

runIfMain(module, main);
