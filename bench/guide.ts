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
 * The runner (stack, client, rounds, ratios, table) is bench/interleaved.ts, shared with
 * bench/licence-verify.ts.
 *
 * The floor function is declared only in serverless.bench.yml (serverless.yml plus bench functions),
 * which this script passes to `serverless offline --config`; `serverless package` never reads it.
 * Ports (its own local stack: DynamoDB Local and serverless offline only): DYNAMODB_PORT (8700),
 * API_PORT (3700), LAMBDA_PORT (3702). BENCH_CONNECTIONS (1,10), BENCH_GUIDE_WARMUP (3 s per path),
 * BENCH_GUIDE_LABEL (names bench/results/guide-<label>.json; default guide.json).
 */
import path from 'node:path';
import { loadCatalogSeed } from '../scripts/seed/catalog-data';
import { catalogRecords, putAll } from '../scripts/local/seed';
import { portsFromEnv, type StackPorts } from '../scripts/local/stack';
import { RESULTS_DIR, machineLine, measureMachine, runIfMain, warnIfBusy, writeJson, type Machine } from './common';
import {
  gitState,
  interleavedMarkdown,
  newestSource,
  runInterleaved,
  runProblems,
  settingsFromEnv,
  startBenchStack,
  type BenchPath,
  type InterleavedResult,
} from './interleaved';

export const GUIDE_BENCH_PORTS: StackPorts = { dynamodb: 8700, s3: 5269, api: 3700, lambda: 3702, h5: 10786, wechat: 3710 };
const KEYWORD = '导游';

type PathName = 'guide' | 'guide-304' | 'floor';
const PATHS: readonly PathName[] = ['guide', 'guide-304', 'floor'];
const COMPARED = ['guide', 'guide-304'] as const;

type ConnectionResult = InterleavedResult<PathName, (typeof COMPARED)[number]>;

export interface GuideBenchResults {
  date: string;
  git: { commit: string; dirty: boolean } | null;
  machine: Machine;
  settings: { roundSeconds: number; cycles: number; warmupSeconds: number; connections: number[]; implementationCode: string; bodyBytes: number };
  results: ConnectionResult[];
  /** Source files of the functions changed during the run: serverless offline then rebuilt them cold. */
  disturbed: boolean;
}

async function pathsToMeasure(apiUrl: string): Promise<{ paths: BenchPath<PathName>[]; code: string; bodyBytes: number }> {
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
  const paths: BenchPath<PathName>[] = [
    { name: 'guide', description: 'GET /catalog/items/{code}', path: guidePath, headers: {}, expectedStatus: 200 },
    { name: 'guide-304', description: 'the same + If-None-Match', path: guidePath, headers: { 'If-None-Match': etag }, expectedStatus: 304 },
    { name: 'floor', description: 'bare GetItem of the guide record', path: floorPath, headers: {}, expectedStatus: 200 },
  ];
  return { paths, code, bodyBytes: Buffer.byteLength(body) };
}

export async function runGuideBench(env: NodeJS.ProcessEnv = process.env, progress: (line: string) => void = console.error): Promise<GuideBenchResults> {
  const settings = settingsFromEnv(env, 'BENCH_GUIDE');
  warnIfBusy(progress);
  const seed = loadCatalogSeed();
  const stack = await startBenchStack(
    portsFromEnv(GUIDE_BENCH_PORTS, env),
    { seedLabel: 'starting DynamoDB Local and loading the catalog', seed: (client, tableName) => putAll(client, tableName, catalogRecords(seed)), readyPath: '/regions' },
    progress,
  );
  try {
    const { paths, code, bodyBytes } = await pathsToMeasure(stack.apiUrl);
    const machineAtStart = await measureMachine();
    const sourcesBefore = newestSource();
    const results = await runInterleaved({ apiUrl: stack.apiUrl, paths, floor: 'floor', compared: COMPARED, settings, progress });
    const { roundSeconds, cycles, warmupSeconds, connections } = settings;
    return {
      date: new Date().toISOString(),
      git: gitState(),
      machine: machineAtStart,
      settings: { roundSeconds, cycles, warmupSeconds, connections, implementationCode: code, bodyBytes },
      results,
      disturbed: newestSource() !== sourcesBefore,
    };
  } finally {
    await stack.stop();
  }
}

export function guideMarkdown(results: GuideBenchResults): string {
  return interleavedMarkdown(results.results, PATHS, 'floor');
}

runIfMain(module, async () => {
  const results = await runGuideBench();
  const label = process.env.BENCH_GUIDE_LABEL;
  const file = path.join(RESULTS_DIR, label ? `guide-${label}.json` : 'guide.json');
  writeJson(file, results);
  console.log(`\nGuide GET vs bare GetItem (${machineLine(results.machine)}; ${results.git ? `commit ${results.git.commit}${results.git.dirty ? ' + changes' : ''}` : 'no git'})\n`);
  console.log(guideMarkdown(results));
  const problems = runProblems(results.results, results.disturbed);
  if (problems.length > 0) {
    console.error(`\nProblems:\n${problems.join('\n')}`);
    process.exitCode = 1;
  }
});
