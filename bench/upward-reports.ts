/**
 * Reporting upward (functions/src/reports/): a burst of 1,000 case steps' report rows, written the way a
 * step writes them (reportPut of caseStepReport, one Put each, the steps of one case one after another and
 * cases at once), delivered by the stream's dispatcher to the provincial platform's stand-in. Measured:
 * reports delivered per second (first write → last record the stand-in took), the lag from each change to
 * the stand-in (p50, p99), and in the same run the bare DynamoDB write rate: the same number of Puts of
 * items of the same size that nothing reads from the stream, with the same concurrency, before and after
 * the burst (interleaved, so a busier machine shows in both).
 *
 *   npx tsx bench/upward-reports.ts
 *
 * BENCH_REPORT_STEPS (default 1000) steps in the burst, BENCH_REPORT_CASES (default 100) cases they belong
 * to, BENCH_REPORT_WRITERS (default 8) writes in flight, BENCH_REPORT_TIMEOUT (default 600) seconds to wait
 * for delivery, BENCH_REPORT_OUT (default bench/results/upward-reports.json). Ports as `npm start` reads them.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { formatCaseNumber } from '@ah-tourism/shared';
import { caseStepReport } from '../functions/src/cases/portal-records';
import type { CaseRecord, EventRecord } from '../functions/src/cases/records';
import { reportPut } from '../functions/src/reports/outbox';
import { localDynamoClient } from '../scripts/local/dynamodb-local';
import type { ReceivedRecord } from '../scripts/local/portal-report-standin';
import { portsFromEnv, startStack } from '../scripts/local/stack';
import { RESULTS_DIR, machineLine, measureMachine, percentile, round, runIfMain, table, warnIfBusy, writeJson } from './common';

const PORTS = portsFromEnv({ dynamodb: 8500, s3: 5069, api: 3500, lambda: 3502, h5: 10586, wechat: 3510 });
const ORGANISATION = '113410000039113649';
const ACTIONS: [string, CaseRecord['status']][] = [
  ['accept', 'accepted'],
  ['start_special_procedure', 'special_procedure'],
  ['end_special_procedure', 'accepted'],
  ['complete_review', 'reviewed'],
  ['approve', 'approved'],
  ['deliver', 'delivered'],
  ['close', 'closed'],
  ['mark_commitment_false', 'closed'],
];

function caseRecord(caseNumber: string): CaseRecord {
  return {
    caseNumber,
    status: 'pre_review',
    version: 1,
    implementationCode: '01001170003341000113410000039113649',
    itemName: '旅行社业务经营许可',
    organisationName: '黄山市文化和旅游局',
    organisationCode: ORGANISATION,
    regionCode: '341000',
    submitterUserId: 'u_bench',
    applicantKind: 'enterprise',
    applicantDisplayName: '黄山云海旅行社有限公司',
    guideVersion: 1,
    submittedAt: new Date().toISOString(),
    clock: { completion: { startedAt: new Date().toISOString(), dueAt: new Date(Date.now() + 20 * 86_400_000).toISOString() } },
  };
}

/** The Put of step `n` of a case, as the step's transaction carries it. */
function stepPut(tableName: string, caseNumber: string, n: number) {
  const [action, to] = ACTIONS[n % ACTIONS.length]!;
  const at = new Date().toISOString();
  const history: EventRecord = { at, seq: n + 2, action, from: 'pre_review', to, by: 'staff', actorId: 's_bench', actorName: '王预审', opinion: '材料齐全，符合条件' };
  return reportPut(tableName, caseStepReport({ next: { ...caseRecord(caseNumber), status: to }, history, auditSeq: n + 2 })).Put;
}

/** Runs `count` writes of `steps` per case, cases `writers` at a time, each case's in order; returns the wall time. */
async function writeAll(cases: string[], stepsPerCase: number[], writers: number, write: (caseNumber: string, n: number) => Promise<unknown>): Promise<number> {
  const queue = cases.map((c, i) => [c, stepsPerCase[i]!] as const);
  const started = Date.now();
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) for (let n = 0; n < next[1]; n += 1) await write(next[0], n);
  };
  await Promise.all(Array.from({ length: writers }, worker));
  return Date.now() - started;
}

async function received(wechatUrl: string): Promise<ReceivedRecord[]> {
  const res = await fetch(`${wechatUrl}/__control/portal/records`);
  return ((await res.json()) as { records: ReceivedRecord[] }).records;
}

async function main(): Promise<void> {
  const steps = Number(process.env.BENCH_REPORT_STEPS ?? 1000);
  const caseCount = Number(process.env.BENCH_REPORT_CASES ?? 100);
  const writers = Number(process.env.BENCH_REPORT_WRITERS ?? 8);
  const timeoutMs = Number(process.env.BENCH_REPORT_TIMEOUT ?? 600) * 1000;
  const out = process.env.BENCH_REPORT_OUT ?? path.join(RESULTS_DIR, 'upward-reports.json');
  const log = (line: string) => console.log(line);
  warnIfBusy(log);
  const atStart = await measureMachine();
  const stack = await startStack({ ports: PORTS, h5: 'none', progress: (step) => log(`• ${step}`) });
  const client = localDynamoClient(stack.dynamodbEndpoint);
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const TableName = stack.tableName;
  try {
    const today = new Date().toISOString().slice(0, 10);
    const cases = Array.from({ length: caseCount }, () => formatCaseNumber(today, '341000', randomBytes(5)));
    const perCase = cases.map((_, i) => Math.floor(steps / caseCount) + (i < steps % caseCount ? 1 : 0));

    /** The floor: the same items, same size and concurrency, under a kind the stream's readers pass over. */
    const floor = async (label: string) => {
      const ms = await writeAll(cases, perCase, writers, (caseNumber, n) => {
        const put = stepPut(TableName, caseNumber, n);
        return doc.send(new PutCommand({ TableName, Item: { ...put.Item, pk: `BENCHFLOOR#${label}#${caseNumber}`, kind: 'bench_floor', gsi2pk: undefined, gsi2sk: undefined } }));
      });
      return { ms, perSecond: round((steps / ms) * 1000, 0) };
    };

    log('• warming up (20 reports)');
    const warm = Array.from({ length: 4 }, () => formatCaseNumber(today, '341000', randomBytes(5)));
    await writeAll(warm, [5, 5, 5, 5], 4, (c, n) => doc.send(new PutCommand(stepPut(TableName, c, n))));
    const warmDeadline = Date.now() + 120_000;
    while ((await received(stack.wechatUrl)).length < 20 && Date.now() < warmDeadline) await new Promise((r) => setTimeout(r, 250));
    await fetch(`${stack.wechatUrl}/__control/portal/reset`, { method: 'POST' });

    log('• bare writes (before)');
    const before = await floor('a');
    log(`• burst of ${steps} case steps (${caseCount} cases)`);
    const writtenAt = new Map<string, number>();
    const burstStart = Date.now();
    const writeMs = await writeAll(cases, perCase, writers, async (caseNumber, n) => {
      const put = stepPut(TableName, caseNumber, n);
      await doc.send(new PutCommand(put));
      writtenAt.set(put.Item.report.messageId, Date.parse(put.Item.changedAt));
    });
    const deadline = Date.now() + timeoutMs;
    let records: ReceivedRecord[] = [];
    for (;;) {
      records = await received(stack.wechatUrl);
      if (records.length >= steps || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const lastAt = Math.max(...records.map((r) => Date.parse(r.receivedAt)));
    log('• bare writes (after)');
    const after = await floor('b');

    const lags = records.map((r) => Date.parse(r.receivedAt) - (writtenAt.get(r.messageId) ?? Number.NaN)).filter((x) => Number.isFinite(x));
    const problems: string[] = [];
    if (records.length < steps) problems.push(`${steps - records.length} reports not delivered within the timeout`);
    if (new Set(records.map((r) => r.messageId)).size !== records.length) problems.push('a report was taken twice');
    const byCase = new Map<string, number[]>();
    for (const r of records) byCase.set(r.caseNumber!, [...(byCase.get(r.caseNumber!) ?? []), (r.record as { stepSeq: number }).stepSeq]);
    for (const [c, seqs] of byCase) if (seqs.some((s, i) => i > 0 && s < seqs[i - 1]!)) problems.push(`case ${c} out of order`);

    const floorPerSecond = round((before.perSecond + after.perSecond) / 2, 0);
    const result = {
      steps,
      cases: caseCount,
      writers,
      reportWritesPerSecond: round((steps / writeMs) * 1000, 0),
      bareWritesPerSecond: { before: before.perSecond, after: after.perSecond, mean: floorPerSecond },
      deliveredPerSecond: round((records.length / (lastAt - burstStart)) * 1000, 1),
      lagMs: { p50: Math.round(percentile(lags, 50)), p99: Math.round(percentile(lags, 99)), max: Math.max(...lags) },
      problems,
    };
    writeJson(out, { date: new Date().toISOString(), machine: atStart, result });
    log('');
    log(machineLine(atStart));
    log(
      table(
        ['steps', 'report rows written/s', 'bare Puts/s (before, after)', 'delivered/s', 'delivered ÷ bare', 'lag p50 ms', 'lag p99 ms', 'problems'],
        [[steps, result.reportWritesPerSecond, `${before.perSecond}, ${after.perSecond}`, result.deliveredPerSecond, `${Math.round((result.deliveredPerSecond / floorPerSecond) * 100)} %`, result.lagMs.p50, result.lagMs.p99, problems.length]],
        ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
    );
    for (const problem of problems) log(`PROBLEM: ${problem}`);
    if (problems.length) process.exitCode = 1;
  } finally {
    client.destroy();
    await stack.stop();
  }
}

runIfMain(module, main);
