/**
 * The guide GET against its floor, interleaved in one run on the local stack:
 *   guide      GET /catalog/items/{code}                      (the real function)
 *   guide-304  the same with a matching If-None-Match         (the real function)
 *   floor      GET /__bench/guide-floor/{code}                (a function doing one bare GetItem of the
 *              guide record and answering it as stored)
 * all through the same path: HTTP → serverless offline → simulated Lambda → DynamoDB Local.
 *
 *   npx tsx bench/guide.ts
 *
 * For each connection count, after a warm-up of every path, BENCH_GUIDE_CYCLES cycles (default 12) run
 * the three paths one after another for BENCH_GUIDE_ROUND seconds each (default 2) at that many
 * connections, rotating which path goes first, so noise from the rest of the machine falls on all
 * three alike. Latencies are pooled per path over all cycles; each cycle also gives its own ratios.
 *
 * The floor function is declared only in serverless.bench.yml (serverless.yml plus bench functions),
 * which this script passes to `serverless offline --config`; `serverless package` never reads it.
 * Ports (its own local stack: DynamoDB Local and serverless offline only): DYNAMODB_PORT (8700),
 * API_PORT (3700), LAMBDA_PORT (3702). BENCH_CONNECTIONS (1,10), BENCH_GUIDE_WARMUP (3 s per path),
 * BENCH_GUIDE_LABEL (names bench/results/guide-<label>.json; default guide.json).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCatalogSeed } from '../scripts/seed/catalog-data';
import { localDynamoClient, startDynamoDbLocal } from '../scripts/local/dynamodb-local';
import { SERVERLESS_BIN } from '../scripts/local/paths';
import { assertPortFree, startProcess, waitFor, type Managed } from '../scripts/local/process';
import { catalogRecords, putAll } from '../scripts/local/seed';
import { portsFromEnv, serverlessEnv, type StackPorts } from '../scripts/local/stack';
import { ensureTables, printServerless, tableDefinitions } from '../scripts/local/tables';
import {
  REPO_ROOT,
  RESULTS_DIR,
  machine,
  machineLine,
  measureMachine,
  percentile,
  round,
  runIfMain,
  table,
  warnIfBusy,
  writeJson,
  type Machine,
} from './common';

export const GUIDE_BENCH_PORTS: StackPorts = { dynamodb: 8700, s3: 5269, api: 3700, lambda: 3702, h5: 10786, wechat: 3710 };
const BENCH_CONFIG = 'serverless.bench.yml';
const KEYWORD = '导游';

type PathName = 'guide' | 'guide-304' | 'floor';

interface BenchPath {
  name: PathName;
  description: string;
  path: string;
  headers: Record<string, string>;
  expectedStatus: number;
}

interface PathFigures {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  unexpected: number;
}

interface ConnectionResult {
  connections: number;
  loadAverageAtStart: number[];
  paths: Record<PathName, PathFigures>;
  /** Pooled percentile of the path ÷ that of the floor. */
  ratios: Record<'guide' | 'guide-304', { p50: number; p99: number }>;
  /** The same ratio within each cycle (the three rounds of one cycle ran back to back). */
  cycleP99Ratios: Record<'guide' | 'guide-304', number[]>;
}

export interface GuideBenchResults {
  date: string;
  git: { commit: string; dirty: boolean } | null;
  machine: Machine;
  settings: { roundSeconds: number; cycles: number; warmupSeconds: number; connections: number[]; implementationCode: string; bodyBytes: number };
  results: ConnectionResult[];
  /** Source files of the functions changed during the run: serverless offline then rebuilt them cold. */
  disturbed: boolean;
}

function num(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name] ? Number(env[name]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

function gitState(): GuideBenchResults['git'] {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim() !== '';
    return { commit, dirty };
  } catch {
    return null;
  }
}

/** Newest modification time of the files serverless offline watches (custom.esbuild.watch). */
function newestSource(dirs = ['functions/src', 'shared/src', 'bench/functions']): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of dirs) walk(path.join(REPO_ROOT, dir));
  return newest;
}

/** DynamoDB Local with the table of serverless.yml and the catalog seed, and serverless offline with the bench config. */
async function startGuideStack(ports: StackPorts, progress: (line: string) => void): Promise<{ apiUrl: string; stop(): Promise<void> }> {
  const started: Managed[] = [];
  const stop = async () => {
    for (const service of started.reverse()) await service.stop().catch(() => undefined);
  };
  const env = { ...serverlessEnv(ports), API_PORT: String(ports.api), LAMBDA_PORT: String(ports.lambda) };
  try {
    const seed = loadCatalogSeed();
    await assertPortFree(ports.api, 'API (serverless offline)', 'API_PORT');
    await assertPortFree(ports.lambda, 'Lambda invoke endpoint (serverless offline)', 'LAMBDA_PORT');
    progress('starting DynamoDB Local and loading the catalog');
    const dynamodb = await startDynamoDbLocal(ports.dynamodb);
    started.push(dynamodb);
    const tables = tableDefinitions(await printServerless('local', env));
    const tableName = tables[0]?.create.TableName;
    if (!tableName) throw new Error('serverless.yml declares no DynamoDB table');
    const client = localDynamoClient(dynamodb.endpoint);
    try {
      await ensureTables(client, tables);
      await putAll(client, tableName, catalogRecords(seed));
    } finally {
      client.destroy();
    }
    progress(`starting serverless offline with ${BENCH_CONFIG}`);
    const { child, managed, output } = startProcess(
      'serverless offline',
      process.execPath,
      [SERVERLESS_BIN, 'offline', 'start', '--stage', 'local', '--config', BENCH_CONFIG],
      { cwd: REPO_ROOT, env: { ...process.env, ...env } },
    );
    started.push(managed);
    const apiUrl = `http://127.0.0.1:${ports.api}`;
    try {
      await waitFor('serverless offline', async () => (await fetch(`${apiUrl}/regions`)).status === 200, 180_000, child);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- serverless offline output ---\n${output()}`);
    }
    return { apiUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Keep-alive HTTP client: at most `connections` sockets, each request timed from send to the body's end. */
function client(apiUrl: string, connections: number) {
  const base = new URL(apiUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const send = (target: BenchPath) =>
    new Promise<{ status: number; ms: number; bytes: number }>((resolve, reject) => {
      const start = performance.now();
      const request = http.get({ host: base.hostname, port: base.port, path: target.path, headers: target.headers, agent, timeout: 30_000 }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - start, bytes }));
        response.on('error', reject);
      });
      request.on('timeout', () => request.destroy(new Error(`timeout: ${target.path}`)));
      request.on('error', reject);
    });
  return { send, close: () => agent.destroy() };
}

type Client = ReturnType<typeof client>;

/** `connections` loops, each sending the next request when the previous one answered, for `seconds`. */
async function timedRound(requests: Client, target: BenchPath, connections: number, seconds: number) {
  const latencies: number[] = [];
  let unexpected = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const { status, ms } = await requests.send(target);
        latencies.push(ms);
        if (status !== target.expectedStatus) unexpected += 1;
      }
    }),
  );
  return { latencies, unexpected };
}

async function pathsToMeasure(apiUrl: string): Promise<{ paths: BenchPath[]; code: string; bodyBytes: number }> {
  const list = (await (await fetch(`${apiUrl}/catalog/items?keyword=${encodeURIComponent(KEYWORD)}`)).json()) as { items?: { implementationCode: string }[] };
  const code = list.items?.[0]?.implementationCode;
  if (!code) throw new Error('No item found for keyword 导游: is the catalog seeded?');
  const guidePath = `/catalog/items/${encodeURIComponent(code)}`;
  const guide = await fetch(`${apiUrl}${guidePath}`);
  const body = await guide.text();
  const etag = guide.headers.get('etag');
  if (guide.status !== 200 || !etag) throw new Error(`GET ${guidePath} answered ${guide.status}, ETag ${etag}`);
  const floorPath = `/__bench/guide-floor/${encodeURIComponent(code)}`;
  const floor = await fetch(`${apiUrl}${floorPath}`);
  const floorBody = await floor.text();
  if (floor.status !== 200 || JSON.stringify(JSON.parse(floorBody)) !== JSON.stringify(JSON.parse(body))) {
    throw new Error(`GET ${floorPath} answered ${floor.status} with another body than the guide`);
  }
  const paths: BenchPath[] = [
    { name: 'guide', description: 'GET /catalog/items/{code}', path: guidePath, headers: {}, expectedStatus: 200 },
    { name: 'guide-304', description: 'the same + If-None-Match', path: guidePath, headers: { 'If-None-Match': etag }, expectedStatus: 304 },
    { name: 'floor', description: 'bare GetItem of the guide record', path: floorPath, headers: {}, expectedStatus: 200 },
  ];
  return { paths, code, bodyBytes: Buffer.byteLength(body) };
}

function figures(latencies: number[], unexpected: number, seconds: number): PathFigures {
  return {
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / seconds, 1),
    p50: round(percentile(latencies, 50), 2),
    p90: round(percentile(latencies, 90), 2),
    p99: round(percentile(latencies, 99), 2),
    max: round(Math.max(...latencies), 1),
    unexpected,
  };
}

export async function runGuideBench(env: NodeJS.ProcessEnv = process.env, progress: (line: string) => void = console.error): Promise<GuideBenchResults> {
  const roundSeconds = num(env, 'BENCH_GUIDE_ROUND', 2);
  const cycles = Math.round(num(env, 'BENCH_GUIDE_CYCLES', 12));
  const warmupSeconds = num(env, 'BENCH_GUIDE_WARMUP', 3);
  const connectionCounts = (env.BENCH_CONNECTIONS ?? '1,10').split(',').map((c) => Number(c.trim()));
  if (connectionCounts.some((c) => !Number.isInteger(c) || c < 1)) throw new Error('BENCH_CONNECTIONS must list positive integers');
  warnIfBusy(progress);
  const stack = await startGuideStack(portsFromEnv(GUIDE_BENCH_PORTS, env), progress);
  try {
    const { paths, code, bodyBytes } = await pathsToMeasure(stack.apiUrl);
    const machineAtStart = await measureMachine();
    const sourcesBefore = newestSource();
    const results: ConnectionResult[] = [];
    for (const connections of connectionCounts) {
      const requests = client(stack.apiUrl, connections);
      try {
        progress(`c=${connections}: warming up every path (${warmupSeconds} s each)`);
        for (const target of paths) await timedRound(requests, target, connections, warmupSeconds);
        const loadAverageAtStart = machine().loadAverage;
        const pooled = new Map(paths.map((p) => [p.name, { latencies: [] as number[], unexpected: 0 }]));
        const perCycle: Record<PathName, number>[] = [];
        for (let cycle = 0; cycle < cycles; cycle += 1) {
          const p99: Partial<Record<PathName, number>> = {};
          for (let i = 0; i < paths.length; i += 1) {
            const target = paths[(cycle + i) % paths.length]!;
            const { latencies, unexpected } = await timedRound(requests, target, connections, roundSeconds);
            const into = pooled.get(target.name)!;
            for (const ms of latencies) into.latencies.push(ms);
            into.unexpected += unexpected;
            p99[target.name] = percentile(latencies, 99);
          }
          perCycle.push(p99 as Record<PathName, number>);
          progress(
            `c=${connections} cycle ${cycle + 1}/${cycles}: p99 ` +
              paths.map((p) => `${p.name} ${round(p99[p.name]!, 1)}`).join(', ') +
              ` ms (load ${machine().loadAverage[0]})`,
          );
        }
        const byPath = Object.fromEntries(
          paths.map((p) => [p.name, figures(pooled.get(p.name)!.latencies, pooled.get(p.name)!.unexpected, roundSeconds * cycles)]),
        ) as Record<PathName, PathFigures>;
        const ratio = (name: 'guide' | 'guide-304') => ({
          p50: round(byPath[name].p50 / byPath.floor.p50, 2),
          p99: round(byPath[name].p99 / byPath.floor.p99, 2),
        });
        results.push({
          connections,
          loadAverageAtStart,
          paths: byPath,
          ratios: { guide: ratio('guide'), 'guide-304': ratio('guide-304') },
          cycleP99Ratios: {
            guide: perCycle.map((c) => round(c.guide / c.floor, 2)),
            'guide-304': perCycle.map((c) => round(c['guide-304'] / c.floor, 2)),
          },
        });
      } finally {
        requests.close();
      }
    }
    return {
      date: new Date().toISOString(),
      git: gitState(),
      machine: machineAtStart,
      settings: { roundSeconds, cycles, warmupSeconds, connections: connectionCounts, implementationCode: code, bodyBytes },
      results,
      disturbed: newestSource() !== sourcesBefore,
    };
  } finally {
    await stack.stop();
  }
}

function spread(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${round(percentile(sorted, 50), 2)} (${sorted[0]}–${sorted[sorted.length - 1]})`;
}

export function guideMarkdown(results: GuideBenchResults): string {
  const rows = results.results.flatMap((r) =>
    (['guide', 'guide-304', 'floor'] as const).map((name) => {
      const f = r.paths[name];
      const ratio = name === 'floor' ? undefined : r.ratios[name];
      return [
        r.connections,
        name,
        f.requests,
        f.p50,
        f.p99,
        ratio ? `×${ratio.p50}` : '',
        ratio ? `×${ratio.p99}` : '',
        name === 'floor' ? '' : spread(r.cycleP99Ratios[name]),
        f.unexpected,
      ];
    }),
  );
  return table(
    ['Conn.', 'Path', 'Requests', 'p50 ms', 'p99 ms', 'p50 ÷ floor', 'p99 ÷ floor', 'p99 ÷ floor per cycle: median (range)', 'Unexpected'],
    rows,
    ['r', 'l', 'r', 'r', 'r', 'r', 'r', 'l', 'r'],
  );
}

runIfMain(module, async () => {
  const results = await runGuideBench();
  const label = process.env.BENCH_GUIDE_LABEL;
  const file = path.join(RESULTS_DIR, label ? `guide-${label}.json` : 'guide.json');
  writeJson(file, results);
  console.log(`\nGuide GET vs bare GetItem (${machineLine(results.machine)}; ${results.git ? `commit ${results.git.commit}${results.git.dirty ? ' + changes' : ''}` : 'no git'})\n`);
  console.log(guideMarkdown(results));
  const problems = results.results.flatMap((r) =>
    Object.entries(r.paths)
      .filter(([, f]) => f.unexpected > 0)
      .map(([name, f]) => `${name} c=${r.connections}: ${f.unexpected} unexpected statuses`),
  );
  if (results.disturbed) problems.push('function sources changed during the run (serverless offline rebuilt them cold)');
  if (problems.length > 0) {
    console.error(`\nProblems:\n${problems.join('\n')}`);
    process.exitCode = 1;
  }
});
