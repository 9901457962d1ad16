import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MINIAPP_DIR, REPO_ROOT } from './paths';

/**
 * Builds the tests would otherwise repeat on every run (the H5 app the browser tests drive, the weapp
 * output the build test checks) are reused when nothing that goes into them changed. A stamp beside the
 * output folder records a content hash of the inputs (sources, configuration, lockfile, the settings
 * baked in) and a listing of the output as written; the build is skipped only when both still match.
 * Anything else, including a failed build, a hand-made build into the same folder or BUILD_CACHE=off,
 * builds again.
 */
export interface BuildInputs {
  /** Files and folders (absolute) the build reads. Folders are walked; see SKIPPED_NAMES and isTestFile. */
  paths: string[];
  /** Values baked into the output: environment settings, the Node version, the target. */
  settings: Record<string, string | undefined>;
}

export interface CachedBuild {
  /** What is built, for messages ("H5 app", "weapp"). */
  name: string;
  /** The folder the build writes. */
  outDir: string;
  inputs: BuildInputs;
  build: () => Promise<void>;
  /** Where the stamp goes; default: beside outDir, `<outDir>.build-stamp.json`. */
  stampFile?: string;
}

interface Stamp {
  inputs: string;
  output: string;
}

/** Never inputs of a build: installed packages, build outputs, caches, version control. */
const SKIPPED_NAMES = new Set(['node_modules', 'dist', '.git', '.swc', '.cache', '.DS_Store']);

/** Test files and documentation are never imported by the app, so editing one must not cost a rebuild. */
function isTestFile(name: string): boolean {
  return /\.test\.[cm]?[jt]sx?$/.test(name) || name.endsWith('.md');
}

function walk(entry: string, visit: (file: string) => void): void {
  if (!existsSync(entry)) return;
  if (!statSync(entry).isDirectory()) {
    visit(entry);
    return;
  }
  for (const name of readdirSync(entry).sort()) {
    if (SKIPPED_NAMES.has(name) || isTestFile(name)) continue;
    walk(path.join(entry, name), visit);
  }
}

/** SHA-256 over every input file (path relative to the repository and content) and every setting. */
export function inputsHash(inputs: BuildInputs): string {
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const entry of inputs.paths) walk(entry, (file) => files.push(file));
  for (const file of [...new Set(files)].sort()) {
    hash.update(`file ${path.relative(REPO_ROOT, file).split(path.sep).join('/')}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  for (const key of Object.keys(inputs.settings).sort()) hash.update(`setting ${key}=${inputs.settings[key] ?? ''}\0`);
  return hash.digest('hex');
}

/** What the output folder holds now: every file's path, size and modification time. */
export function outputDigest(dir: string): string {
  const hash = createHash('sha256');
  let count = 0;
  const visit = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) visit(full);
      else {
        const stat = statSync(full);
        hash.update(`${path.relative(dir, full)}\0${stat.size}\0${stat.mtimeMs}\0`);
        count += 1;
      }
    }
  };
  if (existsSync(dir)) visit(dir);
  return count === 0 ? '' : hash.digest('hex');
}

function readStamp(file: string): Stamp | undefined {
  try {
    const stamp = JSON.parse(readFileSync(file, 'utf8')) as Partial<Stamp>;
    return typeof stamp.inputs === 'string' && typeof stamp.output === 'string' ? (stamp as Stamp) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs the build unless its stamp shows the output is already what these inputs produce. `why` says
 * why it built: no stamp (first build, BUILD_CACHE=off, or the last build failed), changed inputs, or
 * an output changed since it was built.
 */
export async function reuseOrBuild(options: CachedBuild): Promise<{ reused: boolean; why?: string }> {
  const stampFile = options.stampFile ?? `${options.outDir}.build-stamp.json`;
  const inputs = inputsHash(options.inputs);
  const stamp = process.env.BUILD_CACHE === 'off' ? undefined : readStamp(stampFile);
  const why = !stamp
    ? process.env.BUILD_CACHE === 'off'
      ? 'BUILD_CACHE=off'
      : 'no earlier build'
    : stamp.inputs !== inputs
      ? 'sources or settings changed'
      : stamp.output === '' || stamp.output !== outputDigest(options.outDir)
        ? 'the output was changed since'
        : undefined;
  if (!why) return { reused: true };
  // No stamp while the folder is being rewritten: a build that fails half-way is never reused.
  rmSync(stampFile, { force: true });
  await options.build();
  const output = outputDigest(options.outDir);
  if (output === '') throw new Error(`The ${options.name} build wrote nothing into ${options.outDir}`);
  writeFileSync(stampFile, `${JSON.stringify({ inputs, output, builtAt: new Date().toISOString() }, null, 2)}\n`);
  return { reused: false, why };
}

/** The environment settings a Taro build reads: every TARO_* variable, NODE_ENV and browserslist's. */
export function taroSettings(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const settings: Record<string, string | undefined> = { node: process.version, platform: `${process.platform}-${process.arch}` };
  for (const [key, value] of Object.entries(env)) if (/^(TARO_|BROWSERSLIST)/.test(key) || key === 'NODE_ENV') settings[`env.${key}`] = value;
  return settings;
}

/**
 * Everything the mini-program's builds (weapp and H5) read besides the environment: the app with its
 * configuration, plugins and any .env files, the shared package it compiles in, the TypeScript base
 * configuration and the lockfile (which pins every installed package).
 */
export function miniappInputs(): string[] {
  return [
    MINIAPP_DIR,
    path.join(REPO_ROOT, 'shared'),
    path.join(REPO_ROOT, 'tsconfig.base.json'),
    path.join(REPO_ROOT, 'package.json'),
    path.join(REPO_ROOT, 'package-lock.json'),
  ];
}

/** Top-level folders no backend build reads: the app, tests, documentation, benchmarks, outputs and caches. */
const NOT_BACKEND = new Set(['miniapp', 'test', 'docs', 'bench', '.ci', '.esbuild', '.serverless', 'test-results', '.local', 'coverage']);

/**
 * Everything `serverless package` may read: the whole repository except what NOT_BACKEND names (and
 * what SKIPPED_NAMES and isTestFile leave out everywhere), so a new folder the configuration starts to
 * use is an input without anyone listing it.
 */
export function backendInputs(): string[] {
  return readdirSync(REPO_ROOT)
    .filter((name) => !NOT_BACKEND.has(name))
    .map((name) => path.join(REPO_ROOT, name));
}

/** The values of every environment variable serverless.yml and resources/ refer to (`${env:NAME…}`). */
export function serverlessEnvSettings(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const files = [path.join(REPO_ROOT, 'serverless.yml')];
  walk(path.join(REPO_ROOT, 'resources'), (file) => files.push(file));
  const names = new Set<string>();
  for (const file of files) for (const match of readFileSync(file, 'utf8').matchAll(/\$\{env:([A-Za-z0-9_]+)/g)) names.add(match[1]!);
  const settings: Record<string, string | undefined> = { node: process.version, platform: `${process.platform}-${process.arch}` };
  for (const name of [...names].sort()) settings[`env.${name}`] = env[name];
  return settings;
}
