/**
 * Staff working in parallel (hardening issue, item 1): N accepts (受理) of N different submitted cases of
 * one organisation (黄山市文化和旅游局) at once, by its pre-review staff member, against N bare transactions
 * of the same shape in the same run.
 *
 *   npx tsx bench/staff-actions.ts
 *
 * BENCH_STAFF_SIZES (default 10,50,100), BENCH_STAFF_REPEATS (default 3), BENCH_STAFF_OUT (where the JSON goes).
 *
 * Every case is different, so every answer but 200 is a spurious conflict. Each accept reserves the next
 * acceptance-notice number of the organisation (one counter per organisation, kind and year): the numbers a
 * burst issues must be distinct and contiguous, and those of the whole run 1…K.
 *
 * Per N and repetition, one after another on one local stack (N, in the order given, within a repetition):
 *  - http: `POST /staff/cases/{no}/actions` through serverless offline, as the API tests send it; before
 *    it, N requests for a case that does not exist, so N simulated Lambdas are warm (untimed);
 *  - bare: the floor. N × one TransactWriteItems of exactly the rows an accept wrote (the case's META
 *    under its version condition, the step row with its document, the counter's conditional update, the
 *    outbox event, the deadline timer) on fresh case rows, all on one counter of their own, each sent in
 *    its turn at the counter as the server does (functions/src/cases/document-counter.ts, which the
 *    lifecycle uses too: a ticket, consistent reads of the counter until the turn comes, the transaction):
 *    the cost of the contended write itself, without authentication, the case read, the guide and
 *    calendar, or the answer. It may wait as long as the handler (the local stage's actOnCase timeout);
 *  - in-process: the `actOnCase` handler loaded into this process and invoked with API Gateway events
 *    and a context that tells the time left, as Lambda's does (its own time, without serverless
 *    offline's worker threads);
 *  - bare again (the pair of the in-process round), then bare-own-counter: the same, each with a counter
 *    of its own (no contention: the transaction and the queue's two requests, a ticket and one read).
 * Every DynamoDB request of the in-process and bare rounds is counted by operation (per action).
 * One untimed round of every path at the largest N comes first (warm caches, JIT, workers). The cases
 * are submitted beforehand with the submitApplication handler in process (4 at a time) and their version
 * read as staff read it (getStaffCase); the table stream is drained after each round, so the dispatch of
 * one round's notifications does not run into the next. In process, the N invocations share the
 * functions' one SDK client (at most 50 connections, the SDK's default), as the bare rounds share theirs;
 * in AWS each Lambda has its own. The handler's log lines are formatted as always but not printed.
 */
import './in-process-env';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { NotificationEvent } from '@ah-tourism/shared';
import { documentNumber } from '../functions/src/cases/documents';
import { casePartition } from '../functions/src/cases/keys';
import { STALL_MS, TURN_RESERVE_MS, inTurn, sendStep, type Turn } from '../functions/src/cases/document-counter';
import type { CaseRecord, StepRecord } from '../functions/src/cases/records';
import { caseRecordItem } from '../functions/src/cases/store';
import { newEventId, outboxPut } from '../functions/src/notifications/outbox';
import { timerPut, type Timer } from '../functions/src/notifications/timers';
import { AppError } from '../functions/src/platform/errors';
import { localDynamoClient } from '../scripts/local/dynamodb-local';
import { startStack } from '../scripts/local/stack';
import { TRAVEL_AGENCY_FIELDS, asUser, completeApplication, newUser, signInAs, travelAgencyItem } from '../test/support/applications';
import { REPO_ROOT, RESULTS_DIR, benchPorts, cpuSample, functionInProcess, functionTimeoutSeconds, machineLine, measureMachine, percentile, round, runIfMain, table, waitForVerdicts, warnIfBusy, writeJson } from './common';

const PATHS = ['http', 'bare', 'in-process', 'bare-own-counter'] as const;
type PathName = (typeof PATHS)[number];
const LABEL: Record<PathName, string> = {
  http: 'POST …/actions through serverless offline',
  'in-process': 'actOnCase handler, in process',
  bare: 'bare: TransactWriteItems in its turn at one counter, as the server sends it',
  'bare-own-counter': 'bare: the same, each at its own counter (no contention)',
};
const OPINION = '材料齐全，符合法定形式';
const SERIAL = /〔(\d{4})〕(\d+)号$/;

interface Answer {
  /** The HTTP status (bare: the one the server would answer). */
  status: number;
  code?: string;
  number?: string;
}

interface Round {
  n: number;
  /** 0 = the untimed warm-up round. */
  repeat: number;
  path: PathName;
  /** Index of this round in the run, for ordering. */
  sequence: number;
  loadAverage1m: number;
  cpuBusyPercent: number;
  wallMs: number;
  actionsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** '200', '409 CASE_BUSY', … */
  answers: Record<string, number>;
  spurious: number;
  /** Document numbers issued in the round (not for bare-own-counter, where every counter issues 1). */
  numbers: { issued: number; distinct: number; first: number | null; last: number | null; contiguous: boolean } | null;
  /** TransactWriteItems sent per action (the handler's counted on its own DynamoDB client; not visible for http). */
  transactionsPerAction: number | null;
  /** Every DynamoDB request per action, by operation (as transactionsPerAction). */
  requestsPerAction: Record<string, number> | null;
  /** Untimed warming of N simulated Lambdas before an http round. */
  primingMs?: number;
}

/** Counts the requests a DynamoDB client sends, by operation; the function answers the counts so far. */
function requestCounter(client: { middlewareStack: DynamoDBDocumentClient['middlewareStack'] }): () => Record<string, number> {
  const counts: Record<string, number> = {};
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = String(context.commandName).replace(/Command$/, '');
      counts[operation] = (counts[operation] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize', name: 'countRequests' },
  );
  return () => ({ ...counts });
}

const difference = (after: Record<string, number>, before: Record<string, number>) =>
  Object.fromEntries(Object.entries(after).flatMap(([operation, count]) => (count > (before[operation] ?? 0) ? [[operation, count - (before[operation] ?? 0)]] : [])));

const countBy = (keys: string[]) => keys.reduce<Record<string, number>>((acc, key) => ({ ...acc, [key]: (acc[key] ?? 0) + 1 }), {});
const median = (values: number[]) => percentile(values, 50);
const serialOf = (number: string | undefined) => (number ? Number(SERIAL.exec(number)?.[2]) : Number.NaN);

async function pool<T>(count: number, parallel: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let i = next++; i < count; i = next++) results[i] = await work(i);
    }),
  );
  return results;
}

/** N at once; each action's latency from its own start, the wall time from the first start to the last answer. */
async function burst(n: number, fire: (i: number) => Promise<Answer>) {
  const load = os.loadavg()[0] ?? 0;
  const cpu = cpuSample();
  const began = performance.now();
  const answers = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const start = performance.now();
      const answer = await fire(i);
      return { ...answer, ms: performance.now() - start };
    }),
  );
  const wallMs = performance.now() - began;
  return { answers, wallMs, loadAverage1m: round(load, 2), cpuBusyPercent: cpuSample().busySince(cpu) };
}

function summariseRound(n: number, repeat: number, path: PathName, sequence: number, measured: Awaited<ReturnType<typeof burst>>, requests: Record<string, number> | null): Round {
  const { answers, wallMs } = measured;
  const serials = path === 'bare-own-counter' ? [] : answers.filter((a) => a.status === 200).map((a) => serialOf(a.number));
  const distinct = new Set(serials).size;
  const first = serials.length ? Math.min(...serials) : null;
  const last = serials.length ? Math.max(...serials) : null;
  // None issued is vacuously gap-free (the answers other than 200 count as spurious).
  const contiguous = first === null || last === null || (serials.every(Number.isInteger) && distinct === serials.length && last - first + 1 === serials.length);
  return {
    n,
    repeat,
    path,
    sequence,
    loadAverage1m: measured.loadAverage1m,
    cpuBusyPercent: measured.cpuBusyPercent,
    wallMs: round(wallMs, 1),
    actionsPerSecond: round((n * 1000) / wallMs, 1),
    p50Ms: round(percentile(answers.map((a) => a.ms), 50), 1),
    p99Ms: round(percentile(answers.map((a) => a.ms), 99), 1),
    answers: countBy(answers.map((a) => (a.code ? `${a.status} ${a.code}` : String(a.status)))),
    spurious: answers.filter((a) => a.status !== 200).length,
    numbers: path === 'bare-own-counter' ? null : { issued: serials.length, distinct, first, last, contiguous },
    transactionsPerAction: requests === null ? null : round((requests.TransactWriteItems ?? 0) / n, 2),
    requestsPerAction: requests === null ? null : Object.fromEntries(Object.entries(requests).map(([operation, count]) => [operation, round(count / n, 2)])),
  };
}

async function main(): Promise<void> {
  const sizes = (process.env.BENCH_STAFF_SIZES ?? '10,50,100').split(',').map(Number);
  const repeats = Number(process.env.BENCH_STAFF_REPEATS ?? 3);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(repeats) || repeats < 1) throw new Error('BENCH_STAFF_SIZES: whole numbers, BENCH_STAFF_REPEATS ≥ 1');
  const largest = Math.max(...sizes);
  // The handler's log lines and metrics (formatted and written as always) are not shown here: a burst
  // would bury the results.
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: unknown, ...rest: never[]) =>
    typeof chunk === 'string' && /^\{"(level|_aws)"/.test(chunk) ? true : write(chunk as string, ...rest)) as typeof process.stdout.write;
  const log = (line: string) => console.log(line);
  warnIfBusy(log);
  const atStart = await measureMachine();
  const ports = await benchPorts();
  const stack = await startStack({ ports, h5: 'none', progress: (step) => log(`• ${step}`) });
  const doc = DynamoDBDocumentClient.from(localDynamoClient(stack.dynamodbEndpoint), { marshallOptions: { removeUndefinedValues: true } });
  try {
    process.env.API_URL = stack.apiUrl;
    process.env.WECHAT_URL = stack.wechatUrl;
    const TableName = stack.tableName;
    const item = await travelAgencyItem();
    const applicant = await newUser();
    // Sessions last 15 minutes; a long run signs in again before each staff round (untimed).
    let staff = (await signInAs('city-pre_review')).accessToken;
    const body = await completeApplication(applicant, item, TRAVEL_AGENCY_FIELDS);
    await waitForVerdicts(stack.dynamodbEndpoint, TableName, Object.values(body.materials).flat().map((file) => file.key));

    const submit = functionInProcess(stack, 'submitApplication');
    const view = functionInProcess(stack, 'getStaffCase');
    const act = functionInProcess(stack, 'actOnCase');
    const event = (token: string, method: string, pathParameters: Record<string, string>, payload?: unknown, headers: Record<string, string> = {}) => ({
      version: '2.0',
      routeKey: `${method} bench`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      pathParameters,
      queryStringParameters: {},
      requestContext: { requestId: randomUUID(), http: { method, sourceIp: '127.0.0.1' } },
      body: payload === undefined ? undefined : JSON.stringify(payload),
      isBase64Encoded: false,
    });

    // The requests of the handler, counted on the functions' own DynamoDB client, and of the bare rounds,
    // on this script's (used by nothing else during a round).
    const { dynamo } = require(path.join(REPO_ROOT, 'functions/src/platform/dynamodb')) as typeof import('../functions/src/platform/dynamodb');
    const handlerRequests = requestCounter(dynamo());
    const bareRequests = requestCounter(doc);
    // The bare rounds wait for their turns as long as the handler may (the local stage's actOnCase timeout).
    const waitBudgetMs = functionTimeoutSeconds(stack, 'actOnCase') * 1000 - TURN_RESERVE_MS;

    // Every case the staff rounds accept, submitted and read (version) beforehand, untimed.
    const staffRounds = (largest + repeats * sizes.reduce((a, b) => a + b, 0)) * 2;
    log(`• submitting ${staffRounds} cases of 黄山市 (in process, 4 at a time) and reading their versions as staff`);
    const prepared = performance.now();
    const cases = await pool(staffRounds, 4, async () => {
      const created = await submit(event(applicant, 'POST', {}, body, { 'idempotency-key': randomUUID() }));
      if (created.statusCode !== 201) throw new Error(`submission: ${created.statusCode} ${created.body}`);
      const caseNumber = JSON.parse(created.body!).caseNumber as string;
      const seen = await view(event(staff, 'GET', { caseNumber }));
      if (seen.statusCode !== 200) throw new Error(`staff view: ${seen.statusCode} ${seen.body}`);
      const detail = JSON.parse(seen.body!) as { version: number; status: string };
      if (detail.status !== 'pre_review') throw new Error(`case ${caseNumber} is ${detail.status}, not pre_review`);
      return { caseNumber, version: detail.version };
    });
    log(`  done in ${round((performance.now() - prepared) / 1000, 1)} s`);
    let nextCase = 0;
    const takeCases = (n: number) => cases.slice(nextCase, (nextCase += n));

    const httpAccept = (c: { caseNumber: string; version: number }) => async (): Promise<Answer> => {
      const res = await fetch(`${stack.apiUrl}/staff/cases/${c.caseNumber}/actions`, {
        method: 'POST',
        headers: asUser(staff, { 'Content-Type': 'application/json' }),
        body: JSON.stringify({ action: 'accept', opinion: OPINION, version: c.version }),
      });
      return answerOf(res.status, await res.text());
    };
    const inProcessAccept = (c: { caseNumber: string; version: number }) => async (): Promise<Answer> => {
      const res = await act(event(staff, 'POST', { caseNumber: c.caseNumber }, { action: 'accept', opinion: OPINION, version: c.version }));
      return answerOf(res.statusCode, res.body ?? '');
    };
    const primeHttp = async (n: number) => {
      const began = performance.now();
      const request = { method: 'POST', headers: asUser(staff, { 'Content-Type': 'application/json' }), body: JSON.stringify({ action: 'accept', opinion: OPINION, version: 1 }) };
      await Promise.all(Array.from({ length: n }, () => fetch(`${stack.apiUrl}/staff/cases/NOSUCHCASE/actions`, request).then((r) => r.text())));
      return round(performance.now() - began, 1);
    };

    const rounds: Round[] = [];
    /** What every staff action was answered, for the run-wide check of the document numbers. */
    const staffAnswers: Answer[] = [];
    let template: BareTemplate | undefined;
    const run = async (n: number, repeat: number, pathName: PathName) => {
      const tag = repeat === 0 ? 'warm-up' : `repetition ${repeat}`;
      let primingMs: number | undefined;
      let fire: (i: number) => Promise<Answer>;
      if (pathName === 'http' || pathName === 'in-process') {
        const mine = takeCases(n);
        staff = (await signInAs('city-pre_review')).accessToken;
        if (pathName === 'http') primingMs = await primeHttp(n);
        fire = (i) => (pathName === 'http' ? httpAccept(mine[i]!) : inProcessAccept(mine[i]!))();
      } else {
        template ??= await bareTemplate(doc, TableName, rounds, cases);
        const bare = await prepareBare(doc, TableName, template, n, pathName === 'bare', waitBudgetMs);
        fire = (i) => bare[i]!();
      }
      const counted = pathName === 'in-process' ? handlerRequests : pathName === 'http' ? undefined : bareRequests;
      const before = counted?.();
      const measured = await burst(n, fire);
      const requests = counted && before ? difference(counted(), before) : null;
      const result = summariseRound(n, repeat, pathName, rounds.length, measured, requests);
      if (primingMs !== undefined) result.primingMs = primingMs;
      rounds.push(result);
      if (pathName === 'http' || pathName === 'in-process') staffAnswers.push(...measured.answers);
      log(
        `  ${tag}, N=${n}, ${pathName}: ${result.wallMs} ms, ${result.actionsPerSecond}/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ` +
          `${JSON.stringify(result.answers)}${result.numbers ? `, numbers ${result.numbers.issued ? `${result.numbers.first}–${result.numbers.last}` : 'none'}${result.numbers.contiguous ? '' : ' NOT UNIQUE AND GAP-FREE'}` : ''}` +
          `${result.requestsPerAction === null ? '' : `, per action ${JSON.stringify(result.requestsPerAction)}`} (load ${result.loadAverage1m}, CPUs ${result.cpuBusyPercent} % busy)`,
      );
      await stack.streams.drain(180_000);
    };

    const order: PathName[] = ['http', 'bare', 'in-process', 'bare', 'bare-own-counter'];
    log(`• warm-up: one round of each path at N=${largest} (untimed)`);
    for (const pathName of order) await run(largest, 0, pathName);
    for (let repeat = 1; repeat <= repeats; repeat += 1) {
      log(`• repetition ${repeat} of ${repeats}`);
      for (const n of sizes) for (const pathName of order) await run(n, repeat, pathName);
    }

    const staffNumbers = await organisationNumbers(doc, TableName, template!.organisationCode, staffAnswers);
    const measuredRounds = rounds.filter((r) => r.repeat > 0);
    const summary = sizes.map((n) => summarise(n, measuredRounds.filter((r) => r.n === n)));
    const results = {
      date: new Date().toISOString(),
      machine: atStart,
      settings: { sizes, repeats, order, organisation: template!.organisationName, item: item.name, stallMs: STALL_MS, waitBudgetMs },
      summary,
      staffDocumentNumbers: staffNumbers,
      rounds,
    };
    writeJson(process.env.BENCH_STAFF_OUT ?? path.join(RESULTS_DIR, 'staff-actions.json'), results);
    log('');
    log(machineLine(atStart));
    log(markdown(summary));
    log(
      `Acceptance-notice numbers of the organisation this year, all rounds (warm-up included): ${staffNumbers.issued} issued by ${staffNumbers.accepted} accepts, ` +
        `${staffNumbers.distinct} distinct, ${staffNumbers.contiguousFromOne ? `exactly 1–${staffNumbers.issued}` : 'NOT 1…K'}, counter at ${staffNumbers.counter}`,
    );
    const spurious = rounds.reduce((sum, r) => sum + r.spurious, 0);
    if (spurious > 0 || !staffNumbers.contiguousFromOne || rounds.some((r) => r.numbers && !r.numbers.contiguous)) {
      log(`Problems: ${spurious} answer(s) other than 200 or numbers not unique and gap-free (see the rounds in the JSON).`);
      process.exitCode = 1;
    }
  } finally {
    doc.destroy();
    await stack.stop();
  }
}

function answerOf(status: number, text: string): Answer {
  let parsed: { code?: string; documents?: { kind: string; number: string }[] } = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    // A non-JSON answer is counted by its status alone.
  }
  const number = parsed.documents?.find((d) => d.kind === 'acceptance_notice')?.number;
  return { status, ...(status === 200 ? {} : { code: parsed.code ?? 'no code' }), ...(number ? { number } : {}) };
}

interface BareTemplate {
  /** META as an accept wrote it. */
  after: CaseRecord;
  /** The version it had before. */
  versionBefore: number;
  step: { sk: string; step: StepRecord };
  event: NotificationEvent;
  timer: Timer;
  organisationCode: string;
  organisationName: string;
  year: number;
}

/** The rows one accepted case of the warm-up holds: what every bare transaction writes again, with fresh keys. */
async function bareTemplate(doc: DynamoDBDocumentClient, TableName: string, rounds: Round[], cases: { caseNumber: string; version: number }[]): Promise<BareTemplate> {
  if (!rounds.some((r) => r.path === 'http' && r.answers['200'])) throw new Error('no accepted case to copy the bare transaction from');
  const accepted = cases[0]!;
  const { Items = [] } = await doc.send(new QueryCommand({ TableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': casePartition(accepted.caseNumber) } }));
  const meta = Items.find((row) => row.sk === 'META')!.record as CaseRecord;
  const step = Items.find((row) => row.entity === 'CaseStep' && (row.step as StepRecord).event.action === 'accept');
  const outbox = Items.find((row) => row.entity === 'Outbox' && (row.event as NotificationEvent).type === 'accepted');
  const timer = Items.find((row) => row.entity === 'Timer' && (row.timer as Timer).kind === 'deadline');
  if (meta.status !== 'accepted' || !step || !outbox || !timer) throw new Error(`case ${accepted.caseNumber} does not hold an accept's rows`);
  const number = (step.step as StepRecord).document!.number;
  return {
    after: meta,
    versionBefore: accepted.version,
    step: { sk: step.sk as string, step: step.step as StepRecord },
    event: outbox.event as NotificationEvent,
    timer: timer.timer as Timer,
    organisationCode: meta.organisationCode,
    organisationName: meta.organisationName,
    year: Number(SERIAL.exec(number)![1]),
  };
}

/**
 * N fresh cases shaped like the template, as they were before the accept (written untimed), and for each
 * the accept's transaction: on one shared counter (`contended`) or each on its own, retried like the server.
 */
async function prepareBare(doc: DynamoDBDocumentClient, TableName: string, t: BareTemplate, n: number, contended: boolean, waitBudgetMs: number) {
  const caseNumbers = Array.from({ length: n }, () => `${t.after.caseNumber.slice(0, -10)}${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`);
  for (let i = 0; i < n; i += 25) {
    const batch = caseNumbers.slice(i, i + 25).map((caseNumber) => ({ PutRequest: { Item: caseRecordItem({ ...t.after, caseNumber, status: 'pre_review', version: t.versionBefore }) } }));
    await doc.send(new BatchWriteCommand({ RequestItems: { [TableName]: batch } }));
  }
  const kind = 'acceptance_notice' as const;
  return caseNumbers.map((caseNumber) => async (): Promise<Answer> => {
    const key = { pk: `ORG#${t.organisationCode}`, sk: `COUNTER#${kind}#${t.year}#bench${contended ? '' : `#${caseNumber}`}` };
    // As the lifecycle does (document-counter.ts): a ticket, the wait for its turn, then the transaction
    // that issues the turn's number.
    const accept = async (turn: Turn) => {
      const number = documentNumber(kind, t.organisationName, t.year, turn.number);
      const at = new Date().toISOString();
      const base = { ...t.event, caseNumber, eventId: newEventId(), occurredAt: at };
      const items = [
        {
          Put: {
            TableName,
            Item: caseRecordItem({ ...t.after, caseNumber }),
            ConditionExpression: '#record.version = :version',
            ExpressionAttributeNames: { '#record': 'record' },
            ExpressionAttributeValues: { ':version': t.versionBefore },
          },
        },
        { Put: { TableName, Item: { pk: casePartition(caseNumber), sk: t.step.sk, entity: 'CaseStep', step: { ...t.step.step, document: { ...t.step.step.document!, number } } }, ConditionExpression: 'attribute_not_exists(pk)' } },
        turn.update,
        outboxPut(TableName, base),
        timerPut(TableName, { ...t.timer, caseNumber, event: { ...t.timer.event, caseNumber }, ...(t.timer.then ? { then: { ...t.timer.then, event: { ...t.timer.then.event, caseNumber } } } : {}) }),
      ];
      await sendStep(doc, items, turn);
      return number;
    };
    try {
      return { status: 200, number: await inTurn(doc, TableName, key, accept, { waitBudgetMs }) };
    } catch (error) {
      if (error instanceof AppError) return { status: error.status, code: error.code };
      if (error instanceof TransactionCanceledException) return { status: 409, code: 'CASE_VERSION_CONFLICT' };
      return { status: 500, code: (error as Error).name };
    }
  });
}

/** Every acceptance-notice number the staff rounds were answered with, against the organisation's counter. */
async function organisationNumbers(doc: DynamoDBDocumentClient, TableName: string, organisation: string, answers: Answer[]) {
  const answered = answers.filter((a) => a.status === 200);
  const serials = answered.map((a) => serialOf(a.number));
  const years = new Set(answered.map((a) => SERIAL.exec(a.number ?? '')?.[1]));
  const [year] = [...years];
  const { Item } = await doc.send(new GetCommand({ TableName, Key: { pk: `ORG#${organisation}`, sk: `COUNTER#acceptance_notice#${year}` }, ConsistentRead: true }));
  const distinct = new Set(serials).size;
  const sorted = [...serials].sort((a, b) => a - b);
  return {
    accepted: answered.length,
    issued: serials.filter(Number.isInteger).length,
    distinct,
    years: [...years],
    contiguousFromOne: years.size === 1 && distinct === serials.length && sorted.every((s, i) => s === i + 1),
    counter: Number(Item?.n ?? 0),
  };
}

interface PathSummary {
  rounds: number;
  answers: Record<string, number>;
  spurious: number;
  numbersUniqueAndGapFree: boolean | null;
  wallMs: { median: number; min: number; max: number };
  actionsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  transactionsPerAction: number | null;
  /** Median per operation over the rounds. */
  requestsPerAction: Record<string, number> | null;
  loadAverage1m: number[];
  cpuBusyPercent: number[];
}

function summarise(n: number, rounds: Round[]) {
  const of = (p: PathName) => rounds.filter((r) => r.path === p);
  const paths = Object.fromEntries(
    PATHS.map((p) => {
      const list = of(p);
      const walls = list.map((r) => r.wallMs);
      const tpa = list.map((r) => r.transactionsPerAction).filter((v): v is number => v !== null);
      return [
        p,
        {
          rounds: list.length,
          answers: countBy(list.flatMap((r) => Object.entries(r.answers).flatMap(([k, c]) => Array<string>(c).fill(k)))),
          spurious: list.reduce((sum, r) => sum + r.spurious, 0),
          numbersUniqueAndGapFree: p === 'bare-own-counter' ? null : list.every((r) => r.numbers?.contiguous),
          wallMs: { median: round(median(walls), 1), min: round(Math.min(...walls), 1), max: round(Math.max(...walls), 1) },
          actionsPerSecond: round(median(list.map((r) => r.actionsPerSecond)), 1),
          p50Ms: round(median(list.map((r) => r.p50Ms)), 1),
          p99Ms: round(median(list.map((r) => r.p99Ms)), 1),
          transactionsPerAction: tpa.length ? round(median(tpa), 2) : null,
          requestsPerAction: medianPerOperation(list.map((r) => r.requestsPerAction).filter((v): v is Record<string, number> => v !== null)),
          loadAverage1m: list.map((r) => r.loadAverage1m),
          cpuBusyPercent: list.map((r) => r.cpuBusyPercent),
        },
      ];
    }),
  ) as Record<PathName, PathSummary>;
  // Each staff round against the bare round beside it: http with the bare round after it, in-process with the one before.
  const pairRatios = (staffPath: 'http' | 'in-process') =>
    of(staffPath).map((r) => {
      const bare = rounds.find((b) => b.path === 'bare' && b.sequence === r.sequence + (staffPath === 'http' ? 1 : -1))!;
      return r.wallMs / bare.wallMs;
    });
  const ratio = (values: number[]) => ({ median: round(median(values), 2), min: round(Math.min(...values), 2), max: round(Math.max(...values), 2) });
  return {
    n,
    paths,
    /** Staff wall time ÷ the paired bare round's (= bare throughput ÷ staff throughput). */
    wallRatioToBare: { http: ratio(pairRatios('http')), inProcess: ratio(pairRatios('in-process')) },
  };
}

function medianPerOperation(rounds: Record<string, number>[]): Record<string, number> | null {
  if (!rounds.length) return null;
  const operations = [...new Set(rounds.flatMap((r) => Object.keys(r)))].sort();
  return Object.fromEntries(operations.map((operation) => [operation, round(median(rounds.map((r) => r[operation] ?? 0)), 2)]));
}

/** The requests other than transactions, e.g. "GetItem 5.2, UpdateItem 1". */
const otherRequests = (requests: Record<string, number> | null) =>
  requests
    ? Object.entries(requests)
        .filter(([operation]) => operation !== 'TransactWriteItems')
        .map(([operation, count]) => `${operation} ${count}`)
        .join(', ')
    : '—';

function markdown(summary: ReturnType<typeof summarise>[]): string {
  const rows = summary.flatMap((s) =>
    PATHS.map((p) => {
      const x = s.paths[p];
      const answers = Object.entries(x.answers).map(([k, c]) => `${k}×${c}`).join(', ');
      const ratio = p === 'http' ? s.wallRatioToBare.http : p === 'in-process' ? s.wallRatioToBare.inProcess : undefined;
      return [
        s.n,
        LABEL[p],
        answers,
        x.spurious,
        x.numbersUniqueAndGapFree === null ? '—' : x.numbersUniqueAndGapFree ? 'yes' : '**no**',
        `${x.wallMs.median} (${x.wallMs.min}–${x.wallMs.max})`,
        x.actionsPerSecond,
        x.p50Ms,
        x.p99Ms,
        x.transactionsPerAction ?? '—',
        otherRequests(x.requestsPerAction),
        ratio ? `×${ratio.median} (${ratio.min}–${ratio.max})` : '—',
      ];
    }),
  );
  return table(
    ['N', 'path', 'answers (all rounds)', 'spurious', 'numbers unique, gap-free', 'wall ms, median (range)', 'actions/s', 'p50 ms', 'p99 ms', 'transactions per action', 'other requests per action', 'wall ÷ bare beside it'],
    rows,
    ['r', 'l', 'l', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'l', 'r'],
  );
}

runIfMain(module, main);
