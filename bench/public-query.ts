/**
 * The public progress query must not tell, by its timing, whether a case number exists: an unknown
 * number and a known number with the wrong name get the same answer, and should take the same time.
 * This measures the answer time of four kinds of query against the local stack, interleaved:
 *   match          the right number and the applicant's name
 *   wrong name     a real number, another name
 *   wrong mobile   a real number, other last four digits
 *   unknown        a number that does not exist
 * once with the response-time floor the function applies (PUBLIC_QUERY_FLOOR_MS, default 400 ms) and
 * once without it (0), to show what the floor hides.
 *
 *   npx tsx bench/public-query.ts
 *
 * BENCH_PQ_ROUNDS (default 40) rounds of the four kinds, BENCH_PQ_FLOORS (default "400,0"). Every
 * request comes from its own loopback address (127.1.x.y), so the per-client limit (30 a minute) does
 * not interfere. Results: bench/results/public-query.json and a markdown table.
 */
import { request } from 'node:http';
import path from 'node:path';
import { startStack, type RunningStack } from '../scripts/local/stack';
import { RESULTS_DIR, machineLine, measureMachine, percentile, round, runIfMain, table, warnIfBusy, writeJson } from './common';

const PORTS = { dynamodb: 8600, s3: 5169, api: 3600, lambda: 3602, h5: 10686, wechat: 3610 };
const KINDS = ['match', 'wrong name', 'wrong mobile', 'unknown'] as const;
type Kind = (typeof KINDS)[number];

let address = 0;
/** A new client address for every request: 127.1.0.1, 127.1.0.2, … */
const nextClient = () => {
  address += 1;
  return `127.1.${Math.floor(address / 250)}.${(address % 250) + 1}`;
};

function post(apiUrl: string, body: unknown): Promise<{ status: number; ms: number }> {
  const url = new URL('/public/progress', apiUrl);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress: nextClient(), headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

interface KindResult {
  kind: Kind;
  status: number;
  n: number;
  medianMs: number;
  p90Ms: number;
  p99Ms: number;
  minMs: number;
  maxMs: number;
}

async function measure(stack: RunningStack, rounds: number, log: (line: string) => void): Promise<KindResult[]> {
  process.env.API_URL = stack.apiUrl;
  process.env.WECHAT_URL = stack.wechatUrl;
  // The test helpers drive the API exactly as the phone does; imported late, after the URLs are set.
  const { finishedCase } = await import('../test/support/evaluations');
  const { caseNumber } = await finishedCase();
  const bodies: Record<Kind, unknown> = {
    match: { caseNumber, name: '黄山云海旅行社有限公司' },
    'wrong name': { caseNumber, name: '张三' },
    'wrong mobile': { caseNumber, mobileLast4: '0000' },
    unknown: { caseNumber: `${caseNumber.slice(0, 14)}ZZZZZZZZ`, name: '黄山云海旅行社有限公司' },
  };
  log('• warming up');
  for (let i = 0; i < 5; i += 1) for (const kind of KINDS) await post(stack.apiUrl, bodies[kind]);
  const samples = new Map<Kind, { status: number; ms: number }[]>(KINDS.map((k) => [k, []]));
  for (let r = 0; r < rounds; r += 1) {
    for (const kind of shuffled(KINDS)) samples.get(kind)!.push(await post(stack.apiUrl, bodies[kind]));
  }
  return KINDS.map((kind) => {
    const list = samples.get(kind)!;
    const ms = list.map((s) => s.ms);
    const statuses = [...new Set(list.map((s) => s.status))];
    if (statuses.length !== 1) throw new Error(`${kind}: mixed statuses ${statuses.join(', ')}`);
    return {
      kind,
      status: statuses[0]!,
      n: ms.length,
      medianMs: round(percentile(ms, 50)),
      p90Ms: round(percentile(ms, 90)),
      p99Ms: round(percentile(ms, 99)),
      minMs: round(Math.min(...ms)),
      maxMs: round(Math.max(...ms)),
    };
  });
}

async function main(): Promise<void> {
  const log = (line: string) => console.log(line);
  const rounds = Number(process.env.BENCH_PQ_ROUNDS ?? 40);
  const floors = (process.env.BENCH_PQ_FLOORS ?? '400,0').split(',').map(Number);
  warnIfBusy(log);
  const machine = await measureMachine();
  const runs: { floorMs: number; kinds: KindResult[] }[] = [];
  for (const floorMs of floors) {
    process.env.PUBLIC_QUERY_FLOOR_MS = String(floorMs);
    // The bench asks about one case number with wrong names on purpose: lift the per-case lock on failures.
    process.env.PUBLIC_QUERY_FAILURES_PER_CASE = String(10 * rounds);
    log(`• starting the local stack with a ${floorMs} ms floor`);
    const stack = await startStack({ ports: PORTS, h5: 'none', progress: (step) => log(`  ${step}`) });
    try {
      runs.push({ floorMs, kinds: await measure(stack, rounds, log) });
    } finally {
      await stack.stop();
    }
  }
  writeJson(path.join(RESULTS_DIR, 'public-query.json'), { date: new Date().toISOString(), machine, rounds, runs });
  log(`\n${machineLine(machine)}; ${rounds} rounds of each kind, interleaved\n`);
  for (const run of runs) {
    const match = run.kinds.find((k) => k.kind === 'match')!;
    log(`Floor ${run.floorMs} ms:\n`);
    log(
      table(
        ['query', 'status', 'median ms', 'p90 ms', 'p99 ms', 'min ms', 'max ms', 'median − match'],
        run.kinds.map((k) => [k.kind, k.status, k.medianMs, k.p90Ms, k.p99Ms, k.minMs, k.maxMs, round(k.medianMs - match.medianMs)]),
        ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
    );
    log('');
  }
}

runIfMain(module, main);
