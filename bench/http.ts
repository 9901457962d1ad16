/**
 * Requests per second and latency of the catalog API against the local stack (DynamoDB Local +
 * serverless offline), measured with autocannon.
 *
 *   npx tsx bench/http.ts
 *
 * Each scenario runs BENCH_REPEATS times (default 3) for BENCH_DURATION seconds (default 5) at each
 * of BENCH_CONNECTIONS (comma-separated, default "1,10"), after BENCH_WARMUP seconds (default 10) of
 * warm-up; the repeat with the median req/s is reported.
 */
import { existsSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { startStack, type RunningStack } from '../scripts/local/stack';
import { REPO_ROOT, benchPorts, machineLine, measureMachine, round, runIfMain, table, warnIfBusy, type Machine } from './common';

export interface Scenario {
  name: string;
  description: string;
  path: string;
  headers?: Record<string, string>;
  /** The status every response must have. */
  expectedStatus: number;
  /** Bytes of one response body, measured once before the run. */
  responseBytes: number;
}

export interface HttpRun {
  scenario: string;
  path: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  /** Completed requests divided by the run's duration. */
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; average: number; max: number };
  statusCodes: Record<string, number>;
  /** Responses whose status was not the scenario's expected one, over all repeats. */
  unexpectedStatus: number;
  errors: number;
  timeouts: number;
  /** Every repeat; the figures above are those of the repeat with the median req/s. */
  repeats: { requestsPerSecond: number; p50: number; p99: number }[];
  /** Runs thrown away because the functions were rebuilt while they ran. */
  discardedRuns: number;
  /** True when a kept run was still disturbed by a rebuild after the retries. */
  disturbed: boolean;
}

export interface HttpResults {
  date: string;
  machine: Machine;
  settings: { durationSeconds: number; repeats: number; warmupSeconds: number; connections: number[] };
  scenarios: Scenario[];
  runs: HttpRun[];
}

export interface HttpOptions {
  durationSeconds: number;
  /** Runs per scenario and connection count; the median one is reported, so one stall does not decide the figure. */
  repeats: number;
  warmupSeconds: number;
  connections: number[];
  progress?: (line: string) => void;
}

export function httpOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): HttpOptions {
  const num = (name: string, fallback: number) => {
    const value = env[name] ? Number(env[name]) : fallback;
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
    return value;
  };
  const connections = (env.BENCH_CONNECTIONS ?? '1,10').split(',').map((c) => Number(c.trim()));
  if (connections.some((c) => !Number.isInteger(c) || c < 1)) throw new Error('BENCH_CONNECTIONS must list positive integers');
  const repeats = num('BENCH_REPEATS', 3);
  if (!Number.isInteger(repeats)) throw new Error('BENCH_REPEATS must be an integer');
  return { durationSeconds: num('BENCH_DURATION', 5), repeats, warmupSeconds: num('BENCH_WARMUP', 10), connections };
}

const KEYWORD = '导游';
const CITY = '341000'; // Huangshan

async function getJson(url: string): Promise<{ status: number; body: any; etag: string | null; bytes: number }> {
  const response = await fetch(url);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, etag: response.headers.get('etag'), bytes: Buffer.byteLength(text) };
}

/** Builds the scenarios from real data, and checks each answers as expected before timing it. */
async function scenarios(apiUrl: string): Promise<Scenario[]> {
  const list = async (name: string, description: string, query: string): Promise<Scenario> => {
    const path = `/catalog/items${query}`;
    const res = await getJson(`${apiUrl}${path}`);
    if (res.status !== 200 || !Array.isArray(res.body?.items) || res.body.items.length === 0) {
      throw new Error(`GET ${path} answered ${res.status} with ${res.body?.items?.length ?? 'no'} items; is the catalog seeded?`);
    }
    return { name, description, path, expectedStatus: 200, responseBytes: res.bytes };
  };
  const province = await list('list', 'GET /catalog/items (province, first page)', '');
  const keyword = await list('list-keyword', `GET /catalog/items?keyword=${KEYWORD}`, `?keyword=${encodeURIComponent(KEYWORD)}`);
  const city = await list('list-city', `GET /catalog/items?region=${CITY}`, `?region=${CITY}`);

  const first = (await getJson(`${apiUrl}${keyword.path}`)).body.items[0] as { implementationCode: string };
  const guidePath = `/catalog/items/${encodeURIComponent(first.implementationCode)}`;
  const guide = await getJson(`${apiUrl}${guidePath}`);
  if (guide.status !== 200 || !guide.etag) throw new Error(`GET ${guidePath} answered ${guide.status}, ETag ${guide.etag}`);
  const conditional = await fetch(`${apiUrl}${guidePath}`, { headers: { 'If-None-Match': guide.etag } });
  await conditional.arrayBuffer();
  if (conditional.status !== 304) throw new Error(`GET ${guidePath} with If-None-Match answered ${conditional.status}, expected 304`);

  return [
    province,
    keyword,
    city,
    { name: 'guide', description: 'GET /catalog/items/{code}', path: guidePath, expectedStatus: 200, responseBytes: guide.bytes },
    {
      name: 'guide-304',
      description: 'GET /catalog/items/{code} with If-None-Match',
      path: guidePath,
      headers: { 'If-None-Match': guide.etag },
      expectedStatus: 304,
      responseBytes: 0,
    },
  ];
}

function toRun(scenario: Scenario, result: autocannon.Result): Omit<HttpRun, 'repeats' | 'discardedRuns' | 'disturbed'> {
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]));
  const responses = Object.values(statusCodes).reduce((sum, n) => sum + n, 0);
  return {
    scenario: scenario.name,
    path: scenario.path,
    connections: result.connections,
    durationSeconds: round(result.duration, 2),
    requests: result.latency.totalCount,
    requestsPerSecond: round(result.latency.totalCount / result.duration, 1),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      average: round(result.latency.average, 2),
      max: result.latency.max,
    },
    statusCodes,
    unexpectedStatus: responses - (statusCodes[String(scenario.expectedStatus)] ?? 0),
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Where serverless offline (stage `local`) reads its bundles: custom.esbuild.outputWorkFolder in serverless.yml. */
const OFFLINE_BUILD_DIR = path.join(REPO_ROOT, '.esbuild', 'local', '.build');
const MAX_RETRIES = 3;
/** How long a rebuild of every function, and the restart of the simulated Lambdas, may take. */
const REBUILD_SETTLE_MS = 20_000;

function bundleFingerprint(dir = OFFLINE_BUILD_DIR): string {
  if (!existsSync(dir)) return 'missing';
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? bundleFingerprint(full) : `${full}:${statSync(full).mtimeMs}`;
    })
    .join('\n');
}

/**
 * serverless offline rebundles every function and restarts all its simulated Lambdas cold whenever
 * a .js/.ts file of the repository changes (serverless-esbuild watches the whole tree), and every
 * `serverless offline` of the stage writes the same bundle folder. This notices both: source files
 * changing (watched here the same way) and the bundles being rewritten.
 */
class RebuildDetector {
  private lastChange = 0;
  private readonly watchers: FSWatcher[] = [];
  private fingerprint = bundleFingerprint();

  start(): this {
    const skip = new Set(['node_modules', '.git', '.esbuild', '.serverless']);
    const onChange = (file: string | null, base: string) => {
      const relative = path.join(base, file ?? '');
      if (/\.(c|m)?(js|ts)x?$/.test(relative) && !relative.split(path.sep).some((part) => skip.has(part))) this.lastChange = Date.now();
    };
    const dirs = readdirSync(REPO_ROOT, { withFileTypes: true }).filter((e) => e.isDirectory() && !skip.has(e.name));
    try {
      this.watchers.push(watch(REPO_ROOT, (_event, file) => onChange(file, '')));
      for (const dir of dirs) this.watchers.push(watch(path.join(REPO_ROOT, dir.name), { recursive: true }, (_event, file) => onChange(file, dir.name)));
    } catch {
      // No recursive fs.watch on this platform: the bundle fingerprint alone has to do.
    }
    return this;
  }

  /**
   * Waits until no source file has changed for REBUILD_SETTLE_MS (at most 3 minutes, after which
   * the runs go ahead and are flagged if disturbed), then takes the reference point.
   */
  async settle(progress: (line: string) => void): Promise<number> {
    const giveUp = Date.now() + 180_000;
    let said = false;
    for (;;) {
      const wait = this.lastChange + REBUILD_SETTLE_MS - Date.now();
      if (wait <= 0 || Date.now() > giveUp) break;
      if (!said) progress('  source files changed: waiting until serverless offline has rebuilt…');
      said = true;
      await new Promise((r) => setTimeout(r, Math.min(wait, giveUp - Date.now()) + 10));
    }
    this.fingerprint = bundleFingerprint();
    return Date.now();
  }

  /** True when a source file changed, or the bundles were rewritten, since `since`. */
  disturbedSince(since: number): boolean {
    return this.lastChange >= since || bundleFingerprint() !== this.fingerprint;
  }

  stop(): void {
    for (const watcher of this.watchers) watcher.close();
  }
}

/**
 * Runs every scenario at every connection count against an already running API. Each scenario is
 * first warmed up at the highest connection count, so serverless offline has started (and JIT-warmed)
 * as many simulated Lambda instances as the measured runs use; the scenarios of one function run back
 * to back, before serverless offline retires idle instances (after 60 s). A run during which the
 * functions were rebuilt is discarded and, after a new warm-up, repeated (up to 3 times).
 */
export async function benchApi(apiUrl: string, options: HttpOptions): Promise<Omit<HttpResults, 'date' | 'machine'>> {
  const progress = options.progress ?? (() => undefined);
  const all = await scenarios(apiUrl);
  const maxConnections = Math.max(...options.connections);
  const runs: HttpRun[] = [];
  const rebuilds = new RebuildDetector().start();
  try {
    for (const scenario of all) {
      const base = { url: `${apiUrl}${scenario.path}`, headers: scenario.headers, pipelining: 1, timeout: 10 };
      let since = 0;
      const warmUp = async () => {
        since = await rebuilds.settle(progress);
        await autocannon({ ...base, connections: maxConnections, duration: options.warmupSeconds });
      };
      await warmUp();
      for (const connections of options.connections) {
        await autocannon({ ...base, connections, duration: 1 });
        const repeats: Omit<HttpRun, 'repeats' | 'discardedRuns' | 'disturbed'>[] = [];
        let discardedRuns = 0;
        let disturbed = false;
        for (let i = 0; i < options.repeats; i += 1) {
          for (let attempt = 0; ; attempt += 1) {
            const run = toRun(scenario, await autocannon({ ...base, connections, duration: options.durationSeconds, title: scenario.name }));
            const rebuilt = rebuilds.disturbedSince(since);
            if (!rebuilt || attempt === MAX_RETRIES) {
              disturbed ||= rebuilt;
              repeats.push(run);
              break;
            }
            discardedRuns += 1;
            progress(`  ${scenario.name} c=${connections}: the functions were rebuilt during the run (a source file changed); measuring again`);
            await warmUp();
          }
        }
        const median = [...repeats].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor((repeats.length - 1) / 2)]!;
        const run: HttpRun = {
          ...median,
          unexpectedStatus: repeats.reduce((sum, r) => sum + r.unexpectedStatus, 0),
          errors: repeats.reduce((sum, r) => sum + r.errors, 0),
          timeouts: repeats.reduce((sum, r) => sum + r.timeouts, 0),
          repeats: repeats.map((r) => ({ requestsPerSecond: r.requestsPerSecond, p50: r.latencyMs.p50, p99: r.latencyMs.p99 })),
          discardedRuns,
          disturbed,
        };
        progress(
          `${scenario.name.padEnd(12)} c=${String(connections).padStart(2)}  ${String(run.requestsPerSecond).padStart(7)} req/s  ` +
            `p50 ${run.latencyMs.p50} ms  p99 ${run.latencyMs.p99} ms  unexpected ${run.unexpectedStatus}  errors ${run.errors}`,
        );
        runs.push(run);
      }
    }
  } finally {
    rebuilds.stop();
  }
  const { durationSeconds, repeats, warmupSeconds, connections } = options;
  return { settings: { durationSeconds, repeats, warmupSeconds, connections }, scenarios: all, runs };
}

/** Starts the local stack on the bench ports, runs the scenarios, and always stops the stack. */
export async function runHttpBench(options: HttpOptions): Promise<HttpResults> {
  const progress = options.progress ?? (() => undefined);
  warnIfBusy(progress);
  let stack: RunningStack | undefined;
  try {
    progress('starting the local stack (DynamoDB Local, s3rver, serverless offline)…');
    stack = await startStack({ ports: await benchPorts(), h5: 'none', progress: (step) => progress(`  ${step}…`) });
    const atStart = await measureMachine();
    const results = await benchApi(stack.apiUrl, options);
    return { date: new Date().toISOString(), machine: atStart, ...results };
  } finally {
    await stack?.stop();
  }
}

/** A run is healthy when every response had the expected status and nothing failed. */
export function httpProblems(results: HttpResults): string[] {
  return results.runs
    .filter((run) => run.unexpectedStatus > 0 || run.errors > 0 || run.timeouts > 0 || run.disturbed)
    .map(
      (run) =>
        `${run.scenario} c=${run.connections}: ${run.unexpectedStatus} unexpected statuses, ${run.errors} errors, ${run.timeouts} timeouts` +
        (run.disturbed ? ', functions rebuilt during the run' : ''),
    );
}

export function httpMarkdown(results: HttpResults): string {
  const described = new Map(results.scenarios.map((s) => [s.name, s]));
  return table(
    ['Scenario', 'Request', 'Conn.', 'Req/s', 'Req/s range', 'p50 ms', 'p99 ms', 'Statuses', 'Unexpected', 'Body bytes'],
    results.runs.map((run) => {
      const scenario = described.get(run.scenario);
      return [
        run.scenario,
        scenario?.description ?? run.path,
        run.connections,
        run.requestsPerSecond,
        `${Math.min(...run.repeats.map((r) => r.requestsPerSecond))}–${Math.max(...run.repeats.map((r) => r.requestsPerSecond))}`,
        run.latencyMs.p50,
        run.latencyMs.p99,
        Object.entries(run.statusCodes)
          .map(([code, count]) => `${code}×${count}`)
          .join(' '),
        run.unexpectedStatus + run.errors + run.timeouts,
        scenario?.responseBytes ?? '',
      ];
    }),
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'l', 'r', 'r'],
  );
}

runIfMain(module, async () => {
  const results = await runHttpBench({ ...httpOptionsFromEnv(), progress: (line) => console.error(line) });
  console.log(`\nHTTP (${machineLine(results.machine)})\n`);
  console.log(httpMarkdown(results));
  const problems = httpProblems(results);
  if (problems.length > 0) {
    console.error(`\nProblems:\n${problems.join('\n')}`);
    process.exitCode = 1;
  }
});
