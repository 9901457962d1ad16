/**
 * Licence verification against its floor, interleaved in one run on the local stack:
 *   verify     POST /licences/verify {token} with a licence issued here   (the real function: SM2 check
 *              of the token against the published keys, then one consistent GetItem of its state) → valid
 *   tampered   the same with one byte of the payload changed               (the real function: the SM2
 *              check fails, no DynamoDB read) → tampered
 *   floor      POST /__bench/licence-floor {licenceId}                     (a function doing one strongly
 *              consistent GetItem of the licence's STATE row and answering it as JSON)
 * all through the same path: HTTP → serverless offline → simulated Lambda → DynamoDB Local.
 *
 *   npx tsx bench/licence-verify.ts
 *
 * The licence (a 导游证 of a person, issued by the province) is written before serverless offline starts
 * with the rows `licenceIssue` builds for a granting decision, signed with this machine's local key
 * (scripts/local/licence-keys.ts, the one the stack passes to serverless offline). The runner is
 * bench/interleaved.ts, as for bench/guide.ts: for each connection count, after a warm-up of every
 * path, BENCH_LICENCE_CYCLES cycles (default 12) run the three paths for BENCH_LICENCE_ROUND seconds
 * each (default 2), rotating which goes first. A response with another status or result counts as
 * unexpected. Afterwards the token check alone is timed in this process (BENCH_LICENCE_IN_PROCESS
 * calls, default 400), interleaved with sm-crypto-v2's verification of the same bytes from the key's
 * text, which is what the check did before it kept a precomputed point per key.
 *
 * Ports (its own local stack: DynamoDB Local and serverless offline only): DYNAMODB_PORT (8800),
 * API_PORT (3800), LAMBDA_PORT (3802). BENCH_CONNECTIONS (1,10), BENCH_LICENCE_WARMUP (3 s per path),
 * BENCH_LICENCE_LABEL (names bench/results/licence-verify-<label>.json; default licence-verify.json).
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { maskIdentityNumber, type LicenceVerification } from '@ah-tourism/shared';
import { sm2 } from 'sm-crypto-v2';
import { SM2_USER_ID, canonicalJson, checkLicenceToken, fromBase64Url, toBase64Url } from '../shared/src/licences/token';
import { LOCAL_AWS_ENV } from '../scripts/local/dynamodb-local';
import { localLicenceKeys } from '../scripts/local/licence-keys';
import { portsFromEnv, type StackPorts } from '../scripts/local/stack';
import { RESULTS_DIR, machineLine, measureMachine, percentile, round, runIfMain, warnIfBusy, writeJson, type Machine } from './common';
import {
  gitState,
  interleavedMarkdown,
  newestSource,
  num,
  runInterleaved,
  runProblems,
  settingsFromEnv,
  startBenchStack,
  type BenchPath,
  type InterleavedResult,
} from './interleaved';

export const LICENCE_BENCH_PORTS: StackPorts = { dynamodb: 8800, s3: 5369, api: 3800, lambda: 3802, h5: 10886, wechat: 3810 };

type PathName = 'verify' | 'tampered' | 'floor';
const PATHS: readonly PathName[] = ['verify', 'tampered', 'floor'];
const COMPARED = ['verify', 'tampered'] as const;

type ConnectionResult = InterleavedResult<PathName, (typeof COMPARED)[number]>;

interface InProcessFigures {
  calls: number;
  p50: number;
  p99: number;
}

export interface LicenceBenchResults {
  date: string;
  git: { commit: string; dirty: boolean } | null;
  machine: Machine;
  settings: {
    roundSeconds: number;
    cycles: number;
    warmupSeconds: number;
    connections: number[];
    licenceId: string;
    tokenBytes: number;
    /** One response body of each path, uncompressed. */
    bodyBytes: Record<PathName, number>;
  };
  results: ConnectionResult[];
  /**
   * Timed in this process after the HTTP runs (ms per call): the token check as verification makes it,
   * and sm-crypto-v2's doVerifySignature of the same bytes given the public key as text.
   */
  inProcess: { checkLicenceToken: InProcessFigures; sm2VerifyFromKeyText: InProcessFigures };
  /** Source files of the functions changed during the run: serverless offline then rebuilt them cold. */
  disturbed: boolean;
}

interface IssuedLicence {
  licenceId: string;
  token: string;
  state: unknown;
}

/**
 * Writes one licence as a granting decision issues it: `licenceIssue` (the functions' own code, run here
 * with the local stage's environment, so signed with the key the stack's functions publish) builds the
 * state row, version 1 and the holder's binding, written in one transaction.
 */
async function issueLicence(client: import('@aws-sdk/client-dynamodb').DynamoDBClient, serverless: Record<string, any>): Promise<IssuedLicence> {
  const environment = Object.fromEntries(Object.entries(serverless.provider.environment ?? {}).filter(([, value]) => typeof value === 'string')) as Record<string, string>;
  Object.assign(process.env, LOCAL_AWS_ENV, environment);
  const { licenceIssue, licenceNumber } = await import('../functions/src/licences/issued-licences');
  const { personHolder } = await import('../functions/src/licences/keys');
  const issuedOn = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const validUntil = new Date(`${issuedOn}T00:00:00Z`);
  validUntil.setUTCFullYear(validUntil.getUTCFullYear() + 3);
  validUntil.setUTCDate(validUntil.getUTCDate() - 1);
  const userId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
  const caseNumber = `${issuedOn.replaceAll('-', '')}340000K7Q2M9XD`;
  const { state, writes } = await licenceIssue({
    content: {
      kind: 'tour_guide',
      number: licenceNumber('tour_guide', '340000', Number(issuedOn.slice(0, 4)), 128),
      holder: { kind: 'person', name: '欧阳晓雯', code: maskIdentityNumber('34100219950812123X') },
      issuer: { name: '安徽省文化和旅游厅', code: '11340000003325011J' },
      issuedOn,
      validFrom: issuedOn,
      validUntil: validUntil.toISOString().slice(0, 10),
      scope: ['导游服务'],
      details: { 导游语种: '英语', 执业单位: '黄山中国国际旅行社有限公司', 等级: '初级' },
      caseNumber,
    },
    holderKey: personHolder(userId),
    regionCode: '340000',
    at: new Date().toISOString(),
    by: 'province-decide',
    bindUserIds: [userId],
  });
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  await documents.send(new TransactWriteCommand({ TransactItems: writes as NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> }));
  return { licenceId: state.licenceId, token: state.currentToken, state };
}

/** The token with one byte of its payload changed (the licence number's last digit): still a well-formed licence, so only the signature can tell. */
export function tamperedToken(token: string, number: string): string {
  const [prefix, body, signature] = token.split('.');
  const bytes = fromBase64Url(body!)!;
  const at = Buffer.from(bytes).indexOf(Buffer.from(`"number":"${number}"`)) + `"number":"${number}`.length - 1;
  if (at < `"number":"`.length) throw new Error('licence number not found in the payload');
  const changed = Uint8Array.from(bytes);
  changed[at] = changed[at] === 0x39 ? 0x30 : changed[at]! + 1;
  return `${prefix}.${toBase64Url(changed)}.${signature}`;
}

async function pathsToMeasure(apiUrl: string, licence: IssuedLicence): Promise<{ paths: BenchPath<PathName>[]; bodyBytes: Record<PathName, number> }> {
  const payload = (licence.state as { current: { number: string } }).current;
  const tampered = tamperedToken(licence.token, payload.number);
  const keys = localLicenceKeys().published;
  const check = checkLicenceToken(tampered, keys);
  if (check.ok || check.reason !== 'bad_signature') throw new Error(`the tampered token is not refused by its signature: ${JSON.stringify(check)}`);
  const paths: BenchPath<PathName>[] = [
    { name: 'verify', description: 'POST /licences/verify, a valid licence', method: 'POST', path: '/licences/verify', headers: {}, json: { token: licence.token }, expectedStatus: 200, expectedBodyText: '"result":"valid"' },
    { name: 'tampered', description: 'the same, one payload byte changed', method: 'POST', path: '/licences/verify', headers: {}, json: { token: tampered }, expectedStatus: 200, expectedBodyText: '"result":"tampered"' },
    { name: 'floor', description: 'consistent GetItem of the STATE row', method: 'POST', path: '/__bench/licence-floor', headers: {}, json: { licenceId: licence.licenceId }, expectedStatus: 200, expectedBodyText: `"licenceId":"${licence.licenceId}"` },
  ];
  const bodyBytes = {} as Record<PathName, number>;
  for (const target of paths) {
    const response = await fetch(`${apiUrl}${target.path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(target.json) });
    const text = await response.text();
    bodyBytes[target.name] = Buffer.byteLength(text);
    if (response.status !== 200) throw new Error(`${target.name}: POST ${target.path} answered ${response.status}: ${text}`);
    const body = JSON.parse(text) as LicenceVerification & { licenceId?: string };
    const expected =
      target.name === 'verify' ? body.result === 'valid' && canonicalJson(body.licence) === canonicalJson(payload) : target.name === 'tampered' ? body.result === 'tampered' && !body.licence : canonicalJson(body) === canonicalJson(licence.state);
    if (!expected) throw new Error(`${target.name}: POST ${target.path} answered ${text}`);
  }
  return { paths, bodyBytes };
}

/**
 * `checkLicenceToken` against the published keys, as verification calls it, and the library's SM2
 * verification of the same bytes from the key's text (what the check did before it kept a prepared
 * point per key), interleaved call by call.
 */
function timeTokenCheck(token: string, calls: number): LicenceBenchResults['inProcess'] {
  const keys = localLicenceKeys().published;
  const [, body, signature] = token.split('.');
  const bytes = fromBase64Url(body!)!;
  const signatureHex = sm2.arrayToHex(Array.from(fromBase64Url(signature!)!));
  const { keyId } = JSON.parse(Buffer.from(bytes).toString('utf8')) as { keyId: string };
  const publicKey = keys.find((key) => key.keyId === keyId)!.publicKey;
  const check = () => checkLicenceToken(token, keys).ok;
  const fromKeyText = () => sm2.doVerifySignature(bytes, signatureHex, publicKey, { hash: true, der: true, userId: SM2_USER_ID });
  for (let i = 0; i < 20; i += 1) if (!check() || !fromKeyText()) throw new Error('the licence token did not verify in process');
  const times = { check: [] as number[], fromKeyText: [] as number[] };
  for (let i = 0; i < calls; i += 1) {
    for (const [name, run] of [['check', check], ['fromKeyText', fromKeyText]] as const) {
      const start = performance.now();
      run();
      times[name].push(performance.now() - start);
    }
  }
  const figuresOf = (values: number[]) => ({ calls, p50: round(percentile(values, 50), 3), p99: round(percentile(values, 99), 3) });
  return { checkLicenceToken: figuresOf(times.check), sm2VerifyFromKeyText: figuresOf(times.fromKeyText) };
}

export async function runLicenceBench(env: NodeJS.ProcessEnv = process.env, progress: (line: string) => void = console.error): Promise<LicenceBenchResults> {
  const settings = settingsFromEnv(env, 'BENCH_LICENCE');
  const inProcessCalls = Math.round(num(env, 'BENCH_LICENCE_IN_PROCESS', 400));
  warnIfBusy(progress);
  let licence: IssuedLicence | undefined;
  const stack = await startBenchStack(
    portsFromEnv(LICENCE_BENCH_PORTS, env),
    {
      seedLabel: 'starting DynamoDB Local and issuing a licence',
      seed: async (client, _tableName, serverless) => {
        licence = await issueLicence(client, serverless);
      },
      readyPath: '/licences/keys',
    },
    progress,
  );
  try {
    const issued = licence!;
    const { paths, bodyBytes } = await pathsToMeasure(stack.apiUrl, issued);
    const machineAtStart = await measureMachine();
    const sourcesBefore = newestSource();
    const results = await runInterleaved({ apiUrl: stack.apiUrl, paths, floor: 'floor', compared: COMPARED, settings, cycleP50Ratios: true, progress });
    const disturbed = newestSource() !== sourcesBefore;
    await stack.stop();
    progress(`timing the token check in this process (${inProcessCalls} calls)`);
    const inProcess = timeTokenCheck(issued.token, inProcessCalls);
    const { roundSeconds, cycles, warmupSeconds, connections } = settings;
    return {
      date: new Date().toISOString(),
      git: gitState(),
      machine: machineAtStart,
      settings: { roundSeconds, cycles, warmupSeconds, connections, licenceId: issued.licenceId, tokenBytes: Buffer.byteLength(issued.token), bodyBytes },
      results,
      inProcess,
      disturbed,
    };
  } finally {
    await stack.stop();
  }
}

export function licenceMarkdown(results: LicenceBenchResults): string {
  return interleavedMarkdown(results.results, PATHS, 'floor', { cycleP50: true });
}

runIfMain(module, async () => {
  const results = await runLicenceBench();
  const label = process.env.BENCH_LICENCE_LABEL;
  const file = path.join(RESULTS_DIR, label ? `licence-verify-${label}.json` : 'licence-verify.json');
  writeJson(file, results);
  console.log(`\nLicence verification vs bare GetItem (${machineLine(results.machine)}; ${results.git ? `commit ${results.git.commit}${results.git.dirty ? ' + changes' : ''}` : 'no git'})\n`);
  console.log(licenceMarkdown(results));
  const { checkLicenceToken: tokenCheck, sm2VerifyFromKeyText: fromKeyText } = results.inProcess;
  console.log(
    `\nIn this process (${tokenCheck.calls} calls each, interleaved): checkLicenceToken p50 ${tokenCheck.p50} ms, p99 ${tokenCheck.p99} ms; ` +
      `sm2.doVerifySignature from the key's text p50 ${fromKeyText.p50} ms, p99 ${fromKeyText.p99} ms`,
  );
  const problems = runProblems(results.results, results.disturbed, 'unexpected responses');
  if (problems.length > 0) {
    console.error(`\nProblems:\n${problems.join('\n')}`);
    process.exitCode = 1;
  }
});
