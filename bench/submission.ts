/**
 * Submission throughput and latency against the local stack, and the handler's overhead relative to
 * the bare DynamoDB transaction it performs, both measured in the same run at the same concurrency.
 *
 *   npx tsx bench/submission.ts
 *
 * BENCH_SUBMIT_SECONDS (default 15) per measurement, BENCH_SUBMIT_CONNECTIONS (default 4).
 * The handler path = HTTP API (serverless offline) → validation of the whole application against the
 * guide → S3 HeadObject + ranged GetObject per file (s3rver) → envelope encryption → one
 * TransactWriteItems → read back. The bare path = the same TransactWriteItems (same item count and
 * sizes) sent straight to DynamoDB Local.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { TransactWriteItemsCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { ImplementationItem } from '@ah-tourism/shared';
import { localDynamoClient } from '../scripts/local/dynamodb-local';
import { startStack } from '../scripts/local/stack';
import { asUser, completeApplication, newUser } from '../test/support/applications';
import { RESULTS_DIR, machine, machineLine, percentile, round, runIfMain, table, warnIfBusy, writeJson } from './common';
import path from 'node:path';

const PORTS = { dynamodb: 8400, s3: 4969, api: 3400, lambda: 3402, h5: 10486, wechat: 3410 };

interface Measurement {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

/** `connections` loops, each sending its next request when the previous one answered, for `seconds`. */
async function closedLoop(connections: number, seconds: number, send: () => Promise<boolean>): Promise<Measurement> {
  const latencies: number[] = [];
  let failures = 0;
  const began = performance.now();
  const deadline = began + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const start = performance.now();
        const ok = await send();
        latencies.push(performance.now() - start);
        if (!ok) failures += 1;
      }
    }),
  );
  const elapsed = (performance.now() - began) / 1000;
  return {
    requests: latencies.length,
    seconds: round(elapsed, 1),
    perSecond: round(latencies.length / elapsed, 1),
    p50: round(percentile(latencies, 50), 1),
    p99: round(percentile(latencies, 99), 1),
    failures,
  };
}

async function main(): Promise<void> {
  const seconds = Number(process.env.BENCH_SUBMIT_SECONDS ?? 15);
  const connections = Number(process.env.BENCH_SUBMIT_CONNECTIONS ?? 4);
  const log = (line: string) => console.log(line);
  warnIfBusy(log);
  const stack = await startStack({ ports: PORTS, h5: 'none', progress: (step) => log(`• ${step}`) });
  try {
    process.env.API_URL = stack.apiUrl;
    const list = await (await fetch(`${stack.apiUrl}/catalog/items?region=341000&keyword=${encodeURIComponent('旅行社业务经营许可')}`)).json();
    const code = (list as { items: { implementationCode: string }[] }).items[0]!.implementationCode;
    const item = (await (await fetch(`${stack.apiUrl}/catalog/items/${code}`)).json()) as ImplementationItem;
    process.env.WECHAT_URL = stack.wechatUrl;
    const user = await newUser();
    const body = await completeApplication(user, item, {
      agencyName: '黄山云海旅行社有限公司',
      premisesAddress: '黄山市屯溪区新安北路88号2楼',
      premisesTenure: '自有产权',
      registeredCapital: 30,
    });
    const files = Object.values(body.materials).flat().length;
    const submit = async () => {
      const res = await fetch(`${stack.apiUrl}/cases`, {
        method: 'POST',
        headers: asUser(user, { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }),
        body: JSON.stringify(body),
      });
      await res.arrayBuffer();
      return res.status === 201;
    };
    log(`• warming up (${connections} connections)`);
    await closedLoop(connections, 5, submit);
    log(`• measuring submissions for ${seconds} s`);
    const handler = await closedLoop(connections, seconds, submit);

    // The same transaction, straight to DynamoDB Local: case, key record, guide snapshot, one record per
    // material, history event, draft delete.
    const dynamo = localDynamoClient(stack.dynamodbEndpoint);
    const materialCount = Object.keys(body.materials).length + item.guide.materials.filter((m) => m.source === 'issued_licence').length;
    const transaction = (): TransactWriteItem[] => {
      const no = `BENCH${randomUUID()}`;
      const put = (sk: string, extra: Record<string, unknown>, condition = false): TransactWriteItem => ({
        Put: {
          TableName: stack.tableName,
          Item: marshall({ pk: sk.startsWith('IDEMPOTENCY') ? `USER#${user}` : `CASE#${no}`, sk, ...extra }, { removeUndefinedValues: true }),
          ...(condition ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
        },
      });
      return [
        put('META', { record: { ...body, caseNumber: no, sealed: 'x'.repeat(1200) } }, true),
        put(`IDEMPOTENCY#${randomUUID()}`, { requestHash: 'x'.repeat(43), caseNumber: no }, true),
        put('GUIDE', { item }),
        ...Array.from({ length: materialCount }, (_, i) => put(`MATERIAL#m${i}`, { material: { files: [{ key: 'materials/x/y.pdf', size: 100 }] } })),
        put('EVENT#now#0000', { event: { action: 'submit' } }),
        { Delete: { TableName: stack.tableName, Key: marshall({ pk: `USER#${user}`, sk: `DRAFT#${code}` }) } },
      ];
    };
    const bareSend = async () => {
      await dynamo.send(new TransactWriteItemsCommand({ TransactItems: transaction() }));
      return true;
    };
    await closedLoop(connections, 3, bareSend);
    log(`• measuring the bare transaction for ${seconds} s`);
    const bare = await closedLoop(connections, seconds, bareSend);
    dynamo.destroy();

    const results = {
      date: new Date().toISOString(),
      machine: machine(),
      settings: { seconds, connections, filesPerApplication: files, transactionItems: transaction().length },
      handler,
      bareTransaction: bare,
      overhead: { p50Ratio: round(handler.p50 / bare.p50, 1), p99Ratio: round(handler.p99 / bare.p99, 1) },
    };
    writeJson(path.join(RESULTS_DIR, 'submission.json'), results);
    log('');
    log(machineLine(results.machine));
    log(
      table(
        ['path', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'failures'],
        [
          ['POST /cases (handler, via HTTP)', handler.requests, handler.perSecond, handler.p50, handler.p99, handler.failures],
          ['bare TransactWriteItems', bare.requests, bare.perSecond, bare.p50, bare.p99, bare.failures],
        ],
        ['l', 'r', 'r', 'r', 'r', 'r'],
      ),
    );
    log(`handler / bare transaction: p50 ×${results.overhead.p50Ratio}, p99 ×${results.overhead.p99Ratio} (${connections} connections, ${files} files, ${results.settings.transactionItems} items per transaction)`);
  } finally {
    await stack.stop();
  }
}

runIfMain(module, main);
