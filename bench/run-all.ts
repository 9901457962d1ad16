/**
 * Every benchmark in one go: function bundles, the HTTP API against the local stack, and the
 * mini-program / H5 size. Writes bench/results/latest.json and prints markdown tables.
 *
 *   npm run bench            (= npx tsx bench/run-all.ts)
 *
 * BENCH_ONLY=bundles,http,miniapp runs a subset; the variables of the single benchmarks apply
 * (BENCH_DURATION, BENCH_REPEATS, BENCH_WARMUP, BENCH_CONNECTIONS, BENCH_REQUIRE_RUNS, CHROMIUM_PATH, *_PORT).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startStack, type RunningStack } from '../scripts/local/stack';
import { bundlesMarkdown, runBundleBench, type BundleResults } from './bundles';
import { REPO_ROOT, benchPorts, RESULTS_DIR, machineLine, measureMachine, runIfMain, warnIfBusy, writeJson, type Machine } from './common';
import { benchApi, httpMarkdown, httpOptionsFromEnv, httpProblems, type HttpResults } from './http';
import { miniappMarkdown, runMiniappBench, type MiniappResults } from './miniapp';

const PARTS = ['bundles', 'http', 'miniapp'] as const;
type Part = (typeof PARTS)[number];

export interface AllResults {
  date: string;
  machine: Machine;
  git: { commit: string; dirty: boolean } | null;
  bundles?: BundleResults;
  http?: HttpResults;
  miniapp?: MiniappResults;
  /** Parts that could not be measured, with the reason. */
  failures: { part: Part; error: string }[];
}

function gitState(): AllResults['git'] {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim() !== '';
    return { commit, dirty };
  } catch {
    return null;
  }
}

function selectedParts(env: NodeJS.ProcessEnv = process.env): Part[] {
  if (!env.BENCH_ONLY) return [...PARTS];
  const wanted = env.BENCH_ONLY.split(',').map((p) => p.trim());
  const unknown = wanted.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown part(s) ${unknown.join(', ')}; known: ${PARTS.join(', ')}`);
  return PARTS.filter((p) => wanted.includes(p));
}

export function allMarkdown(results: AllResults): string {
  const sections = [`Benchmarks of ${results.date.slice(0, 10)} on ${machineLine(results.machine)}`];
  if (results.git) sections.push(`Commit ${results.git.commit}${results.git.dirty ? ' with uncommitted changes' : ''}`);
  const load = (m: Machine) => `At start: load average ${m.loadAverage[0]}${m.cpuBusyPercent === undefined ? '' : `, CPUs ${m.cpuBusyPercent} % busy`}.`;
  if (results.bundles) sections.push(`## Function bundles\n\n${load(results.bundles.machine)}\n\n${bundlesMarkdown(results.bundles)}`);
  if (results.http) {
    const s = results.http.settings;
    const heading = `HTTP API (local stack; median of ${s.repeats} runs of ${s.durationSeconds} s, ${s.warmupSeconds} s warm-up per scenario)`;
    sections.push(`## ${heading}\n\n${load(results.http.machine)}\n\n${httpMarkdown(results.http)}`);
  }
  if (results.miniapp) sections.push(`## Mini-program and H5\n\n${load(results.miniapp.machine)}\n\n${miniappMarkdown(results.miniapp)}`);
  for (const failure of results.failures) sections.push(`**${failure.part} failed:** ${failure.error.split('\n')[0]}`);
  return sections.join('\n\n');
}

export async function runAll(progress: (line: string) => void): Promise<AllResults> {
  const parts = selectedParts();
  const httpOptions = httpOptionsFromEnv();
  warnIfBusy(progress);
  const results: AllResults = { date: new Date().toISOString(), machine: await measureMachine(), git: gitState(), failures: [] };
  const attempt = async (part: Part, body: () => Promise<void>) => {
    if (!parts.includes(part)) return;
    progress(`\n== ${part} ==`);
    try {
      await body();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      progress(`${part} failed: ${message}`);
      results.failures.push({ part, error: message });
    }
  };

  await attempt('bundles', async () => {
    results.bundles = await runBundleBench({ requireRuns: Number(process.env.BENCH_REQUIRE_RUNS ?? 20), progress });
  });

  // One local stack serves the HTTP benchmark and the H5 first-load measurement.
  let stack: RunningStack | undefined;
  let stackError = '';
  const ports = await benchPorts();
  try {
    if (parts.includes('http') || parts.includes('miniapp')) {
      progress('\nstarting the local stack (DynamoDB Local, s3rver, serverless offline)…');
      try {
        stack = await startStack({ ports, h5: 'none', progress: (step) => progress(`  ${step}…`) });
      } catch (error) {
        stackError = error instanceof Error ? error.message : String(error);
      }
    }
    await attempt('http', async () => {
      if (!stack) throw new Error(`the local stack did not start: ${stackError}`);
      const atStart = await measureMachine();
      const measured = await benchApi(stack.apiUrl, { ...httpOptions, progress });
      results.http = { date: new Date().toISOString(), machine: atStart, ...measured };
      const problems = httpProblems(results.http);
      if (problems.length > 0) throw new Error(`problems in the HTTP runs: ${problems.join('; ')}`);
    });
    await attempt('miniapp', async () => {
      // Without a stack the sizes are still measured; only the H5 first load needs the API.
      results.miniapp = await runMiniappBench({ running: stack ? { apiUrl: stack.apiUrl, h5Port: ports.h5 } : 'unavailable', progress });
      const { firstPaintError } = results.miniapp.h5;
      if (firstPaintError) throw new Error(`H5 first load: ${firstPaintError}`);
    });
  } finally {
    await stack?.stop();
  }
  return results;
}

runIfMain(module, async () => {
  const results = await runAll((line) => console.error(line));
  const file = path.join(RESULTS_DIR, 'latest.json');
  writeJson(file, results);
  console.log(`\n${allMarkdown(results)}\n\nWritten to ${path.relative(process.cwd(), file)}`);
  if (results.failures.length > 0) process.exitCode = 1;
});
