/**
 * The deployable function bundles: minified size, gzip size and zip size of each, what they are made
 * of, and the cold `require` time of each bundle in a fresh Node process.
 *
 *   npx tsx bench/bundles.ts
 *   BENCH_BASELINE_PACKAGE=<dir> npx tsx bench/bundles.ts   # side by side with an earlier build
 *
 * The AWS SDK is not in the bundles: it comes from the SDK layer that the same `serverless package`
 * writes (`awsSdk.zip`). Each bundle is required in a fresh process with that layer's
 * `nodejs/node_modules` as NODE_PATH, as Lambda sets it, so the cold `require` time includes loading
 * every SDK module the bundle requires at load time. The SDK modules a bundle imports only on the
 * paths that use them (lazy `import()`) are loaded next, in the same process, and reported apart as
 * "first use": what the first request on such a path adds.
 *
 * BENCH_REQUIRE_RUNS (default 20) sets how many fresh processes require each bundle.
 * BENCH_BASELINE_PACKAGE names a folder with the output of `serverless package --stage prod --package
 * <dir>` of an earlier commit; its bundles are timed in the same run, interleaved with the current
 * ones, so that both see the same machine load.
 */
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { REPO_ROOT, gzipBytes, kib, machineLine, measureMachine, percentile, round, runIfMain, table, warnIfBusy, type Machine } from './common';

const run = promisify(execFile);
const SERVERLESS_BIN = path.join(REPO_ROOT, 'node_modules', 'serverless', 'bin', 'serverless.js');
/** The zip `serverless package` writes for the awsSdk layer of serverless.yml. */
export const SDK_LAYER_ZIP = 'awsSdk.zip';
/** Modules that come from the SDK layer rather than the bundle (custom.esbuild.exclude). */
export const SDK_MODULE = /^@(aws-sdk|smithy)\//;

export interface BundleResult {
  function: string;
  file: string;
  zipBytes: number;
  minifiedBytes: number;
  gzipBytes: number;
  /** Layer packages the bundle loads when it is required (top-level `require`). */
  loadedAtRequire: string[];
  /** Layer packages the bundle loads only on the paths that use them (lazy `import()`). */
  loadedOnFirstUse: string[];
  /** What the bundle is made of, largest first (esbuild metafile of the same entry and settings). */
  composition: { part: string; bytes: number }[];
  /** Wall-clock time of `require(bundle)` in a fresh process, SDK modules it loads included. */
  coldRequireMs: RequireTimes;
  /** CPU time (user + system) of the same require: less sensitive to other work on the machine. */
  coldRequireCpuMs: RequireTimes;
  /** Loading the lazily imported SDK packages right after, in the same process. */
  firstUseMs: RequireTimes;
  baseline?: BaselineResult;
}

export interface BaselineResult {
  file: string;
  zipBytes: number;
  minifiedBytes: number;
  loadedAtRequire: string[];
  coldRequireMs: RequireTimes;
  coldRequireCpuMs: RequireTimes;
}

export interface RequireTimes {
  median: number;
  p90: number;
  min: number;
  max: number;
  runs: number;
}

export interface LayerSummary {
  zipBytes: number;
  unzippedBytes: number;
  files: number;
  packages: { name: string; version: string; path: string }[];
}

export interface BundleResults {
  date: string;
  machine: Machine;
  packageSeconds: number;
  layer?: LayerSummary;
  /** The folder BENCH_BASELINE_PACKAGE named, when the run compared against it. */
  baselinePackage?: string;
  /** Requiring only the DynamoDB client and document client from the layer, in the same run: the part of every DynamoDB function's cold require that is the SDK's own. */
  dynamodbClientAlone?: { modules: string[]; coldRequireMs: RequireTimes; coldRequireCpuMs: RequireTimes };
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

/** Writes every file of a zip into dir; returns the entries. */
export function extractZip(zipPath: string, dir: string): ZipEntry[] {
  const entries = readZip(readFileSync(zipPath));
  for (const entry of entries) {
    const target = path.join(dir, entry.name);
    if (!target.startsWith(dir + path.sep)) throw new Error(`${zipPath}: entry ${entry.name} leaves the folder`);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, entry.data);
  }
  return entries;
}

/** The one .js bundle of a function zip (serverless-esbuild writes exactly one). */
export function bundleOf(zipPath: string): ZipEntry {
  const js = readZip(readFileSync(zipPath)).filter((e) => e.name.endsWith('.js'));
  if (js.length !== 1) throw new Error(`${path.basename(zipPath)}: expected one .js bundle, found ${js.map((e) => e.name).join(', ') || 'none'}`);
  return js[0]!;
}

/** The packages a bundle names in require() calls (top-level or inside a lazy import) that come from the SDK layer. */
export function sdkRequiresOf(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/require\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
    const specifier = match[1]!;
    if (SDK_MODULE.test(specifier)) found.add(specifier);
  }
  return [...found].sort();
}

/** `serverless package --stage prod` into outDir, without AWS credentials, as the deploy would build it. */
export async function packageFunctions(outDir: string, serviceDir = REPO_ROOT): Promise<number> {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('AWS_')) delete env[key];
  const began = Date.now();
  await run(process.execPath, [SERVERLESS_BIN, 'package', '--stage', 'prod', '--package', outDir], {
    cwd: serviceDir,
    // A throwaway HOME keeps the framework from reading or writing the user's configuration.
    env: { ...env, HOME: path.join(outDir, '.home') },
    maxBuffer: 16 * 1024 * 1024,
  });
  return (Date.now() - began) / 1000;
}

interface ProbeResult {
  wallMs: number;
  cpuMs: number;
  loaded: string[];
  /** Named but not resolvable: optional packages the SDK only tries inside try/catch (bundled SDK), or a gap in the layer. */
  missing: string[];
  firstUseMs: number;
}

/**
 * One fresh `node` process: requires the bundle (timed, wall and CPU), records which of the SDK
 * packages the bundle names are loaded by then, and then requires the others (timed apart).
 * nodePath plays the part of Lambda's /opt/nodejs/node_modules: only the layer's copy of the SDK is
 * visible, so a package the layer lacks fails here as it would in Lambda.
 */
export function probeBundle(file: string, sdkPackages: string[], nodePath: string | undefined): ProbeResult {
  const script = `
const c0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
require(${JSON.stringify(file)});
const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
const c1 = process.cpuUsage(c0);
const resolved = (name) => { try { return require.resolve(name); } catch { return undefined; } };
const names = ${JSON.stringify(sdkPackages)};
const missing = names.filter((name) => !resolved(name));
const loaded = names.filter((name) => resolved(name) && require.cache[resolved(name)]);
const t1 = process.hrtime.bigint();
for (const name of names) if (!loaded.includes(name) && !missing.includes(name)) require(name);
const firstUseMs = Number(process.hrtime.bigint() - t1) / 1e6;
process.stdout.write(JSON.stringify({ wallMs, cpuMs: (c1.user + c1.system) / 1000, loaded, missing, firstUseMs }));
`;
  const child = spawnSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    cwd: path.dirname(file),
    env: {
      PATH: process.env.PATH ?? '',
      ...(nodePath ? { NODE_PATH: nodePath } : {}),
      NODE_ENV: 'production',
      STAGE: 'bench',
      TABLE_NAME: 'ah-tourism-bench-main',
      AWS_REGION: 'cn-north-1',
      AWS_NODEJS_CONNECTION_REUSE_ENABLED: '1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  });
  if (child.status !== 0) throw new Error(`requiring ${file} failed (exit ${child.status}):\n${child.stderr}`);
  return JSON.parse(child.stdout) as ProbeResult;
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

interface EsbuildSettings {
  minify?: boolean;
  keepNames?: boolean;
  target?: string;
  exclude?: string[];
  supported?: Record<string, boolean>;
  alias?: Record<string, string>;
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
    ...(settings.supported ? { supported: settings.supported } : {}),
    ...(settings.alias ? { alias: settings.alias } : {}),
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

interface Timing {
  file: string;
  sdkPackages: string[];
  nodePath: string | undefined;
  wall: number[];
  cpu: number[];
  firstUse: number[];
  loaded: string[];
  missing: string[];
}

/**
 * Extracts the function zips of a package folder, one copy per distinct bundle (functions that share
 * a handler file get byte-identical bundles), and its SDK layer if it has one.
 */
function unpack(packageDir: string, workDir: string, fallbackNodePath: string) {
  const layerZip = path.join(packageDir, SDK_LAYER_ZIP);
  let layer: LayerSummary | undefined;
  let nodePath = fallbackNodePath;
  if (existsSync(layerZip)) {
    const layerDir = path.join(workDir, 'layer');
    const entries = extractZip(layerZip, layerDir);
    nodePath = path.join(layerDir, 'nodejs', 'node_modules');
    const manifestPath = path.join(layerDir, 'nodejs', 'aws-sdk-layer.json');
    const manifest = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { packages: LayerSummary['packages'] }) : { packages: [] };
    layer = {
      zipBytes: statSync(layerZip).size,
      unzippedBytes: entries.reduce((sum, e) => sum + e.data.length, 0),
      files: entries.length,
      packages: manifest.packages.map(({ name, version, path: where }) => ({ name, version, path: where })),
    };
  }
  const distinct = new Map<string, Timing>();
  const functions = readdirSync(packageDir)
    .filter((f) => f.endsWith('.zip') && f !== SDK_LAYER_ZIP)
    .sort()
    .map((zipName) => {
      const zipPath = path.join(packageDir, zipName);
      const entry = bundleOf(zipPath);
      const hash = createHash('sha256').update(entry.data).digest('hex');
      if (!distinct.has(hash)) {
        const file = path.join(workDir, 'bundles', hash.slice(0, 12), entry.name);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, entry.data);
        distinct.set(hash, { file, sdkPackages: sdkRequiresOf(entry.data.toString('utf8')), nodePath, wall: [], cpu: [], firstUse: [], loaded: [], missing: [] });
      }
      return { fn: zipName.replace(/\.zip$/, ''), zipPath, entry, hash };
    });
  if (functions.length === 0) throw new Error(`${packageDir} holds no function zip`);
  return { layer, nodePath, distinct, functions };
}

export async function runBundleBench(options: { requireRuns: number; baselinePackage?: string; progress?: (line: string) => void }): Promise<BundleResults> {
  const progress = options.progress ?? (() => undefined);
  warnIfBusy(progress);
  const atStart = await measureMachine();
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'ah-bench-bundles-'));
  try {
    const outDir = path.join(workDir, 'package');
    progress('serverless package --stage prod…');
    const packageSeconds = await packageFunctions(outDir);
    const repoModules = path.join(REPO_ROOT, 'node_modules');
    const current = unpack(outDir, path.join(workDir, 'current'), repoModules);
    if (!current.layer && [...current.distinct.values()].some((t) => t.sdkPackages.length > 0)) {
      throw new Error(`the bundles require the AWS SDK but the package has no ${SDK_LAYER_ZIP}`);
    }
    const baseline = options.baselinePackage ? unpack(path.resolve(options.baselinePackage), path.join(workDir, 'baseline'), repoModules) : undefined;

    // For reference, a process that requires nothing but the DynamoDB client and document client from the layer.
    const clientModules = ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'];
    let clientAlone: Timing | undefined;
    if (current.layer) {
      const file = path.join(workDir, 'current', 'dynamodb-client-alone.js');
      writeFileSync(file, clientModules.map((m) => `require(${JSON.stringify(m)});`).join('\n'));
      clientAlone = { file, sdkPackages: [], nodePath: current.nodePath, wall: [], cpu: [], firstUse: [], loaded: [], missing: [] };
    }

    // Round-robin over all bundles (and the baseline's), so that a busy moment of the machine does not land on one of them.
    const timings = [...current.distinct.values(), ...(baseline ? baseline.distinct.values() : []), ...(clientAlone ? [clientAlone] : [])];
    progress(`requiring each of ${timings.length} distinct bundles ${options.requireRuns}× in fresh processes…`);
    for (let i = 0; i < options.requireRuns; i += 1) {
      for (const timing of timings) {
        const probe = probeBundle(timing.file, timing.sdkPackages, timing.nodePath);
        timing.wall.push(probe.wallMs);
        timing.cpu.push(probe.cpuMs);
        timing.firstUse.push(probe.firstUseMs);
        timing.loaded = probe.loaded;
        timing.missing = probe.missing;
      }
    }

    for (const timing of current.distinct.values()) {
      if (timing.missing.length > 0) throw new Error(`${timing.file} requires ${timing.missing.join(', ')}, which the SDK layer lacks`);
    }

    const settings = esbuildSettings();
    const compositions = new Map<string, Promise<{ part: string; bytes: number }[]>>();
    const baselineByFunction = new Map(baseline?.functions.map((f) => [f.fn, f]) ?? []);
    const bundles: BundleResult[] = [];
    for (const { fn, zipPath, entry, hash } of current.functions) {
      const timing = current.distinct.get(hash)!;
      const source = entry.name.replace(/\.js$/, '.ts');
      if (!compositions.has(source)) compositions.set(source, composition(source, settings));
      const before = baselineByFunction.get(fn);
      const beforeTiming = before ? baseline!.distinct.get(before.hash)! : undefined;
      bundles.push({
        function: fn,
        file: entry.name,
        zipBytes: statSync(zipPath).size,
        minifiedBytes: entry.data.length,
        gzipBytes: gzipBytes(entry.data),
        loadedAtRequire: timing.loaded,
        loadedOnFirstUse: timing.sdkPackages.filter((p) => !timing.loaded.includes(p) && !timing.missing.includes(p)),
        composition: await compositions.get(source)!,
        coldRequireMs: summarize(timing.wall),
        coldRequireCpuMs: summarize(timing.cpu),
        firstUseMs: summarize(timing.sdkPackages.length > timing.loaded.length + timing.missing.length ? timing.firstUse : []),
        ...(before && beforeTiming
          ? {
              baseline: {
                file: before.entry.name,
                zipBytes: statSync(before.zipPath).size,
                minifiedBytes: before.entry.data.length,
                loadedAtRequire: beforeTiming.loaded,
                coldRequireMs: summarize(beforeTiming.wall),
                coldRequireCpuMs: summarize(beforeTiming.cpu),
              },
            }
          : {}),
      });
    }
    return {
      date: new Date().toISOString(),
      machine: atStart,
      packageSeconds: round(packageSeconds),
      ...(current.layer ? { layer: current.layer } : {}),
      ...(options.baselinePackage ? { baselinePackage: options.baselinePackage } : {}),
      ...(clientAlone ? { dynamodbClientAlone: { modules: clientModules, coldRequireMs: summarize(clientAlone.wall), coldRequireCpuMs: summarize(clientAlone.cpu) } } : {}),
      bundles,
    };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

const short = (name: string) => name.replace(/^@aws-sdk\//, '');
const ratio = (after: number, before: number) => (before > 0 ? `${Math.round((after / before) * 100)} %` : '—');

/** Functions with byte-identical bundles share one row. */
function grouped(results: BundleResults): { names: string; b: BundleResult }[] {
  const rows = new Map<string, { names: string[]; b: BundleResult }>();
  for (const b of results.bundles) {
    const key = `${b.file}|${b.minifiedBytes}|${b.baseline?.minifiedBytes ?? ''}`;
    const row = rows.get(key);
    if (row) row.names.push(b.function);
    else rows.set(key, { names: [b.function], b });
  }
  return [...rows.values()].map(({ names, b }) => ({ names: names.sort().join(', '), b })).sort((x, y) => x.b.zipBytes - y.b.zipBytes);
}

export function bundlesMarkdown(results: BundleResults): string {
  const largest = (b: BundleResult) => {
    const total = b.composition.reduce((sum, p) => sum + p.bytes, 0);
    return b.composition
      .slice(0, 3)
      .map((p) => `${p.part} ${Math.round((p.bytes / total) * 100)} %`)
      .join(', ');
  };
  const sdk = (b: BundleResult) => {
    const atRequire = b.loadedAtRequire.map(short).join(', ') || '—';
    const later = b.loadedOnFirstUse.length > 0 ? `; first use: ${b.loadedOnFirstUse.map(short).join(', ')} (+${b.firstUseMs.median} ms)` : '';
    return `${atRequire}${later}`;
  };
  const rows = grouped(results);
  const compared = results.bundles.some((b) => b.baseline);
  const lines: string[] = [];
  if (compared) {
    lines.push(
      table(
        [
          'Functions',
          'Zip before',
          'Zip after',
          'Cold require before',
          'after',
          'after ÷ before',
          'CPU before',
          'CPU after',
          'after ÷ before',
          'SDK from the layer: at require; on first use',
          'Largest parts of the bundle',
        ],
        rows.map(({ names, b }) => [
          names,
          b.baseline ? kib(b.baseline.zipBytes) : '—',
          kib(b.zipBytes),
          b.baseline ? `${b.baseline.coldRequireMs.median} ms` : '—',
          `${b.coldRequireMs.median} ms`,
          b.baseline ? ratio(b.coldRequireMs.median, b.baseline.coldRequireMs.median) : '—',
          b.baseline ? `${b.baseline.coldRequireCpuMs.median} ms` : '—',
          `${b.coldRequireCpuMs.median} ms`,
          b.baseline ? ratio(b.coldRequireCpuMs.median, b.baseline.coldRequireCpuMs.median) : '—',
          sdk(b),
          largest(b),
        ]),
        ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'l'],
      ),
    );
  } else {
    lines.push(
      table(
        ['Functions', 'Bundle', 'Minified', 'Gzip', 'Zip', 'Cold require median', 'p90', 'CPU median', 'SDK from the layer: at require; on first use', 'Largest parts of the bundle'],
        rows.map(({ names, b }) => [
          names,
          `\`${b.file}\``,
          kib(b.minifiedBytes),
          kib(b.gzipBytes),
          kib(b.zipBytes),
          `${b.coldRequireMs.median} ms`,
          `${b.coldRequireMs.p90} ms`,
          `${b.coldRequireCpuMs.median} ms`,
          sdk(b),
          largest(b),
        ]),
        ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'l'],
      ),
    );
  }
  if (results.dynamodbClientAlone) {
    const { modules, coldRequireMs, coldRequireCpuMs } = results.dynamodbClientAlone;
    lines.push(
      '',
      `Requiring only ${modules.map((m) => `\`${m}\``).join(' and ')} from the layer, in the same run: ${coldRequireMs.median} ms ` +
        `(CPU ${coldRequireCpuMs.median} ms), part of the cold require of every function that uses DynamoDB.`,
    );
  }
  if (results.layer) {
    const client = results.layer.packages.find((p) => p.name === '@aws-sdk/client-dynamodb');
    lines.push(
      '',
      `SDK layer (\`${SDK_LAYER_ZIP}\`): ${kib(results.layer.zipBytes)} zipped, ${kib(results.layer.unzippedBytes)} unzipped, ` +
        `${results.layer.files} files, ${results.layer.packages.length} packages${client ? ` (clients ${client.version})` : ''}.`,
    );
  }
  return lines.join('\n');
}

runIfMain(module, async () => {
  const requireRuns = Number(process.env.BENCH_REQUIRE_RUNS ?? 20);
  if (!Number.isInteger(requireRuns) || requireRuns < 1) throw new Error('BENCH_REQUIRE_RUNS must be a positive integer');
  const baselinePackage = process.env.BENCH_BASELINE_PACKAGE || undefined;
  const results = await runBundleBench({ requireRuns, baselinePackage, progress: (line) => console.error(line) });
  console.log(`\nFunction bundles (${machineLine(results.machine)}; packaged in ${results.packageSeconds} s)\n`);
  console.log(bundlesMarkdown(results));
});
