/**
 * Notification dispatch from a burst of case events: how many notifications per second the local
 * path delivers, and how long an event takes from its outbox record to the WeChat stand-in.
 *
 *   npx tsx bench/notifications.ts
 *
 * BENCH_NOTIFY_EVENTS (default 1000) events in the burst, BENCH_NOTIFY_WARMUP (default 25) events
 * before it, BENCH_NOTIFY_WRITERS (default 4) BatchWriteItem requests of 25 in flight while writing the
 * burst, BENCH_NOTIFY_TIMEOUT (default 600) seconds to wait for the deliveries.
 *
 * The path = outbox record (as a case change writes it) → table stream → stream poller (the local
 * stand-in for the event source mapping, batch size from serverless.yml) → dispatchNotifications in
 * serverless offline → per event: message-centre item, 'once' grant spent, subscribe/send to the
 * WeChat stand-in. One applicant per event, each with a profile and a case_progress subscription
 * (remaining 1), seeded straight into DynamoDB Local. Seeding and warm-up are not measured.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BatchGetCommand, type BatchGetCommandOutput, BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LOCAL_TEMPLATE_IDS, formatCaseNumber, type NotificationEvent } from '@ah-tourism/shared';
import { openidKey, profileKey } from '../functions/src/auth/keys';
import { messageIdFor, messageKey, subscriptionKey } from '../functions/src/notifications/keys';
import { newEventId, outboxPut } from '../functions/src/notifications/outbox';
import { localDynamoClient } from '../scripts/local/dynamodb-local';
import { putAll } from '../scripts/local/seed';
import { startStack } from '../scripts/local/stack';
import { listMessages, reset, stats } from '../scripts/local/wechat-control';
import { REPO_ROOT, RESULTS_DIR, machineLine, measureMachine, percentile, round, runIfMain, table, warnIfBusy, writeJson } from './common';

const PORTS = { dynamodb: 8500, s3: 5069, api: 3500, lambda: 3502, h5: 10586, wechat: 3510 };
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

function seedRecords(users: Applicant[]): Record<string, unknown>[] {
  const now = new Date().toISOString();
  return users.flatMap(({ userId, openid }) => [
    { ...profileKey(userId), entity: 'User', user: { userId, displayName: '微信用户', openid, createdAt: now } },
    { ...openidKey(openid), entity: 'OpenidLink', userId },
    {
      ...subscriptionKey(userId, 'case_progress'),
      templateKey: 'case_progress',
      templateId: TEMPLATE_ID,
      kind: 'once',
      remaining: 1,
      active: true,
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

/** Share of CPU time in use since `before` (machine-wide). */
function cpuSample() {
  const total = os.cpus().reduce(
    (acc, cpu) => {
      const { idle, ...rest } = cpu.times;
      acc.idle += idle;
      acc.all += idle + Object.values(rest).reduce((a, b) => a + b, 0);
      return acc;
    },
    { idle: 0, all: 0 },
  );
  return { ...total, busySince: (before: { idle: number; all: number }) => Math.round((1 - (total.idle - before.idle) / Math.max(1, total.all - before.all)) * 100) };
}

async function main(): Promise<void> {
  const events = Number(process.env.BENCH_NOTIFY_EVENTS ?? 1000);
  const warmupEvents = Number(process.env.BENCH_NOTIFY_WARMUP ?? 25);
  const writers = Number(process.env.BENCH_NOTIFY_WRITERS ?? 4);
  const timeoutMs = Number(process.env.BENCH_NOTIFY_TIMEOUT ?? 600) * 1000;
  const log = (line: string) => console.log(line);
  const streamLog: string[] = [];
  warnIfBusy(log);
  const stack = await startStack({
    ports: PORTS,
    h5: 'none',
    progress: (step) => log(`• ${step}`),
    log: (source, line) => {
      if (source !== 'streams') return;
      streamLog.push(line);
      log(`  [streams] ${line}`);
    },
  });
  const dynamo = localDynamoClient(stack.dynamodbEndpoint);
  const doc = DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } });
  const observed = observeInvocations(stack.lambdaUrl);
  try {
    const burstUsers = Array.from({ length: events }, (_, i) => applicant(i));
    const warmupUsers = Array.from({ length: warmupEvents }, (_, i) => applicant(events + i));
    log(`• seeding ${events + warmupEvents} applicants with a case_progress subscription`);
    await putAll(dynamo, stack.tableName, seedRecords([...burstUsers, ...warmupUsers]));

    log(`• warming up with ${warmupEvents} events`);
    const bundleBefore = bundleMtime();
    await reset(stack.wechatUrl);
    if (warmupEvents > 0) {
      await writeBurst(doc, stack.tableName, warmupUsers, writers);
      await waitForSends(stack.wechatUrl, warmupEvents, 120_000);
    }
    // The dispatcher's own writes are in the stream too: let the poller catch up before the burst.
    await stack.streams.drain(120_000);
    await reset(stack.wechatUrl);
    observed.invocations.length = 0;

    warnIfBusy(log);
    const atStart = await measureMachine();
    log(`• burst: ${events} outbox records, ${writers} BatchWriteItem requests in flight`);
    const cpuBefore = cpuSample();
    const stackCpuBefore = stackCpuMs();
    const burstStartMs = Date.now();
    const { written, requests } = await writeBurst(doc, stack.tableName, burstUsers, writers);
    const burstEndMs = Date.now();
    await waitForSends(stack.wechatUrl, events, timeoutMs, (n) => log(`  ${n} of ${events} delivered after ${round((Date.now() - burstStartMs) / 1000, 0)} s`));
    const deliveredMs = Date.now();
    const cpuBusyPercent = cpuSample().busySince(cpuBefore);
    const stackCpu = cpuDelta(stackCpuBefore, stackCpuMs(), events);
    const invocations = [...observed.invocations];

    // Late duplicates would show up once the poller has gone through everything written so far.
    log('• checking deliveries');
    await stack.streams.drain(120_000);
    const { messages, rejected } = await listMessages(stack.wechatUrl, { templateId: TEMPLATE_ID });
    const openidToUser = new Map(burstUsers.map((u) => [u.openid, u.userId]));
    const writtenByUser = new Map(written.map((w) => [w.userId, w]));
    const recipients = new Set(messages.map((m) => m.touser));
    const problems: string[] = [];
    if (written.length !== events) problems.push(`${written.length} of ${events} outbox records written`);
    if (messages.length !== events) problems.push(`${messages.length} subscribe messages received, expected ${events}`);
    if (recipients.size !== messages.length) problems.push(`${messages.length - recipients.size} duplicate message(s)`);
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

    const latencies: number[] = [];
    const received: number[] = [];
    for (const m of messages) {
      const w = writtenByUser.get(openidToUser.get(m.touser) ?? '');
      if (!w) continue;
      const at = Date.parse(m.receivedAt);
      received.push(at);
      latencies.push(at - w.ackMs);
    }
    const firstAckMs = Math.min(...written.map((w) => w.ackMs));
    const firstReceivedMs = Math.min(...received);
    const lastReceivedMs = Math.max(...received);
    const windowMs = lastReceivedMs - firstAckMs;
    const invocationMs = invocations.map((i) => i.ms);
    const invokedMs = invocationMs.reduce((a, b) => a + b, 0);
    const spanMs = invocations.length ? invocations.at(-1)!.startMs + invocations.at(-1)!.ms - invocations[0]!.startMs : 0;

    const results = {
      date: new Date().toISOString(),
      machine: atStart,
      settings: {
        events,
        warmupEvents,
        burstWriters: writers,
        outboxRecordsPerRequest: 25,
        eventType: 'accepted',
        template: 'case_progress',
        standInPollMs: POLL_MS,
      },
      burstWrite: {
        requests,
        ms: burstEndMs - burstStartMs,
        recordsPerSecond: round(events / ((burstEndMs - burstStartMs) / 1000), 0),
      },
      delivery: {
        received: messages.length,
        distinctRecipients: recipients.size,
        rejected: rejected.length,
        messageCentrePushSent: sent,
        firstReceivedAfterMs: firstReceivedMs - firstAckMs,
        lastReceivedAfterMs: windowMs,
        /** events / (last receivedAt − first write acknowledged) */
        notificationsPerSecond: round(events / (windowMs / 1000), 1),
        /** events / (last receivedAt − first receivedAt): the dispatch rate once deliveries flow. */
        steadyNotificationsPerSecond: round(events / (Math.max(1, lastReceivedMs - firstReceivedMs) / 1000), 1),
      },
      latencyMs: {
        p50: round(percentile(latencies, 50), 0),
        p90: round(percentile(latencies, 90), 0),
        p99: round(percentile(latencies, 99), 0),
        max: Math.max(...latencies),
      },
      invocations: {
        count: invocations.length,
        recordsPerInvocation: invocations.length ? round(invocations.reduce((a, i) => a + i.records, 0) / invocations.length, 1) : 0,
        p50Ms: round(percentile(invocationMs, 50), 0),
        p90Ms: round(percentile(invocationMs, 90), 0),
        maxMs: invocationMs.length ? Math.max(...invocationMs) : 0,
        /** Share of the first-to-last invocation span spent inside an Invoke (the poller invokes one batch at a time). */
        busyShareOfSpan: spanMs ? round(invokedMs / spanMs, 2) : 0,
      },
      /** Machine-wide, from the start of the burst until the last delivery. */
      cpuBusyPercentDuringDelivery: cpuBusyPercent,
      /** CPU time the bench and the stack it started used over the same span (Linux only). */
      stackCpu,
      deliveredAfterMs: deliveredMs - burstStartMs,
      streamLog,
      problems,
    };
    writeJson(path.join(RESULTS_DIR, 'notifications.json'), results);

    log('');
    log(machineLine(atStart));
    log(
      table(
        ['events', 'burst write ms', 'notifications/s', 'steady /s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'problems'],
        [
          [
            events,
            results.burstWrite.ms,
            results.delivery.notificationsPerSecond,
            results.delivery.steadyNotificationsPerSecond,
            results.latencyMs.p50,
            results.latencyMs.p90,
            results.latencyMs.p99,
            results.latencyMs.max,
            problems.length,
          ],
        ],
        ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
    );
    const inv = results.invocations;
    log(
      `first delivery ${results.delivery.firstReceivedAfterMs} ms, last ${windowMs} ms after the first write was acknowledged; ` +
        `${inv.count} invocations of ${inv.recordsPerInvocation} records on average, ${inv.p50Ms} ms median (p90 ${inv.p90Ms}, max ${inv.maxMs}), ` +
        `inside an invocation ${Math.round(inv.busyShareOfSpan * 100)} % of the time; CPUs ${cpuBusyPercent} % busy during delivery`,
    );
    if (stackCpu) {
      const parts = Object.entries(stackCpu.parts)
        .sort((a, b) => b[1] - a[1])
        .map(([part, ms]) => `${part} ${round(ms / 1000, 1)} s`);
      log(`CPU time of the local stack: ${round(stackCpu.totalMs / 1000, 1)} s, ${stackCpu.perNotificationMs} ms per notification (${parts.join(', ')})`);
    }
    for (const problem of problems) log(`PROBLEM: ${problem}`);
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    observed.restore();
    dynamo.destroy();
    await stack.stop();
  }
}

runIfMain(module, main);
