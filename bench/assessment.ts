/**
 * 网上考核 with 100,000 cases: how many DynamoDB items one dashboard request reads, and how long it takes
 * beside one bare GetItem in the same run.
 *
 * Seeding: 100,000 synthetic case histories over the 12 months of 2025 (17 organisations: the 16 city
 * bureaus and the provincial department; channel, decision time, notices, visits, evaluations and bad
 * reviews drawn from a seeded random generator) go through the aggregator's own fold (fold.ts) and delta
 * code (deltas.ts); their counter ADDs are merged in memory and written to DynamoDB Local as the items the
 * stream consumer would have built one case at a time (organisation day items, organisation, city and
 * province year items), plus a catalog item per scope. The per-case facts rows and drill-down rows are
 * not written: a report never reads them.
 *
 * Measuring: the report service in this process (what GET /staff/assessment and GET /public/assessment
 * call after parsing the query and checking the token), its DynamoDB client counting the items every
 * response returns (Item, Items, Responses) with a middleware. Rounds interleave, in rotating order, the
 * provincial staff's province report (12 months), a city bureau's report of its city (12 months), the
 * public province report, a bare BatchGetItem of the two items the province report reads, and a bare
 * GetItem of one small aggregate item, all on the same client.
 *
 *   npx tsx bench/assessment.ts            (BENCH_CASES=100000, BENCH_ROUNDS=300, DYNAMODB_PORT=8200)
 */
import './in-process-env';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { officialCalendar } from '@ah-tourism/shared/src/calendar/official';
import { LOCAL_AWS_ENV, localDynamoClient, startDynamoDbLocal } from '../scripts/local/dynamodb-local';
import { ensureTables, toCreateTable } from '../scripts/local/tables';
import { REPO_ROOT, RESULTS_DIR, machine, machineLine, percentile, round, runIfMain, table, writeJson } from './common';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const PORT = Number(process.env.DYNAMODB_PORT ?? 8200);
const TABLE = 'ah-tourism-bench-main';

const ORGANISATIONS = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'data/organisations.json'), 'utf8')) as { creditCode: string; name: string; regionCode: string }[]).map((o) => ({ ...o }));
const REGIONS = JSON.parse(readFileSync(path.join(REPO_ROOT, 'data/regions.json'), 'utf8')) as { code: string; name: string; level: string }[];

/** A small seeded generator (mulberry32), so every run seeds the same cases. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main() {
  Object.assign(process.env, LOCAL_AWS_ENV, { STAGE: 'bench', TABLE_NAME: TABLE, DYNAMODB_ENDPOINT: `http://127.0.0.1:${PORT}` });
  const dynamodb = await startDynamoDbLocal(PORT);
  try {
    const resources = parse(readFileSync(path.join(REPO_ROOT, 'resources/dynamodb.yml'), 'utf8')).Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
    const tableProps = Object.values(resources).find((r) => r.Type === 'AWS::DynamoDB::Table')!.Properties;
    const client = localDynamoClient(dynamodb.endpoint);
    await ensureTables(client, [toCreateTable({ ...tableProps, TableName: TABLE })]);

    const { foldCase } = await import('../functions/src/assessment/fold');
    const { counterUpdates } = await import('../functions/src/assessment/deltas');
    const calendar = officialCalendar();
    const names = { cities: new Map(REGIONS.filter((r) => r.level === 'city').map((r) => [r.code, r.name])), province: '安徽省' };
    const next = random(20260101);
    const merged = new Map<string, { pk: string; sk: string; add: Record<string, number>; set: Record<string, string> }>();
    const seedStarted = performance.now();
    const now = new Date('2026-06-01T00:00:00Z');
    for (let i = 0; i < CASES; i += 1) {
      const organisation = ORGANISATIONS[Math.floor(next() * ORGANISATIONS.length)]!;
      const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(next() * 365) * 86_400_000);
      const submittedAt = new Date(day.getTime() + 2 * 3600_000).toISOString();
      const plus = (days: number) => new Date(day.getTime() + days * 86_400_000 + 3 * 3600_000).toISOString();
      const steps: { at: string; action: string; completionDays?: number }[] = [];
      if (next() < 0.1) steps.push({ at: plus(1 + Math.floor(next() * 8)), action: 'request_supplement' }, { at: plus(10), action: 'resubmit' });
      const accepted = steps.length ? 11 : 1;
      const promised = 5 + Math.floor(next() * 16);
      steps.push({ at: plus(accepted), action: 'accept', completionDays: promised });
      if (next() < 0.05) steps.push({ at: plus(accepted + 1), action: 'book_visit' });
      const decided = accepted + 1 + Math.floor(next() * promised * 1.6);
      steps.push({ at: plus(decided), action: next() < 0.9 ? 'approve' : 'refuse' });
      const evaluated = next() < 0.6;
      const bad = evaluated && next() < 0.05;
      const state = {
        record: {
          caseNumber: `B${i}`, status: 'delivered', version: 1, implementationCode: `${next() < 0.2 ? '20' : '01'}00117000${organisation.regionCode === '340000' ? '2' : '3'}${organisation.regionCode}${organisation.creditCode}`,
          itemName: 'x', organisationName: organisation.name, organisationCode: organisation.creditCode, regionCode: organisation.regionCode, submitterUserId: 'u', applicantKind: 'person',
          applicantDisplayName: 'x', guideVersion: 1, submittedAt, clock: {}, ...(next() < 0.12 ? { channel: 'hall_window' } : {}),
        },
        steps: steps.map((s, seq) => ({ entry: {}, event: { at: s.at, seq, action: s.action, from: null, to: 'accepted', by: 'staff', actorId: 's' }, ...(s.completionDays ? { document: { kind: 'acceptance_notice', completionDays: s.completionDays } } : {}) })),
        ...(evaluated ? { evaluation: { evaluation: { level: bad ? 'dissatisfied' : 'satisfied', at: plus(decided + 3) }, organisationCode: organisation.creditCode, organisationName: organisation.name, itemName: 'x' } } : {}),
        ...(bad ? { task: { status: next() < 0.8 ? 'resolved' : 'awaiting_response', createdAt: plus(decided + 3), dueAt: plus(decided + 10), callBacks: next() < 0.9 ? [{ at: plus(decided + 4) }] : [], response: { at: plus(decided + 5) } } } : {}),
        promisedDays: promised,
      };
      const facts = foldCase(state as never, calendar, now);
      for (const update of counterUpdates(undefined, facts, names)) {
        const key = `${update.pk}|${update.sk}`;
        const into = merged.get(key) ?? { pk: update.pk, sk: update.sk, add: {}, set: {} };
        for (const [attribute, n] of Object.entries(update.add)) into.add[attribute] = (into.add[attribute] ?? 0) + n;
        Object.assign(into.set, update.set);
        merged.set(key, into);
      }
    }
    // The catalog items: one per scope, with per-child counts for the city and the province.
    const catalog = (pk: string, children: string[]) => ({ pk, sk: 'CATALOG', items: 14, online: 12, le1: 14, zero: 12, outside: 12, outsideZero: 12, ...Object.fromEntries(children.flatMap((c) => [[`c#${c}#items`, 14], [`c#${c}#online`, 12], [`n#${c}`, c]])) });
    const items: Record<string, unknown>[] = [...merged.values()].map((u) => ({ pk: u.pk, sk: u.sk, ...u.add, ...u.set, updatedAt: now.toISOString() }));
    items.push(catalog('ASSESS#PROVINCE', names.cities.size ? [...names.cities.keys()] : []), catalog('ASSESS#CITY#341000', ['113410000039113649']));
    // The two callers: a provincial staff member and one of 黄山's bureau (their accounts are what a staff request reads first).
    const staff = (userId: string, organisation: (typeof ORGANISATIONS)[number], level: 'province' | 'city') => ({
      pk: `USER#${userId}`,
      sk: 'PROFILE',
      user: { userId, displayName: '考核', openid: userId, createdAt: now.toISOString(), staff: { staffId: userId, organisationCode: organisation.creditCode, organisationName: organisation.name, regionCode: organisation.regionCode, level, permissions: ['pre_review'] } },
    });
    items.push(staff('bench-province', ORGANISATIONS.find((o) => o.regionCode === '340000')!, 'province'), staff('bench-huangshan', ORGANISATIONS.find((o) => o.regionCode === '341000')!, 'city'));
    const db = DynamoDBDocumentClient.from(client);
    for (let i = 0; i < items.length; i += 25) {
      await db.send(new BatchWriteCommand({ RequestItems: { [TABLE]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
    }
    const seedSeconds = round((performance.now() - seedStarted) / 1000);
    const provinceYear = items.find((i) => i.pk === 'ASSESS#PROVINCE' && i.sk === 'Y#2025')!;
    const provinceBytes = Buffer.byteLength(JSON.stringify(provinceYear));
    console.log(`seeded ${CASES} cases as ${items.length} aggregate items in ${seedSeconds} s; the province's 2025 item has ${Object.keys(provinceYear).length} attributes (~${round(provinceBytes / 1024)} KiB)`);

    // The service under test, on the functions' own client, which counts the items each response returns.
    const { dynamo } = await import('../functions/src/platform/dynamodb');
    const { assessmentService } = await import('../functions/src/assessment/service');
    const { authStore } = await import('../functions/src/auth/store');
    let read = 0;
    let calls = 0;
    dynamo().middlewareStack.add(
      (nextHandler) => async (args) => {
        const result = await nextHandler(args);
        const output = result.output as { Item?: unknown; Items?: unknown[]; Responses?: Record<string, unknown[]> };
        read += (output.Item ? 1 : 0) + (output.Items?.length ?? 0) + Object.values(output.Responses ?? {}).reduce((n, r) => n + r.length, 0);
        calls += 1;
        return result;
      },
      { step: 'initialize', name: 'countItems' },
    );
    const service = assessmentService({ people: authStore(), regions: async () => REGIONS as never, calendar: async () => calendar, now: () => now });
    const caller = (userId: string) => ({ userId, sessionId: 's', provincialAdmin: false }) as never;
    const period = { from: '2025-01', to: '2025-12' };
    const paths = {
      province: () => service.staffReport(caller('bench-province'), { scope: 'province', ...period }),
      city: () => service.staffReport(caller('bench-huangshan'), { scope: 'city:341000', ...period }),
      publicProvince: () => service.publicReport(period),
      provinceItems: () => dynamo().send(new BatchGetCommand({ RequestItems: { [TABLE]: { Keys: [{ pk: 'ASSESS#PROVINCE', sk: 'Y#2025' }, { pk: 'ASSESS#PROVINCE', sk: 'CATALOG' }] } } })),
      getItem: () => dynamo().send(new GetCommand({ TableName: TABLE, Key: { pk: 'ASSESS#CITY#341000', sk: 'CATALOG' } })),
    };
    const reads: Record<string, { items: number; calls: number }> = {};
    for (const [name, run] of Object.entries(paths)) {
      read = 0;
      calls = 0;
      const report = (await run()) as { figures?: { key: string; denominator?: number }[] };
      reads[name] = { items: read, calls };
      if (name === 'province') console.log(`province report counts ${report.figures!.find((f) => f.key === 'casesOnline')!.denominator} cases submitted in 2025`);
    }
    for (let warm = 0; warm < 20; warm += 1) for (const run of Object.values(paths)) await run();
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(paths).map((name) => [name, []]));
    const order = Object.keys(paths);
    for (let round_ = 0; round_ < ROUNDS; round_ += 1) {
      const rotated = [...order.slice(round_ % order.length), ...order.slice(0, round_ % order.length)];
      for (const name of rotated) {
        const started = performance.now();
        await paths[name as keyof typeof paths]();
        times[name]!.push(performance.now() - started);
      }
    }
    const figures = Object.fromEntries(Object.entries(times).map(([name, t]) => [name, { p50: round(percentile(t, 50), 2), p90: round(percentile(t, 90), 2), p99: round(percentile(t, 99), 2) }]));
    const result = { cases: CASES, aggregateItems: items.length, provinceYearItemKiB: round(provinceBytes / 1024), rounds: ROUNDS, reads, latencyMs: figures, machine: machine() };
    writeJson(path.join(RESULTS_DIR, 'assessment.json'), result);
    console.log(machineLine(result.machine));
    console.log(
      table(
        ['request', 'DynamoDB calls', 'items read', 'p50 ms', 'p90 ms', 'p99 ms', 'p50 ÷ GetItem', 'p99 ÷ GetItem'],
        Object.entries(figures).map(([name, f]) => [name, reads[name]!.calls, reads[name]!.items, f.p50, f.p90, f.p99, round(f.p50 / figures.getItem!.p50, 1), round(f.p99 / figures.getItem!.p99, 1)]),
      ),
    );
    client.destroy();
  } finally {
    await dynamodb.stop();
  }
}

runIfMain(module, main);
