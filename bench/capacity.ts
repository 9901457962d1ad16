/**
 * DynamoDB capacity of one case, from submission to evaluation: write and read request units per step,
 * as DynamoDB reports them (`ReturnConsumedCapacity: INDEXES`, which DynamoDB Local answers with the
 * same rules as the service: 1 KB write units, 4 KB read units, doubled in transactions, index writes
 * included).
 *
 *   npx tsx bench/capacity.ts
 *
 * The local stack runs as for the tests; the request-path functions named in serverless.yml are loaded
 * into this process and invoked with API Gateway events, so every DynamoDB call they make passes one
 * counting middleware. Uploads and sign-in go through the HTTP API (not counted). Notification dispatch
 * is counted in the notifications benchmark, not here.
 */
import './in-process-env';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { ImplementationItem } from '@ah-tourism/shared';
import { startStack } from '../scripts/local/stack';
import { TRAVEL_AGENCY_FIELDS, completeApplication, newUser, signInAs } from '../test/support/applications';
import { RESULTS_DIR, REPO_ROOT, benchPorts, functionInProcess, machine, machineLine, runIfMain, table, waitForVerdicts, writeJson } from './common';

type Units = { read: number; write: number; calls: number };

/*
 * Capacity by DynamoDB's published rules, computed from each request and answer (DynamoDB Local's own
 * ConsumedCapacity cannot be used for transactions: it reports 2 units for 1 and for 8 small Puts alike).
 *  - write: 1 unit per started KB of each item written; doubled inside TransactWriteItems; an Update or
 *    Delete is priced at 1 KB (their item is not in the request); each item that carries GSI keys also
 *    costs one index write per GSI of its size (both GSIs project ALL), not doubled.
 *  - read: started 4 KB of all items returned by a Query, of the item of a GetItem, of each item of a
 *    BatchGetItem; half for eventually consistent reads.
 */
const KB = 1024;
/** Items may reach this middleware in DynamoDB's wire form ({S: …}) or still plain; sizes are of the plain item. */
const WIRE = new Set(['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS']);
const isWire = (item: Record<string, any>) => Object.values(item).every((v) => v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && WIRE.has(Object.keys(v)[0]!));
const plain = (item: Record<string, any>) => (isWire(item) ? unmarshall(item) : item);
const writeUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / KB));
function itemWrite(item: Record<string, unknown> | undefined): number {
  if (!item) return 1;
  const bytes = itemBytes(item);
  const indexes = ['gsi1pk', 'gsi2pk'].filter((key) => key in item).length;
  return writeUnits(bytes) + indexes * writeUnits(bytes);
}
function price(command: string, input: Record<string, any>, output: Record<string, any>): { read: number; write: number } {
  const readOf = (bytes: number, consistent: boolean) => Math.max(1, Math.ceil(bytes / (4 * KB))) * (consistent ? 1 : 0.5);
  switch (command) {
    case 'GetItemCommand':
      return { read: readOf(output.Item ? itemBytes(plain(output.Item)) : 0, !!input.ConsistentRead), write: 0 };
    case 'QueryCommand':
      return { read: readOf((output.Items ?? []).reduce((sum: number, item: Record<string, any>) => sum + itemBytes(plain(item)), 0), !!input.ConsistentRead), write: 0 };
    case 'BatchGetItemCommand':
      return {
        read: Object.entries((output.Responses ?? {}) as Record<string, Record<string, any>[]>).reduce(
          (sum, [table, items]) => sum + items.reduce((units, item) => units + readOf(itemBytes(plain(item)), !!input.RequestItems?.[table]?.ConsistentRead), 0),
          0,
        ),
        write: 0,
      };
    case 'PutItemCommand':
      return { read: 0, write: itemWrite(plain(input.Item)) };
    case 'UpdateItemCommand':
    case 'DeleteItemCommand':
      return { read: 0, write: 1 };
    case 'TransactWriteItemsCommand': {
      const base = (input.TransactItems as Record<string, any>[]).reduce((sum, entry) => {
        if (entry.Put) {
          const item = plain(entry.Put.Item);
          return sum + 2 * writeUnits(itemBytes(item)) + (itemWrite(item) - writeUnits(itemBytes(item)));
        }
        if (entry.Update || entry.Delete || entry.ConditionCheck) return sum + 2;
        return sum;
      }, 0);
      return { read: 0, write: base };
    }
    case 'BatchWriteItemCommand':
      return { read: 0, write: Object.values(input.RequestItems as Record<string, Record<string, any>[]>).flat().reduce((sum, r) => sum + (r.PutRequest ? itemWrite(plain(r.PutRequest.Item)) : 1), 0) };
    default:
      throw new Error(`not priced: ${command}`);
  }
}

/** DynamoDB's item size: attribute names plus values (UTF-8 strings, numbers ~ digits, 3 bytes per map or list). */
function itemBytes(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') return String(value).length;
  if (typeof value === 'boolean' || value === null) return 1;
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + itemBytes(v), 0);
  if (value && typeof value === 'object') return 3 + Object.entries(value).reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + 1 + itemBytes(v), 0);
  return 0;
}

async function main(): Promise<void> {
  const log = (line: string) => console.log(line);
  const ports = await benchPorts();
  const stack = await startStack({ ports, h5: 'none', progress: (step) => log(`• ${step}`) });
  try {
    process.env.API_URL = stack.apiUrl;
    process.env.WECHAT_URL = stack.wechatUrl;
    // Loading a function first puts the local stage's environment in place for the platform modules.
    const functionNamed = (name: string) => functionInProcess(stack, name);
    functionNamed('submitApplication');

    // The functions' own DynamoDB client, with one middleware that prices every request it sends.
    const { dynamo } = require(path.join(REPO_ROOT, 'functions/src/platform/dynamodb')) as typeof import('../functions/src/platform/dynamodb');
    let current: Units = { read: 0, write: 0, calls: 0 };
    dynamo().middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        const priced = price(context.commandName ?? '', args.input as Record<string, any>, result.output as Record<string, any>);
        current.read += priced.read;
        current.write += priced.write;
        current.calls += 1;
        if (process.env.BENCH_CAPACITY_DETAIL) console.log(context.commandName, JSON.stringify(priced));
        return result;
      },
      { step: 'initialize', name: 'priceCapacity' },
    );

    const invoke = async (fn: string, token: string, method: string, pathParameters: Record<string, string>, body?: unknown, headers: Record<string, string> = {}) => {
      const response = await functionNamed(fn)({
        version: '2.0',
        routeKey: `${method} ${fn}`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        pathParameters,
        queryStringParameters: {},
        requestContext: { requestId: randomUUID(), http: { method, sourceIp: '127.0.0.1' } },
        body: body === undefined ? undefined : JSON.stringify(body),
        isBase64Encoded: false,
      });
      if (response.statusCode >= 300) throw new Error(`${fn}: ${response.statusCode} ${response.body}`);
      return JSON.parse(response.body ?? '{}');
    };
    const steps: { step: string; units: Units }[] = [];
    const measure = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
      current = { read: 0, write: 0, calls: 0 };
      const result = await work();
      steps.push({ step, units: current });
      return result;
    };

    const list = await (await fetch(`${stack.apiUrl}/catalog/items?region=341000&keyword=${encodeURIComponent('旅行社业务经营许可')}`)).json();
    const code = (list as { items: { implementationCode: string }[] }).items[0]!.implementationCode;
    const item = (await (await fetch(`${stack.apiUrl}/catalog/items/${code}`)).json()) as ImplementationItem;
    const applicant = await newUser();
    const [preReviewer, reviewer, decider, deliverer] = (await Promise.all(['city-pre_review', 'city-review', 'city-decide', 'city-deliver'].map(async (p) => (await signInAs(p)).accessToken))) as [string, string, string, string];
    const body = await completeApplication(applicant, item, TRAVEL_AGENCY_FIELDS);
    // Measured as in service: each upload's verdict recorded by the time the application is sent.
    await waitForVerdicts(stack.dynamodbEndpoint, stack.tableName, Object.values(body.materials).flat().map((file) => file.key));

    // A first submission warms the per-container caches (guide, regions, calendar) as a running function has them.
    await invoke('submitApplication', applicant, 'POST', {}, body, { 'idempotency-key': randomUUID() });
    const created = await measure('submission (POST /cases)', () => invoke('submitApplication', applicant, 'POST', {}, body, { 'idempotency-key': randomUUID() }));
    const caseNumber = created.caseNumber as string;
    await measure('applicant views the case', () => invoke('getMyCase', applicant, 'GET', { caseNumber }));
    for (const [token, action, extra] of [
      [preReviewer, 'accept', { opinion: '材料齐全，符合法定形式' }],
      [reviewer, 'complete_review', { opinion: '经审查符合规定条件' }],
      [decider, 'approve', { opinion: '同意' }],
      [deliverer, 'deliver', { delivery: { method: 'electronic' } }],
    ] as const) {
      const seen = await measure(`staff view before ${action}`, () => invoke('getStaffCase', token, 'GET', { caseNumber }));
      await measure(`${action}`, () => invoke('actOnCase', token, 'POST', { caseNumber }, { action, version: seen.version, ...extra }));
    }
    await measure('applicant views the case', () => invoke('getMyCase', applicant, 'GET', { caseNumber }));
    await measure('evaluation (满意)', () => invoke('evaluateCase', applicant, 'POST', { caseNumber }, { level: 'satisfied', comment: '办理很快' }, { 'idempotency-key': randomUUID() }));

    // What the case's partition holds afterwards, item by item (approximate DynamoDB item sizes).
    const { QueryCommand } = require('@aws-sdk/lib-dynamodb') as typeof import('@aws-sdk/lib-dynamodb');
    const rows = (await dynamo().send(new QueryCommand({ TableName: process.env.TABLE_NAME!, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `CASE#${caseNumber}` } }))).Items ?? [];
    const itemSizes = rows.map((row) => ({ sk: String(row.sk).replace(/#.*/, '#…'), bytes: itemBytes(row) }));

    const total = steps.reduce((sum, s) => ({ read: sum.read + s.units.read, write: sum.write + s.units.write, calls: sum.calls + s.units.calls }), { read: 0, write: 0, calls: 0 });
    const submission = steps[0]!.units;
    const views = steps.filter((s) => s.step.includes('view'));
    const results = {
      date: new Date().toISOString(),
      machine: machine(),
      item: item.name,
      steps,
      submission,
      lifecycle: total,
      caseViewReadUnits: views.map((s) => s.units.read),
      itemSizes,
    };
    writeJson(path.join(RESULTS_DIR, 'capacity.json'), results);
    log('');
    log(machineLine(results.machine));
    log(table(['item of the case partition', 'bytes'], itemSizes.map((i) => [i.sk, i.bytes]), ['l', 'r']));
    log(table(['step', 'WRU', 'RRU', 'DynamoDB calls'], [...steps.map((s) => [s.step, s.units.write, s.units.read, s.units.calls]), ['whole case', total.write, total.read, total.calls]], ['l', 'r', 'r', 'r']));
  } finally {
    await stack.stop();
  }
}

runIfMain(module, main);
