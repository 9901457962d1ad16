/**
 * Paths of the local stack measured against a floor, interleaved in one run (bench/guide.ts,
 * bench/licence-verify.ts): one DynamoDB Local and one `serverless offline` started with
 * serverless.bench.yml (serverless.yml plus the bench-only floor functions), one keep-alive client,
 * and timed rounds of every path in turn, the order rotating from cycle to cycle, so noise from the
 * rest of the machine falls on every path alike. Latencies are pooled per path over all cycles; each
 * cycle also gives its own ratios to the floor.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { localDynamoClient, startDynamoDbLocal } from '../scripts/local/dynamodb-local';
import { SERVERLESS_BIN } from '../scripts/local/paths';
import { assertPortFree, startProcess, waitFor, type Managed } from '../scripts/local/process';
import { serverlessEnv, type StackPorts } from '../scripts/local/stack';
import { ensureTables, printServerless, tableDefinitions } from '../scripts/local/tables';
import { REPO_ROOT, machine, percentile, round, table } from './common';

export const BENCH_CONFIG = 'serverless.bench.yml';

/** One kind of request: sent as is, again and again; any other status (or body) counts as unexpected. */
export interface BenchPath<N extends string = string> {
  name: N;
  description: string;
  method?: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  /** Sent as the request body with `Content-Type: application/json`. */
  json?: unknown;
  expectedStatus: number;
  /** When set, a response whose body does not contain this text counts as unexpected too. */
  expectedBodyText?: string;
}

export interface PathFigures {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  unexpected: number;
}

export interface InterleavedResult<N extends string, C extends N> {
  connections: number;
  loadAverageAtStart: number[];
  paths: Record<N, PathFigures>;
  /** Pooled percentile of the path ÷ that of the floor. */
  ratios: Record<C, { p50: number; p99: number }>;
  /** The same ratio within each cycle (the rounds of one cycle ran back to back). */
  cycleP99Ratios: Record<C, number[]>;
  /** The p50 ratio within each cycle (only when asked for: `cycleP50Ratios`). */
  cycleP50Ratios?: Record<C, number[]>;
}

export interface InterleavedSettings {
  roundSeconds: number;
  cycles: number;
  warmupSeconds: number;
  connections: number[];
}

/** A positive number from the environment, or the fallback. */
export function num(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name] ? Number(env[name]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

/** BENCH_CONNECTIONS (default 1,10). */
export function connectionsFromEnv(env: NodeJS.ProcessEnv): number[] {
  const connectionCounts = (env.BENCH_CONNECTIONS ?? '1,10').split(',').map((c) => Number(c.trim()));
  if (connectionCounts.some((c) => !Number.isInteger(c) || c < 1)) throw new Error('BENCH_CONNECTIONS must list positive integers');
  return connectionCounts;
}

/** Round, cycles and warm-up from `<prefix>_ROUND` (2 s), `<prefix>_CYCLES` (12), `<prefix>_WARMUP` (3 s), and BENCH_CONNECTIONS. */
export function settingsFromEnv(env: NodeJS.ProcessEnv, prefix: string): InterleavedSettings {
  const roundSeconds = num(env, `${prefix}_ROUND`, 2);
  const cycles = Math.round(num(env, `${prefix}_CYCLES`, 12));
  const warmupSeconds = num(env, `${prefix}_WARMUP`, 3);
  return { roundSeconds, cycles, warmupSeconds, connections: connectionsFromEnv(env) };
}

export function gitState(): { commit: string; dirty: boolean } | null {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim() !== '';
    return { commit, dirty };
  } catch {
    return null;
  }
}

/** Newest modification time of the files serverless offline watches (custom.esbuild.watch). */
export function newestSource(dirs = ['functions/src', 'shared/src', 'bench/functions']): number {
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

export interface BenchStack {
  apiUrl: string;
  dynamodbEndpoint: string;
  tableName: string;
  /** serverless.yml as resolved for the local stage (`serverless print`), e.g. the functions' environment. */
  serverless: Record<string, any>;
  stop(): Promise<void>;
}

export interface BenchStackOptions {
  /** Writes what the paths read, into the freshly created table, before serverless offline starts. */
  seed(client: DynamoDBClient, tableName: string, serverless: Record<string, any>): Promise<void>;
  /** The progress line shown while DynamoDB Local starts and is seeded. */
  seedLabel: string;
  /** A GET that answers 200 once serverless offline serves requests. */
  readyPath: string;
}

/** DynamoDB Local with the table of serverless.yml and the bench's records, and serverless offline with the bench config. */
export async function startBenchStack(ports: StackPorts, options: BenchStackOptions, progress: (line: string) => void): Promise<BenchStack> {
  const started: Managed[] = [];
  const stop = async () => {
    for (const service of started.reverse()) await service.stop().catch(() => undefined);
    started.length = 0;
  };
  const env = { ...serverlessEnv(ports), API_PORT: String(ports.api), LAMBDA_PORT: String(ports.lambda) };
  try {
    await assertPortFree(ports.api, 'API (serverless offline)', 'API_PORT');
    await assertPortFree(ports.lambda, 'Lambda invoke endpoint (serverless offline)', 'LAMBDA_PORT');
    progress(options.seedLabel);
    const dynamodb = await startDynamoDbLocal(ports.dynamodb);
    started.push(dynamodb);
    const serverless = await printServerless('local', env);
    const tables = tableDefinitions(serverless);
    const tableName = tables[0]?.create.TableName;
    if (!tableName) throw new Error('serverless.yml declares no DynamoDB table');
    const client = localDynamoClient(dynamodb.endpoint);
    try {
      await ensureTables(client, tables);
      await options.seed(client, tableName, serverless);
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
      await waitFor('serverless offline', async () => (await fetch(`${apiUrl}${options.readyPath}`)).status === 200, 180_000, child);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- serverless offline output ---\n${output()}`);
    }
    return { apiUrl, dynamodbEndpoint: dynamodb.endpoint, tableName, serverless, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Keep-alive HTTP client: at most `connections` sockets, each request timed from send to the body's end.
 * The body is kept only for a path with `expectedBodyText`.
 */
export function benchClient(apiUrl: string, connections: number) {
  const base = new URL(apiUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const bodies = new WeakMap<BenchPath, Buffer | undefined>();
  const bodyOf = (target: BenchPath) => {
    if (!bodies.has(target)) bodies.set(target, target.json === undefined ? undefined : Buffer.from(JSON.stringify(target.json)));
    return bodies.get(target);
  };
  const send = (target: BenchPath) =>
    new Promise<{ status: number; ms: number; bytes: number; body?: string }>((resolve, reject) => {
      const payload = bodyOf(target);
      const headers = payload ? { ...target.headers, 'Content-Type': 'application/json', 'Content-Length': String(payload.length) } : target.headers;
      const keep = target.expectedBodyText !== undefined;
      const start = performance.now();
      const request = http.request(
        { method: target.method ?? 'GET', host: base.hostname, port: base.port, path: target.path, headers, agent, timeout: 30_000 },
        (response) => {
          let bytes = 0;
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            if (keep) chunks.push(chunk);
          });
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, ms: performance.now() - start, bytes, ...(keep ? { body: Buffer.concat(chunks).toString('utf8') } : {}) }),
          );
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error(`timeout: ${target.path}`)));
      request.on('error', reject);
      request.end(payload);
    });
  return { send, close: () => agent.destroy() };
}

export type BenchClient = ReturnType<typeof benchClient>;

/** `connections` loops, each sending the next request when the previous one answered, for `seconds`. */
export async function timedRound(requests: BenchClient, target: BenchPath, connections: number, seconds: number) {
  const latencies: number[] = [];
  let unexpected = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const { status, ms, body } = await requests.send(target);
        latencies.push(ms);
        if (status !== target.expectedStatus || (target.expectedBodyText !== undefined && !body?.includes(target.expectedBodyText))) unexpected += 1;
      }
    }),
  );
  return { latencies, unexpected };
}

export function figures(latencies: number[], unexpected: number, seconds: number): PathFigures {
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

/**
 * For each connection count: a warm-up round of every path, then `cycles` cycles of one round per path,
 * the first path of a cycle rotating. Ratios are of each `compared` path to the `floor` path.
 */
export async function runInterleaved<N extends string, C extends N>(input: {
  apiUrl: string;
  paths: BenchPath<N>[];
  floor: N;
  compared: readonly C[];
  settings: InterleavedSettings;
  /** Also keep the per-cycle p50 ratios. */
  cycleP50Ratios?: boolean;
  progress: (line: string) => void;
}): Promise<InterleavedResult<N, C>[]> {
  const { apiUrl, paths, floor, compared, progress } = input;
  const { roundSeconds, cycles, warmupSeconds } = input.settings;
  const results: InterleavedResult<N, C>[] = [];
  for (const connections of input.settings.connections) {
    const requests = benchClient(apiUrl, connections);
    try {
      progress(`c=${connections}: warming up every path (${warmupSeconds} s each)`);
      for (const target of paths) await timedRound(requests, target, connections, warmupSeconds);
      const loadAverageAtStart = machine().loadAverage;
      const pooled = new Map(paths.map((p) => [p.name, { latencies: [] as number[], unexpected: 0 }]));
      const perCycle: { p50: Record<N, number>; p99: Record<N, number> }[] = [];
      for (let cycle = 0; cycle < cycles; cycle += 1) {
        const p50: Partial<Record<N, number>> = {};
        const p99: Partial<Record<N, number>> = {};
        for (let i = 0; i < paths.length; i += 1) {
          const target = paths[(cycle + i) % paths.length]!;
          const { latencies, unexpected } = await timedRound(requests, target, connections, roundSeconds);
          const into = pooled.get(target.name)!;
          for (const ms of latencies) into.latencies.push(ms);
          into.unexpected += unexpected;
          p50[target.name] = percentile(latencies, 50);
          p99[target.name] = percentile(latencies, 99);
        }
        perCycle.push({ p50: p50 as Record<N, number>, p99: p99 as Record<N, number> });
        progress(
          `c=${connections} cycle ${cycle + 1}/${cycles}: p99 ` +
            paths.map((p) => `${p.name} ${round(p99[p.name]!, 1)}`).join(', ') +
            ` ms (load ${machine().loadAverage[0]})`,
        );
      }
      const byPath = Object.fromEntries(
        paths.map((p) => [p.name, figures(pooled.get(p.name)!.latencies, pooled.get(p.name)!.unexpected, roundSeconds * cycles)]),
      ) as Record<N, PathFigures>;
      const perPath = <T>(value: (name: C) => T) => Object.fromEntries(compared.map((name) => [name, value(name)])) as Record<C, T>;
      results.push({
        connections,
        loadAverageAtStart,
        paths: byPath,
        ratios: perPath((name) => ({ p50: round(byPath[name].p50 / byPath[floor].p50, 2), p99: round(byPath[name].p99 / byPath[floor].p99, 2) })),
        cycleP99Ratios: perPath((name) => perCycle.map((c) => round(c.p99[name] / c.p99[floor], 2))),
        ...(input.cycleP50Ratios ? { cycleP50Ratios: perPath((name) => perCycle.map((c) => round(c.p50[name] / c.p50[floor], 2))) } : {}),
      });
    } finally {
      requests.close();
    }
  }
  return results;
}

/** Median of the values, with their range: `0.98 (0.8–1.2)`. */
export function spread(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${round(percentile(sorted, 50), 2)} (${sorted[0]}–${sorted[sorted.length - 1]})`;
}

/** One row per path and connection count: requests, p50 and p99, the ratios to the floor, unexpected responses. */
export function interleavedMarkdown<N extends string, C extends N>(results: InterleavedResult<N, C>[], order: readonly N[], floor: N, options: { cycleP50?: boolean } = {}): string {
  const rows = results.flatMap((r) =>
    order.map((name) => {
      const f = r.paths[name];
      const compared = name === floor ? undefined : (name as unknown as C);
      const ratio = compared === undefined ? undefined : r.ratios[compared];
      return [
        r.connections,
        name,
        f.requests,
        f.p50,
        f.p99,
        ratio ? `×${ratio.p50}` : '',
        ratio ? `×${ratio.p99}` : '',
        ...(options.cycleP50 ? [compared === undefined || !r.cycleP50Ratios ? '' : spread(r.cycleP50Ratios[compared])] : []),
        compared === undefined ? '' : spread(r.cycleP99Ratios[compared]),
        f.unexpected,
      ];
    }),
  );
  return table(
    [
      'Conn.',
      'Path',
      'Requests',
      'p50 ms',
      'p99 ms',
      'p50 ÷ floor',
      'p99 ÷ floor',
      ...(options.cycleP50 ? ['p50 ÷ floor per cycle: median (range)'] : []),
      'p99 ÷ floor per cycle: median (range)',
      'Unexpected',
    ],
    rows,
    ['r', 'l', 'r', 'r', 'r', 'r', 'r', ...(options.cycleP50 ? (['l'] as const) : []), 'l', 'r'],
  );
}

/** The problems that make a run exit non-zero: unexpected responses, or sources rebuilt during the run. */
export function runProblems(results: { connections: number; paths: Record<string, PathFigures> }[], disturbed: boolean, what = 'unexpected statuses'): string[] {
  const problems = results.flatMap((r) =>
    Object.entries(r.paths)
      .filter(([, f]) => f.unexpected > 0)
      .map(([name, f]) => `${name} c=${r.connections}: ${f.unexpected} ${what}`),
  );
  if (disturbed) problems.push('function sources changed during the run (serverless offline rebuilt them cold)');
  return problems;
}
