/**
 * Submission latency against the local stack, and the handler's overhead over the very transaction it
 * performs, measured interleaved: each connection alternates one `POST /cases` through serverless
 * offline and one bare `TransactWriteItems` of the same shape straight to DynamoDB Local, so both see
 * the same machine at the same moment.
 *
 *   npx tsx bench/submission.ts
 *
 * BENCH_SUBMIT_SECONDS (default 20), BENCH_SUBMIT_CONNECTIONS (default 4).
 * The handler path = HTTP API (serverless offline) → validation of the whole application against the
 * guide → one ranged GET per file (s3rver, all at once) with the wallet read → envelope encryption →
 * one TransactWriteItems → the answer from what was written. The bare transaction is built by the same
 * `newCaseTransaction` the store sends, from the case the handler wrote (same items, same sizes: case,
 * key record, application, draft delete, outbox event, reminder), with fresh keys each time.
 */
import './in-process-env';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ImplementationItem } from '@ah-tourism/shared';
import { newCaseTransaction } from '../functions/src/cases/store';
import type { CaseApplication, CaseRecord } from '../functions/src/cases/records';
import { reminderTimers } from '../functions/src/notifications/timers';
import { localDynamoClient } from '../scripts/local/dynamodb-local';
import { startStack } from '../scripts/local/stack';
import { TRAVEL_AGENCY_FIELDS, asUser, completeApplication, newUser } from '../test/support/applications';
import { RESULTS_DIR, benchPorts, functionInProcess, machine, machineLine, percentile, round, runIfMain, table, waitForVerdicts, warnIfBusy, writeJson } from './common';
import path from 'node:path';

interface Measurement {
  requests: number;
  p50: number;
  p99: number;
  failures: number;
}

const summarise = (latencies: number[], failures: number): Measurement => ({
  requests: latencies.length,
  p50: round(percentile(latencies, 50), 1),
  p99: round(percentile(latencies, 99), 1),
  failures,
});

/** `connections` loops, each taking the paths in turn (each loop starting at another one), for `seconds`. */
async function interleaved(connections: number, seconds: number, paths: (() => Promise<boolean>)[]) {
  const samples = paths.map(() => [] as number[]);
  const failures = paths.map(() => 0);
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, loop) => {
      for (let turn = loop % paths.length; performance.now() < deadline; turn = (turn + 1) % paths.length) {
        const start = performance.now();
        const ok = await paths[turn]!();
        samples[turn]!.push(performance.now() - start);
        if (!ok) failures[turn]! += 1;
      }
    }),
  );
  return samples.map((list, i) => summarise(list, failures[i]!));
}

async function main(): Promise<void> {
  const seconds = Number(process.env.BENCH_SUBMIT_SECONDS ?? 20);
  const connections = Number(process.env.BENCH_SUBMIT_CONNECTIONS ?? 4);
  const log = (line: string) => console.log(line);
  warnIfBusy(log);
  const ports = await benchPorts();
  const stack = await startStack({ ports, h5: 'none', progress: (step) => log(`• ${step}`) });
  const dynamo = DynamoDBDocumentClient.from(localDynamoClient(stack.dynamodbEndpoint), { marshallOptions: { removeUndefinedValues: true } });
  try {
    process.env.API_URL = stack.apiUrl;
    process.env.WECHAT_URL = stack.wechatUrl;
    const list = await (await fetch(`${stack.apiUrl}/catalog/items?region=341000&keyword=${encodeURIComponent('旅行社业务经营许可')}`)).json();
    const code = (list as { items: { implementationCode: string }[] }).items[0]!.implementationCode;
    const item = (await (await fetch(`${stack.apiUrl}/catalog/items/${code}`)).json()) as ImplementationItem;
    const user = await newUser();
    const body = await completeApplication(user, item, TRAVEL_AGENCY_FIELDS);
    // Measured as in service: each upload's verdict recorded by the time the application is sent.
    await waitForVerdicts(stack.dynamodbEndpoint, stack.tableName, Object.values(body.materials).flat().map((file) => file.key));
    const files = Object.values(body.materials).flat().length;
    let lastCase = '';
    const submit = async () => {
      const res = await fetch(`${stack.apiUrl}/cases`, {
        method: 'POST',
        headers: asUser(user, { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }),
        body: JSON.stringify(body),
      });
      const answer = (await res.json()) as { caseNumber?: string };
      if (answer.caseNumber) lastCase = answer.caseNumber;
      return res.status === 201;
    };
    // The same function loaded into this process, as the Lambda runtime would run it: the handler's own
    // time, without serverless offline's HTTP and worker emulation.
    const lambda = functionInProcess<unknown, { statusCode: number }>(stack, 'submitApplication');
    const invoke = async () => {
      const response = await lambda({
        version: '2.0',
        routeKey: 'POST /cases',
        headers: { authorization: `Bearer ${user}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        requestContext: { requestId: randomUUID(), http: { method: 'POST', sourceIp: '127.0.0.1' } },
        body: JSON.stringify(body),
        isBase64Encoded: false,
      });
      return response.statusCode === 201;
    };
    log(`• warming up (${connections} connections)`);
    for (let i = 0; i < 8; i += 1) await Promise.all([submit(), invoke()]);

    // The case the handler wrote is the template of the bare transaction: same rows, same sizes.
    const row = async (sk: string) => (await dynamo.send(new GetCommand({ TableName: stack.tableName, Key: { pk: `CASE#${lastCase}`, sk } }))).Item!;
    const record = (await row('META')).record as CaseRecord;
    const application = (await row('FORM')).application as CaseApplication;
    const transaction = () => {
      const caseNumber = `${record.caseNumber.slice(0, 14)}${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`;
      const notice = { caseNumber, itemName: record.itemName, organisationCode: record.organisationCode, applicantUserId: record.submitterUserId, applicantDisplayName: record.applicantDisplayName };
      return newCaseTransaction(stack.tableName, {
        record: { ...record, caseNumber },
        application,
        events: [{ ...notice, eventId: `ev_${randomUUID().replace(/-/g, '').slice(0, 20)}`, type: 'case_submitted', occurredAt: record.submittedAt }],
        timers: reminderTimers(notice, record.clock.preReview!.dueAt!, { label: '预审', permission: 'pre_review' }),
        idempotency: { userId: record.submitterUserId, key: randomUUID(), operation: 'case_submission', requestHash: 'x'.repeat(43), ttlSeconds: 30 * 86_400 },
      });
    };
    const bare = async () => {
      await dynamo.send(new TransactWriteCommand({ TransactItems: transaction() }));
      return true;
    };
    await interleaved(connections, 3, [invoke, bare]);
    // Two rounds, each the path against the very same transaction: the handler as Lambda runs it, then
    // the whole HTTP path through serverless offline (whose emulation costs CPU the first round must not share).
    log(`• measuring the handler for ${seconds} s, ${connections} connections, each alternating it with the same transaction`);
    const [handler, direct] = (await interleaved(connections, seconds, [invoke, bare])) as [Measurement, Measurement];
    log(`• measuring POST /cases through serverless offline for ${seconds} s, alternating it with the same transaction`);
    const [http, directDuringHttp] = (await interleaved(connections, seconds, [submit, bare])) as [Measurement, Measurement];
    const results = {
      date: new Date().toISOString(),
      machine: machine(),
      settings: { seconds, connections, filesPerApplication: files, transactionItems: transaction().length, interleaved: true },
      handler,
      bareTransaction: direct,
      throughServerlessOffline: http,
      overhead: { p50Ratio: round(handler.p50 / direct.p50, 2), p99Ratio: round(handler.p99 / direct.p99, 2) },
      bareTransactionDuringHttp: directDuringHttp,
      httpOverhead: { p50Ratio: round(http.p50 / directDuringHttp.p50, 2), p99Ratio: round(http.p99 / directDuringHttp.p99, 2) },
    };
    writeJson(path.join(RESULTS_DIR, 'submission.json'), results);
    log('');
    log(machineLine(results.machine));
    log(
      table(
        ['path', 'requests', 'p50 ms', 'p99 ms', 'failures'],
        [
          ['the submitApplication handler, in process', handler.requests, handler.p50, handler.p99, handler.failures],
          ['the same TransactWriteItems, direct', direct.requests, direct.p50, direct.p99, direct.failures],
          ['POST /cases through serverless offline', http.requests, http.p50, http.p99, http.failures],
          ['the same TransactWriteItems, direct, meanwhile', directDuringHttp.requests, directDuringHttp.p50, directDuringHttp.p99, directDuringHttp.failures],
        ],
        ['l', 'r', 'r', 'r', 'r'],
      ),
    );
    log(`through serverless offline / the same transaction: p50 ×${results.httpOverhead.p50Ratio}, p99 ×${results.httpOverhead.p99Ratio}`);
    log(`handler / the same transaction: p50 ×${results.overhead.p50Ratio}, p99 ×${results.overhead.p99Ratio} (${connections} connections, ${files} files, ${results.settings.transactionItems} items per transaction)`);
  } finally {
    dynamo.destroy();
    await stack.stop();
  }
}

runIfMain(module, main);
