/**
 * Client size: the WeChat mini-program main package (against the 2 MB limit) and the JavaScript the
 * H5 app loads for its first screen.
 *
 *   npx tsx bench/miniapp.ts
 *
 * Builds miniapp/dist/weapp and miniapp/dist/h5 (production), then measures a copy of the H5 build
 * in headless Chromium (CHROMIUM_PATH, default /usr/bin/chromium) with the local stack running on
 * the bench ports, so the home page loads real data.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { MINIAPP_DIR, TARO_BIN } from '../scripts/local/paths';
import { portInUse } from '../scripts/local/process';
import { TEST_PORTS, startStack, type RunningStack } from '../scripts/local/stack';
import { serveStatic } from '../scripts/local/static-server';
import { benchPorts, gzipBytes, kib, machineLine, measureMachine, round, runIfMain, table, type Machine } from './common';

const run = promisify(execFile);

/** WeChat's limit for the main package (and for each subpackage). */
export const WEAPP_MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024;
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface FileSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface WeappResult {
  buildSeconds: number;
  mainPackageBytes: number;
  mainPackageLimitBytes: number;
  mainPackageFiles: number;
  /** The largest files of the main package. */
  largestMainFiles: FileSize[];
  subpackages: { root: string; bytes: number; files: number }[];
  totalBytes: number;
}

export interface H5FirstPaint {
  url: string;
  /** Bytes as they crossed the wire from the (uncompressed) static server, and decoded. */
  js: { files: number; transferBytes: number; decodedBytes: number; gzipBytes: number; list: FileSize[] };
  css: { files: number; decodedBytes: number; gzipBytes: number };
  /** Calls the home page made to the API, by status; a failed call (e.g. CORS) counts as "failed". */
  apiResponses: Record<string, number>;
  textLength: number;
}

export interface H5Result {
  buildSeconds: number;
  /** The <script> files index.html references. */
  entryJs: { files: number; bytes: number; gzipBytes: number; list: FileSize[] };
  entryCss: { files: number; bytes: number; gzipBytes: number };
  /** Everything the home route loads until the network is idle, measured in Chromium. */
  firstPaint: H5FirstPaint | null;
  /** Why there is no firstPaint: no browser here. */
  firstPaintSkipped?: string;
  /** Why there is no firstPaint: the measurement failed (the page, the API or the stack). */
  firstPaintError?: string;
  totalJs: { files: number; bytes: number; gzipBytes: number };
}

export interface MiniappResults {
  date: string;
  machine: Machine;
  weapp: WeappResult;
  h5: H5Result;
}

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(root, full) : [path.relative(root, full).split(path.sep).join('/')];
  });
}

function sizeOf(root: string, file: string): FileSize {
  const content = readFileSync(path.join(root, file));
  return { file, bytes: content.length, gzipBytes: gzipBytes(content) };
}

/**
 * Other one-off `taro build` processes working in miniapp/ (Linux only: read from /proc; elsewhere
 * none are seen). A running `--watch` dev server serves from memory and is left alone.
 */
function otherTaroBuilds(): number[] {
  if (!existsSync('/proc/self/cmdline')) return [];
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid)
    .filter((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        const cwd = readlinkSync(`/proc/${pid}/cwd`);
        return cmdline.some((arg) => /[\\/]taro$|^taro$/.test(arg)) && cmdline.includes('build') && !cmdline.includes('--watch') && cwd.startsWith(MINIAPP_DIR);
      } catch {
        return false; // gone, or not ours to read
      }
    })
    .map(Number);
}

/**
 * miniapp/dist is shared: the weapp output test, `npm test` (which serves miniapp/dist/h5 on its H5
 * port) and watch builds all use it. Waits until none of them runs, so neither side reads a
 * half-written or foreign build.
 */
async function waitForDistFree(progress: (line: string) => void, timeoutMs = 10 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let said = false;
  for (;;) {
    const builds = otherTaroBuilds();
    const testH5 = await portInUse(TEST_PORTS.h5);
    if (builds.length === 0 && !testH5) return;
    if (Date.now() > deadline) {
      throw new Error(`miniapp/dist stayed in use (taro build processes ${builds.join(', ') || 'none'}; npm test H5 port ${testH5 ? 'busy' : 'free'}); rerun later`);
    }
    if (!said) progress('waiting: another taro build or an `npm test` run is using miniapp/dist…');
    said = true;
    await new Promise((r) => setTimeout(r, 5_000));
  }
}

async function taroBuild(type: 'weapp' | 'h5', env: Record<string, string>, progress: (line: string) => void): Promise<{ dir: string; seconds: number }> {
  await waitForDistFree(progress);
  const began = Date.now();
  try {
    await run(process.execPath, [TARO_BIN, 'build', '--type', type], {
      cwd: MINIAPP_DIR,
      env: { ...process.env, NODE_ENV: 'production', BROWSERSLIST_IGNORE_OLD_DATA: '1', ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`taro build --type ${type} failed:\n${`${stdout}\n${stderr}`.trim().slice(-4000)}`);
  }
  const dir = path.join(MINIAPP_DIR, 'dist', type);
  const marker = path.join(dir, type === 'weapp' ? 'app.json' : 'index.html');
  if (!existsSync(marker) || statSync(marker).mtimeMs < began - 1000) throw new Error(`taro build --type ${type} left no fresh ${marker}`);
  return { dir, seconds: (Date.now() - began) / 1000 };
}

/** Copies a build out of miniapp/dist so that a concurrent build cannot change it under the measurement. */
function snapshot(dir: string, workDir: string): string {
  const copy = path.join(workDir, path.basename(dir));
  cpSync(dir, copy, { recursive: true });
  return copy;
}

/** Main package = every file not under a subpackage root of app.json. Source maps are not uploaded. */
export function measureWeapp(dir: string): Omit<WeappResult, 'buildSeconds'> {
  const app = JSON.parse(readFileSync(path.join(dir, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((s) => s.root.replace(/^\/+|\/+$/g, ''));
  const files = filesUnder(dir).filter((f) => !f.endsWith('.map'));
  const rootOf = (file: string) => roots.find((root) => file === root || file.startsWith(`${root}/`));
  const main = files.filter((f) => !rootOf(f)).map((f) => ({ file: f, bytes: statSync(path.join(dir, f)).size }));
  const mainPackageBytes = main.reduce((sum, f) => sum + f.bytes, 0);
  const subpackages = roots.map((root) => {
    const inRoot = files.filter((f) => rootOf(f) === root);
    return { root, files: inRoot.length, bytes: inRoot.reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0) };
  });
  return {
    mainPackageBytes,
    mainPackageLimitBytes: WEAPP_MAIN_PACKAGE_LIMIT,
    mainPackageFiles: main.length,
    largestMainFiles: main
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 5)
      .map((f) => sizeOf(dir, f.file)),
    subpackages,
    totalBytes: mainPackageBytes + subpackages.reduce((sum, s) => sum + s.bytes, 0),
  };
}

function entryAssets(dir: string): { js: string[]; css: string[] } {
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const local = (ref: string) => (/^(https?:)?\/\//.test(ref) ? undefined : ref.replace(/^\.?\//, '').replace(/[?#].*$/, ''));
  const js = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => local(m[1]!));
  const css = [...html.matchAll(/<link\b[^>]*\bhref=["']?([^"' >]+\.css[^"' >]*)/g)].map((m) => local(m[1]!));
  return { js: js.filter((f): f is string => Boolean(f)), css: css.filter((f): f is string => Boolean(f)) };
}

/** Loads the built index.html in a fresh headless Chromium and sums what the first screen fetches. */
async function measureFirstPaint(dir: string, port: number, apiUrl: string, executablePath: string): Promise<H5FirstPaint> {
  const server = await serveStatic(dir, port);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'ah-bench-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 375, height: 812 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const responses: { url: string; kind: 'js' | 'css' | 'other'; transferBytes: number; decodedBytes: number }[] = [];
      const pending: Promise<void>[] = [];
      const apiResponses: Record<string, number> = {};
      const countApi = (outcome: string) => (apiResponses[outcome] = (apiResponses[outcome] ?? 0) + 1);
      page.on('requestfailed', (request) => {
        if (request.url().startsWith(apiUrl)) countApi('failed');
      });
      page.on('requestfinished', (request) => {
        if (!request.url().startsWith(apiUrl)) return;
        pending.push(
          request.response().then(
            (response) => void countApi(String(response?.status() ?? 'failed')),
            () => void countApi('failed'),
          ),
        );
      });
      page.on('response', (response) => {
        if (!response.url().startsWith(server.url)) return;
        pending.push(
          (async () => {
            const pathname = new URL(response.url()).pathname;
            const kind = pathname.endsWith('.js') ? 'js' : pathname.endsWith('.css') ? 'css' : 'other';
            const [sizes, body] = await Promise.all([response.request().sizes(), response.body()]);
            responses.push({ url: pathname, kind, transferBytes: sizes.responseBodySize, decodedBytes: body.length });
          })().catch(() => undefined),
        );
      });
      await page.goto(`${server.url}/`, { waitUntil: 'networkidle', timeout: 60_000 });
      await Promise.all(pending);
      const textLength = (await page.locator('body').innerText()).trim().length;
      if (textLength === 0) throw new Error('the H5 home page rendered no text');
      const failedApi = Object.entries(apiResponses).filter(([status]) => !/^[23]/.test(status));
      if (failedApi.length > 0) throw new Error(`the H5 home page's API calls failed: ${JSON.stringify(apiResponses)}`);
      const js = responses.filter((r) => r.kind === 'js');
      const jsSizes = js.map((r) => sizeOf(dir, decodeURIComponent(r.url).replace(/^\//, '')));
      const css = responses.filter((r) => r.kind === 'css').map((r) => sizeOf(dir, decodeURIComponent(r.url).replace(/^\//, '')));
      return {
        url: '/',
        js: {
          files: js.length,
          transferBytes: js.reduce((sum, r) => sum + r.transferBytes, 0),
          decodedBytes: js.reduce((sum, r) => sum + r.decodedBytes, 0),
          gzipBytes: jsSizes.reduce((sum, f) => sum + f.gzipBytes, 0),
          list: jsSizes.sort((a, b) => b.bytes - a.bytes),
        },
        css: { files: css.length, decodedBytes: css.reduce((s, f) => s + f.bytes, 0), gzipBytes: css.reduce((s, f) => s + f.gzipBytes, 0) },
        apiResponses,
        textLength,
      };
    } finally {
      await context.close();
    }
  } finally {
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
  }
}

export interface MiniappOptions {
  /**
   * A running local stack: its API URL and the H5 port its CORS rules allow. When absent, the local
   * stack is started for the H5 measurement; 'unavailable' skips that measurement.
   */
  running?: { apiUrl: string; h5Port: number } | 'unavailable';
  progress?: (line: string) => void;
}

export async function runMiniappBench(options: MiniappOptions = {}): Promise<MiniappResults> {
  const progress = options.progress ?? (() => undefined);
  const ports = await benchPorts();
  const running = typeof options.running === 'object' ? options.running : undefined;
  if (running) ports.h5 = running.h5Port;
  const apiUrl = running?.apiUrl ?? `http://127.0.0.1:${ports.api}`;
  const atStart = await measureMachine();
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'ah-bench-miniapp-'));
  let stack: RunningStack | undefined;
  try {
    progress('taro build --type weapp…');
    const weappBuild = await taroBuild('weapp', {}, progress);
    const weapp = { buildSeconds: round(weappBuild.seconds), ...measureWeapp(snapshot(weappBuild.dir, workDir)) };

    progress(`taro build --type h5 (API ${apiUrl})…`);
    const h5Build = await taroBuild('h5', { TARO_APP_API_BASE: apiUrl }, progress);
    const h5Dir = snapshot(h5Build.dir, workDir);
    const entry = entryAssets(h5Dir);
    const entryJs = entry.js.map((f) => sizeOf(h5Dir, f));
    const entryCss = entry.css.map((f) => sizeOf(h5Dir, f));
    const allJs = filesUnder(h5Dir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => sizeOf(h5Dir, f));
    const sum = (list: FileSize[]) => ({
      files: list.length,
      bytes: list.reduce((s, f) => s + f.bytes, 0),
      gzipBytes: list.reduce((s, f) => s + f.gzipBytes, 0),
    });

    let firstPaint: H5FirstPaint | null = null;
    let firstPaintSkipped: string | undefined;
    let firstPaintError: string | undefined;
    const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (!existsSync(executablePath)) {
      firstPaintSkipped = `no Chromium at ${executablePath} (set CHROMIUM_PATH)`;
    } else if (options.running === 'unavailable') {
      firstPaintError = 'the local stack is not running';
    } else {
      try {
        if (!running) {
          progress('starting the local stack so the home page loads real data…');
          stack = await startStack({ ports, h5: 'none', progress: (step) => progress(`  ${step}…`) });
        }
        progress('loading the H5 home page in headless Chromium…');
        firstPaint = await measureFirstPaint(h5Dir, ports.h5, apiUrl, executablePath);
      } catch (error) {
        firstPaintError = error instanceof Error ? error.message : String(error);
      }
    }

    return {
      date: new Date().toISOString(),
      machine: atStart,
      weapp,
      h5: {
        buildSeconds: round(h5Build.seconds),
        entryJs: { ...sum(entryJs), list: entryJs },
        entryCss: sum(entryCss),
        firstPaint,
        ...(firstPaintSkipped ? { firstPaintSkipped } : {}),
        ...(firstPaintError ? { firstPaintError } : {}),
        totalJs: sum(allJs),
      },
    };
  } finally {
    await stack?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

export function miniappMarkdown(results: MiniappResults): string {
  const { weapp, h5 } = results;
  const percent = (bytes: number) => `${round((bytes / weapp.mainPackageLimitBytes) * 100)} %`;
  const rows: (string | number)[][] = [
    ['weapp main package', kib(weapp.mainPackageBytes), '—', `${percent(weapp.mainPackageBytes)} of the 2 MB limit; ${weapp.mainPackageFiles} files`],
    ...weapp.subpackages.map((s) => [`weapp subpackage \`${s.root}\``, kib(s.bytes), '—', `${s.files} files`]),
    ['weapp total', kib(weapp.totalBytes), '—', 'WeChat counts uncompressed bytes'],
    [
      'H5 index.html scripts',
      kib(h5.entryJs.bytes),
      kib(h5.entryJs.gzipBytes),
      `${h5.entryJs.files} files: ${h5.entryJs.list.map((f) => `\`${f.file}\``).join(', ')}`,
    ],
  ];
  if (h5.firstPaint) {
    const fp = h5.firstPaint;
    const apiCalls = Object.entries(fp.apiResponses)
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
    rows.push(
      [
        'H5 first-load JS (home, Chromium)',
        kib(fp.js.decodedBytes),
        kib(fp.js.gzipBytes),
        `${fp.js.files} files; home page API calls: ${apiCalls || 'none'}`,
      ],
      ['H5 first-load CSS (home, Chromium)', kib(fp.css.decodedBytes), kib(fp.css.gzipBytes), `${fp.css.files} files`],
    );
  } else {
    const why = h5.firstPaintError ? `failed: ${h5.firstPaintError.split('\n')[0]}` : `skipped: ${h5.firstPaintSkipped ?? 'unknown'}`;
    rows.push(['H5 first-load (Chromium)', '—', '—', why]);
  }
  rows.push(['H5 all JS in the build', kib(h5.totalJs.bytes), kib(h5.totalJs.gzipBytes), `${h5.totalJs.files} files`]);
  return table(['What', 'Raw', 'Gzip', 'Notes'], rows, ['l', 'r', 'r', 'l']);
}

runIfMain(module, async () => {
  const results = await runMiniappBench({ progress: (line) => console.error(line) });
  console.log(`\nMini-program and H5 size (${machineLine(results.machine)})\n`);
  console.log(miniappMarkdown(results));
  if (results.h5.firstPaintError) {
    console.error(`\nThe H5 first-load measurement failed: ${results.h5.firstPaintError}`);
    process.exitCode = 1;
  }
  if (results.weapp.mainPackageBytes > results.weapp.mainPackageLimitBytes) {
    console.error('\nThe weapp main package is over the 2 MB limit.');
    process.exitCode = 1;
  }
});
