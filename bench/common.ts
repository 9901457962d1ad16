import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { portInUse } from '../scripts/local/process';
import { LOCAL_AWS_ENV } from '../scripts/local/dynamodb-local';
import { portsFromEnv, type StackPorts } from '../scripts/local/stack';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const RESULTS_DIR = path.join(__dirname, 'results');

/**
 * The bench's own ports, so it never collides with `npm start` (8000/4569/3000/3002/10086) or
 * `npm test` (8100/4669/3100/3102/10186/3110). Override with DYNAMODB_PORT, S3_PORT, API_PORT,
 * LAMBDA_PORT, H5_PORT, WECHAT_PORT.
 */
export const BENCH_PORTS: StackPorts = { dynamodb: 8200, s3: 4769, api: 3200, lambda: 3202, h5: 10286, wechat: 3210 };

/**
 * BENCH_PORTS with the environment's overrides. The H5 port only serves the bench's own copy of the
 * build, so when 10286 is taken (and H5_PORT is not set) any free port does.
 */
export async function benchPorts(env: NodeJS.ProcessEnv = process.env): Promise<StackPorts> {
  const ports = portsFromEnv(BENCH_PORTS, env);
  if (!env.H5_PORT && (await portInUse(ports.h5))) ports.h5 = await freePort();
  return ports;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

export interface Machine {
  cpuModel: string;
  cpus: number;
  memoryGiB: number;
  os: string;
  node: string;
  /** 1-, 5- and 15-minute load averages when the measurement started: other work competing for the CPUs skews every figure. */
  loadAverage: number[];
  /** Share of CPU time in use during the 2 s before the measurement started (measureMachine only). */
  cpuBusyPercent?: number;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpus: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: os.loadavg().map((n) => round(n, 2)),
  };
}

/** The machine's CPU times so far; `busySince(earlier)` is the share of CPU time in use between the two (machine-wide, %). */
export function cpuSample() {
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

/** machine(), plus how busy the CPUs were over the last 2 s: a truer picture than the load average, which trails. */
export async function measureMachine(sampleMs = 2000): Promise<Machine> {
  const before = cpuSample();
  await new Promise((r) => setTimeout(r, sampleMs));
  return { ...machine(), cpuBusyPercent: cpuSample().busySince(before) };
}

/** Warns when the machine is busy, since the timings would then measure the other work too. */
export function warnIfBusy(log: (line: string) => void): void {
  const [oneMinute = 0] = os.loadavg();
  const cpus = os.cpus().length;
  if (oneMinute > cpus / 2) {
    log(`Warning: the 1-minute load average is ${oneMinute.toFixed(2)} on ${cpus} CPUs; timings will be noisy. Close other work and rerun for a baseline.`);
  }
}

/** Linear-interpolated percentile (p in 0..100) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

/** Gzip size at level 9, what a CDN or API gateway would typically send. */
export function gzipBytes(content: Buffer | string): number {
  return gzipSync(content, { level: 9 }).length;
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A GitHub-flavoured markdown table. */
export function table(header: string[], rows: (string | number)[][], align?: ('l' | 'r')[]): string {
  const separator = header.map((_, i) => ((align?.[i] ?? 'l') === 'r' ? '---:' : '---'));
  return [header, separator, ...rows.map((row) => row.map(String))].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export function machineLine(m: Machine): string {
  const busy = m.cpuBusyPercent === undefined ? '' : `, CPUs ${m.cpuBusyPercent} % busy`;
  return `${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB RAM, ${m.os}, Node ${m.node}; at start: load average ${m.loadAverage.join(' / ')}${busy}`;
}

export function writeJson(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Runs main() when the file is executed directly (`npx tsx bench/<name>.ts`), exiting 1 on failure. */
export function runIfMain(mod: NodeJS.Module, main: () => Promise<void>): void {
  if (require.main !== mod) return;
  // The seeding client would otherwise warn that future SDK releases need Node 22.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}

/** Waits until every uploaded file has its verdict row (written by inspectUpload when the upload event arrives). */
export async function waitForVerdicts(dynamodbEndpoint: string, tableName: string, keys: string[], timeoutMs = 60_000): Promise<void> {
  const { BatchGetItemCommand } = await import('@aws-sdk/client-dynamodb');
  const { localDynamoClient } = await import('../scripts/local/dynamodb-local');
  const client = localDynamoClient(dynamodbEndpoint);
  try {
    for (const until = Date.now() + timeoutMs; ; ) {
      const { Responses } = await client.send(new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys: keys.map((key) => ({ pk: { S: `UPLOAD#${key}` }, sk: { S: 'VERDICT' } })) } } }));
      if ((Responses?.[tableName]?.length ?? 0) >= new Set(keys).size) return;
      if (Date.now() > until) throw new Error(`upload verdicts missing after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    client.destroy();
  }
}

/** The timeout (seconds) serverless.yml gives a function in the running stack's stage. */
export const functionTimeoutSeconds = (stack: { serverless: Record<string, any> }, name: string) => Number(stack.serverless.functions[name].timeout ?? stack.serverless.provider.timeout);

/**
 * A function of serverless.yml loaded into this process, as the Lambda runtime would run it (its own time,
 * without serverless offline's emulation), with the local stage's environment of the running stack. Each
 * invocation gets what Lambda's context tells of the time left (the stage's timeout for the function):
 * waits that must end before the timeout follow it.
 */
export function functionInProcess<E = unknown, R = { statusCode: number; body?: string }>(stack: { serverless: Record<string, any> }, name: string): (event: E) => Promise<R> {
  Object.assign(process.env, LOCAL_AWS_ENV, stack.serverless.provider.environment);
  const [file, exported] = (stack.serverless.functions[name].handler as string).split(/\.(?=[^.]+$)/);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const handler = require(path.join(REPO_ROOT, file!))[exported!] as (event: E, context: object) => Promise<R>;
  const timeoutMs = functionTimeoutSeconds(stack, name) * 1000;
  return (event) => {
    const deadline = Date.now() + timeoutMs;
    return handler(event, { getRemainingTimeInMillis: () => deadline - Date.now() });
  };
}
