/**
 * The deployable function bundles: minified size, gzip size and zip size of each, and the cold
 * `require` time of each bundle in a fresh Node process.
 *
 *   npx tsx bench/bundles.ts
 *
 * BENCH_REQUIRE_RUNS (default 20) sets how many fresh processes require each bundle.
 */
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { REPO_ROOT, gzipBytes, kib, machineLine, measureMachine, percentile, round, runIfMain, table, warnIfBusy, type Machine } from './common';

const run = promisify(execFile);
const SERVERLESS_BIN = path.join(REPO_ROOT, 'node_modules', 'serverless', 'bin', 'serverless.js');

export interface BundleResult {
  function: string;
  file: string;
  zipBytes: number;
  minifiedBytes: number;
  gzipBytes: number;
  /** The external modules the bundle requires at run time (provided by the Lambda runtime). */
  externals: string[];
  /** What the bundle is made of, largest first (esbuild metafile of the same entry and settings). */
  composition: { part: string; bytes: number }[];
  coldRequireMs: RequireTimes;
  /** For reference: a fresh process requiring only the externals, i.e. the part of coldRequireMs the bundle does not control. */
  externalsRequireMs: RequireTimes;
}

export interface RequireTimes {
  median: number;
  p90: number;
  min: number;
  max: number;
  runs: number;
}

export interface BundleResults {
  date: string;
  machine: Machine;
  packageSeconds: number;
  bundles: BundleResult[];
}

interface ZipEntry {
  name: string;
  data: Buffer;
}

/** Reads every file of a zip archive (stored or deflated entries, as serverless writes them). */
export function readZip(zip: Buffer): ZipEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive');
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('corrupt zip central directory');
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    if (method !== 0 && method !== 8) throw new Error(`${name}: unsupported zip compression method ${method}`);
    entries.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
  }
  return entries;
}

/** `serverless package --stage prod` into outDir, without AWS credentials, as the deploy would build it. */
async function packageFunctions(outDir: string): Promise<number> {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('AWS_')) delete env[key];
  const began = Date.now();
  await run(process.execPath, [SERVERLESS_BIN, 'package', '--stage', 'prod', '--package', outDir], {
    cwd: REPO_ROOT,
    // A throwaway HOME keeps the framework from reading or writing the user's configuration.
    env: { ...env, HOME: path.join(outDir, '.home') },
    maxBuffer: 16 * 1024 * 1024,
  });
  return (Date.now() - began) / 1000;
}

/**
 * Milliseconds one fresh `node` process takes to require the bundle. @aws-sdk/* is external (the
 * Lambda runtime provides it), so it is resolved from the repository's node_modules and its load
 * time is included, as it is in a Lambda cold start.
 */
function coldRequireMs(modules: string[], cwd: string): number {
  const script = [
    'const t = process.hrtime.bigint();',
    ...modules.map((m) => `require(${JSON.stringify(m)});`),
    'process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));',
  ].join('\n');
  const child = spawnSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_PATH: path.join(REPO_ROOT, 'node_modules'),
      NODE_ENV: 'production',
      STAGE: 'bench',
      TABLE_NAME: 'ah-tourism-bench-main',
      AWS_REGION: 'cn-north-1',
      AWS_NODEJS_CONNECTION_REUSE_ENABLED: '1',
    },
  });
  const ms = Number(child.stdout);
  if (child.status !== 0 || !Number.isFinite(ms)) throw new Error(`requiring ${modules.join(', ')} failed (exit ${child.status}):\n${child.stderr}`);
  return ms;
}

function summarize(times: number[]): RequireTimes {
  if (times.length === 0) return { median: 0, p90: 0, min: 0, max: 0, runs: 0 };
  return {
    median: round(percentile(times, 50)),
    p90: round(percentile(times, 90)),
    min: round(Math.min(...times)),
    max: round(Math.max(...times)),
    runs: times.length,
  };
}

/**
 * The @aws-sdk packages a bundle loads with require() (esbuild externals). Optional ones the SDK
 * only tries inside try/catch (e.g. @aws-sdk/signature-v4-crt) are left out when not installed.
 */
function externalsOf(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/require\(\s*["'](@aws-sdk\/[^"']+)["']\s*\)/g)) found.add(match[1]!);
  return [...found].filter((name) => resolvable(name)).sort();
}

function resolvable(name: string): boolean {
  try {
    require.resolve(name, { paths: [REPO_ROOT] });
    return true;
  } catch {
    return false;
  }
}

interface EsbuildSettings {
  minify?: boolean;
  keepNames?: boolean;
  target?: string;
  exclude?: string[];
}

/** custom.esbuild of serverless.yml: the settings serverless-esbuild packages with. */
function esbuildSettings(): EsbuildSettings {
  const doc = parse(readFileSync(path.join(REPO_ROOT, 'serverless.yml'), 'utf8')) as { custom?: { esbuild?: EsbuildSettings } };
  return doc.custom?.esbuild ?? {};
}

/** Groups a bundle input into a readable part: a package, the SDK as a whole, zod's locale tables, or a source folder. */
function partOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(input);
  if (!match) return input.split('/').slice(0, 2).join('/');
  const [, pkg = '', rest = ''] = match;
  if (/^@(aws-sdk|smithy|aws-crypto)\//.test(pkg)) return 'AWS SDK v3';
  if (pkg === 'zod' && /(^|\/)locales\//.test(rest)) return 'zod locales';
  return pkg;
}

async function composition(entry: string, settings: EsbuildSettings): Promise<{ part: string; bytes: number }[]> {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: REPO_ROOT,
    bundle: true,
    minify: settings.minify ?? false,
    keepNames: settings.keepNames ?? false,
    target: settings.target ?? 'node22',
    platform: 'node',
    format: 'cjs',
    external: settings.exclude ?? [],
    outfile: path.join(os.tmpdir(), 'bundle-composition.js'),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const parts = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) parts.set(partOf(input), (parts.get(partOf(input)) ?? 0) + bytesInOutput);
  }
  return [...parts].map(([part, bytes]) => ({ part, bytes })).sort((a, b) => b.bytes - a.bytes);
}

export async function runBundleBench(options: { requireRuns: number; progress?: (line: string) => void }): Promise<BundleResults> {
  const progress = options.progress ?? (() => undefined);
  warnIfBusy(progress);
  const atStart = await measureMachine();
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'ah-bench-bundles-'));
  try {
    const outDir = path.join(workDir, 'package');
    progress('serverless package --stage prod…');
    const packageSeconds = await packageFunctions(outDir);
    const zips = readdirSync(outDir)
      .filter((f) => f.endsWith('.zip'))
      .sort();
    if (zips.length === 0) throw new Error('serverless package produced no zip');

    // Functions that share a handler file get byte-identical bundles: each distinct one is timed once.
    const distinct = new Map<string, { file: string; externals: string[]; bundle: number[]; externalsOnly: number[] }>();
    const extracted = zips.map((zipName) => {
      const fn = zipName.replace(/\.zip$/, '');
      const zipPath = path.join(outDir, zipName);
      const js = readZip(readFileSync(zipPath)).filter((e) => e.name.endsWith('.js'));
      if (js.length !== 1) throw new Error(`${zipName}: expected one .js bundle, found ${js.map((e) => e.name).join(', ') || 'none'}`);
      const entry = js[0]!;
      const hash = createHash('sha256').update(entry.data).digest('hex');
      if (!distinct.has(hash)) {
        const file = path.join(workDir, 'bundles', hash.slice(0, 12), entry.name);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, entry.data);
        distinct.set(hash, { file, externals: externalsOf(entry.data.toString('utf8')), bundle: [], externalsOnly: [] });
      }
      return { fn, zipPath, entry, hash };
    });

    // Round-robin over the bundles, so that a busy moment of the machine does not land on one of them.
    progress(`requiring each of ${distinct.size} distinct bundles ${options.requireRuns}× in fresh processes…`);
    for (let i = 0; i < options.requireRuns; i += 1) {
      for (const timing of distinct.values()) {
        timing.bundle.push(coldRequireMs([timing.file], path.dirname(timing.file)));
        if (timing.externals.length > 0) timing.externalsOnly.push(coldRequireMs(timing.externals, path.dirname(timing.file)));
      }
    }

    const settings = esbuildSettings();
    const compositions = new Map<string, Promise<{ part: string; bytes: number }[]>>();
    const bundles: BundleResult[] = [];
    for (const { fn, zipPath, entry, hash } of extracted) {
      const timing = distinct.get(hash)!;
      const source = entry.name.replace(/\.js$/, '.ts');
      if (!compositions.has(source)) compositions.set(source, composition(source, settings));
      bundles.push({
        function: fn,
        file: entry.name,
        zipBytes: statSync(zipPath).size,
        minifiedBytes: entry.data.length,
        gzipBytes: gzipBytes(entry.data),
        externals: timing.externals,
        composition: await compositions.get(source)!,
        coldRequireMs: summarize(timing.bundle),
        externalsRequireMs: summarize(timing.externalsOnly),
      });
    }
    return { date: new Date().toISOString(), machine: atStart, packageSeconds: round(packageSeconds), bundles };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

export function bundlesMarkdown(results: BundleResults): string {
  const withExternals = results.bundles.some((b) => b.externals.length > 0);
  const largest = (b: BundleResult) => {
    const total = b.composition.reduce((sum, p) => sum + p.bytes, 0);
    return b.composition
      .slice(0, 3)
      .map((p) => `${p.part} ${Math.round((p.bytes / total) * 100)} %`)
      .join(', ');
  };
  return table(
    ['Function', 'Bundle', 'Minified', 'Gzip', 'Zip', 'Cold require median', 'p90', ...(withExternals ? ['External @aws-sdk alone'] : []), 'Largest parts'],
    results.bundles.map((b) => [
      b.function,
      `\`${b.file}\``,
      kib(b.minifiedBytes),
      kib(b.gzipBytes),
      kib(b.zipBytes),
      `${b.coldRequireMs.median} ms`,
      `${b.coldRequireMs.p90} ms`,
      ...(withExternals ? [b.externals.length > 0 ? `${b.externalsRequireMs.median} ms` : '—'] : []),
      largest(b),
    ]),
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', ...(withExternals ? ['r' as const] : []), 'l'],
  );
}

runIfMain(module, async () => {
  const requireRuns = Number(process.env.BENCH_REQUIRE_RUNS ?? 20);
  if (!Number.isInteger(requireRuns) || requireRuns < 1) throw new Error('BENCH_REQUIRE_RUNS must be a positive integer');
  const results = await runBundleBench({ requireRuns, progress: (line) => console.error(line) });
  console.log(`\nFunction bundles (${machineLine(results.machine)}; packaged in ${results.packageSeconds} s)\n`);
  console.log(bundlesMarkdown(results));
});
