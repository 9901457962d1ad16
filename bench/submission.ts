/**
 * Submission latency against the local stack, and the handler's overhead over the very transaction it
 * performs, measured interleaved: each connection alternates one submission and one bare
 * `TransactWriteItems` of the same shape straight to DynamoDB Local, so both see the same machine at the
 * same moment.
 *
 *   npx tsx bench/submission.ts
 *
 * BENCH_SUBMIT_SECONDS (default 20), BENCH_SUBMIT_CONNECTIONS (default 4).
 * Two applications, each measured the same way:
 *   - 旅行社业务经营许可 (黄山市) by an enterprise through an agent, 5 PDF files: its 营业执照 and other
 *     materials come from the enterprise's licence wallet, which is read before the transaction;
 *   - 导游证核发 (黄山市) by a tour guide in person, 4 files (one a JPG photo): a person has no licence
 *     wallet (it is kept by enterprise credit code), so nothing is read before the transaction.
 * The handler path = validation of the whole application against the guide (from memory) → the wallet
 * read when the application needs one, with envelope encryption → one TransactWriteItems (which also
 * proves each file by its upload verdict) → the answer from what was written. The bare transaction is
 * built by the same `newCaseTransaction` the store sends, from the case the handler wrote (same items,
 * same sizes: case, key record, application, draft delete, outbox event, reminder, one check per file),
 * with fresh keys each time. A last round times the handler's steps one after another, under the same
 * concurrency, for the breakdown; another alternates the transaction with and without the files' checks,
 * for what proving the files inside it costs.
 */
import './in-process-env';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { applicationSchema, type ImplementationItem } from '@ah-tourism/shared';
import { newCaseTransaction } from '../functions/src/cases/store';
import type { CaseApplication, CaseRecord } from '../functions/src/cases/records';
import { reminderTimers } from '../functions/src/notifications/timers';
import { localDynamoClient } from '../scripts/local/dynamodb-local';
import { startStack } from '../scripts/local/stack';
import { TRAVEL_AGENCY_FIELDS, asUser, cityItem, completeApplication, newUser, upload, validResidentId } from '../test/support/applications';
import { fileFor } from '../test/support/material-files';
import { RESULTS_DIR, benchPorts, functionInProcess, machine, machineLine, percentile, round, runIfMain, table, waitForVerdicts, warnIfBusy, writeJson } from './common';

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

const ratio = (a: Measurement, b: Measurement) => ({ p50Ratio: round(a.p50 / b.p50, 2), p99Ratio: round(a.p99 / b.p99, 2) });

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

/** A tour guide's own application for 导游证核发, every required file uploaded as the phone does. */
async function tourGuideApplication(user: string, item: ImplementationItem) {
  const materials: Record<string, Awaited<ReturnType<typeof upload>>[]> = {};
  for (const material of item.guide.materials.filter((m) => m.source === 'applicant' && m.necessity === 'required')) {
    // The photo as the guide's spec asks (a JPG of at least 358×441 pixels, 20–200 KB), the rest PDFs.
    const { content, ...as } = fileFor(material);
    materials[material.id] = [await upload(user, item.implementationCode, material.id, content, as)];
  }
  return {
    implementationCode: item.implementationCode,
    applicant: { kind: 'person', person: { name: '方晓燕', idNumber: validResidentId('34100219920515002'), mobile: '13955967890' } },
    fields: { qualificationNumber: 'DYZG-2026-341000', language: '中文', employer: '黄山云海旅行社有限公司' },
    materials,
  };
}

type Stack = Awaited<ReturnType<typeof startStack>>;
type Body = Awaited<ReturnType<typeof tourGuideApplication>> | Awaited<ReturnType<typeof completeApplication>>;

/** One application's paths: through serverless offline, the handler in process, and the bare transaction it sends. */
async function paths(stack: Stack, dynamo: DynamoDBDocumentClient, user: string, body: Body) {
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
  for (let i = 0; i < 8; i += 1) await Promise.all([submit(), invoke()]);

  // The case the handler wrote is the template of the bare transaction: same rows, same sizes.
  const row = async (sk: string) => (await dynamo.send(new GetCommand({ TableName: stack.tableName, Key: { pk: `CASE#${lastCase}`, sk } }))).Item!;
  const record = (await row('META')).record as CaseRecord;
  const application = (await row('FORM')).application as CaseApplication;
  // Every file declared by the application is proven by its verdict in the transaction.
  const uploads = application.materials.flatMap((m) => m.files.map((f) => ({ key: f.key, owner: record.submitterUserId, size: f.size, contentType: f.contentType })));
  const transaction = (proven = true) => {
    const caseNumber = `${record.caseNumber.slice(0, 14)}${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`;
    const notice = { caseNumber, itemName: record.itemName, organisationCode: record.organisationCode, applicantUserId: record.submitterUserId, applicantDisplayName: record.applicantDisplayName };
    return newCaseTransaction(stack.tableName, {
      record: { ...record, caseNumber },
      application,
      events: [{ ...notice, eventId: `ev_${randomUUID().replace(/-/g, '').slice(0, 20)}`, type: 'case_submitted', occurredAt: record.submittedAt }],
      timers: reminderTimers(notice, record.clock.preReview!.dueAt!, { label: '预审', permission: 'pre_review' }),
      idempotency: { userId: record.submitterUserId, key: randomUUID(), operation: 'case_submission', requestHash: 'x'.repeat(43), ttlSeconds: 30 * 86_400 },
      uploads: proven ? uploads : [],
    });
  };
  const bare = async () => {
    await dynamo.send(new TransactWriteCommand({ TransactItems: transaction() }));
    return true;
  };
  /** The same transaction without the files' checks: what proving the files inside it costs. */
  const unproven = async () => {
    await dynamo.send(new TransactWriteCommand({ TransactItems: transaction(false) }));
    return true;
  };
  return { submit, invoke, bare, unproven, transactionItems: transaction().length, files: uploads.length };
}

/**
 * The handler's steps timed one after another, as it takes them, under the same concurrency: the token
 * check, the validation against the guide, the wallet read when the application needs one, sealing the
 * applicant, and the transaction. (In the handler the wallet read and sealing overlap.)
 */
async function breakdown(connections: number, seconds: number, user: string, item: ImplementationItem, body: Body, needsWallet: boolean, bare: () => Promise<boolean>) {
  const { verifyAccessToken } = await import('../functions/src/auth/tokens');
  const { walletOf } = await import('../functions/src/licences/wallet');
  const { seal } = await import('../functions/src/platform/crypto');
  const { dataKeys } = await import('../functions/src/platform/keys');
  const steps = { token: [] as number[], validation: [] as number[], reads: [] as number[], sealing: [] as number[], transaction: [] as number[] };
  const timed = async <T>(list: number[], step: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    const result = await step();
    list.push(performance.now() - start);
    return result;
  };
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        await timed(steps.token, () => verifyAccessToken(user));
        const parsed = await timed(steps.validation, () => applicationSchema(item).parse(body));
        const applicant = parsed.applicant;
        await timed(steps.reads, () => (needsWallet && applicant.kind === 'enterprise' ? walletOf({ kind: 'enterprise', creditCode: applicant.enterprise.creditCode }) : undefined));
        await timed(steps.sealing, () => seal(dataKeys(), applicant));
        await timed(steps.transaction, bare);
      }
    }),
  );
  return Object.fromEntries(Object.entries(steps).map(([name, list]) => [name, round(percentile(list, 50), 1)])) as Record<keyof typeof steps, number>;
}

async function main(): Promise<void> {
  const seconds = Number(process.env.BENCH_SUBMIT_SECONDS ?? 20);
  const connections = Number(process.env.BENCH_SUBMIT_CONNECTIONS ?? 4);
  const log = (line: string) => console.log(line);
  warnIfBusy(log);
  const started = machine();
  const ports = await benchPorts();
  const stack = await startStack({ ports, h5: 'none', progress: (step) => log(`• ${step}`) });
  const dynamo = DynamoDBDocumentClient.from(localDynamoClient(stack.dynamodbEndpoint), { marshallOptions: { removeUndefinedValues: true } });
  try {
    process.env.API_URL = stack.apiUrl;
    process.env.WECHAT_URL = stack.wechatUrl;
    const user = await newUser();
    const agency = await cityItem('旅行社业务经营许可');
    const guide = await cityItem('导游证核发');
    const applications = [
      { name: '旅行社业务经营许可, enterprise through an agent (wallet read)', item: agency, body: await completeApplication(user, agency, TRAVEL_AGENCY_FIELDS), needsWallet: true },
      { name: '导游证核发, a tour guide in person (no wallet)', item: guide, body: await tourGuideApplication(user, guide), needsWallet: false },
    ];
    // Measured as in service: each upload's verdict recorded by the time the application is sent.
    for (const { body } of applications) {
      await waitForVerdicts(stack.dynamodbEndpoint, stack.tableName, Object.values(body.materials).flat().map((file) => file.key));
    }
    const results = [];
    for (const application of applications) {
      log(`• ${application.name}: warming up (${connections} connections)`);
      const run = await paths(stack, dynamo, user, application.body);
      await interleaved(connections, 3, [run.invoke, run.bare]);
      // Two rounds, each the path against the very same transaction: the handler as Lambda runs it, then
      // the whole HTTP path through serverless offline (whose emulation costs CPU the first round must not share).
      log(`• measuring the handler for ${seconds} s, ${connections} connections, each alternating it with the same transaction`);
      const [handler, direct] = (await interleaved(connections, seconds, [run.invoke, run.bare])) as [Measurement, Measurement];
      log(`• measuring POST /cases through serverless offline for ${seconds} s, alternating it with the same transaction`);
      const [http, directDuringHttp] = (await interleaved(connections, seconds, [run.submit, run.bare])) as [Measurement, Measurement];
      log(`• measuring the transaction with and without the files' checks for ${seconds / 2} s, alternating`);
      const [withChecks, withoutChecks] = (await interleaved(connections, seconds / 2, [run.bare, run.unproven])) as [Measurement, Measurement];
      log(`• timing the handler's steps for ${seconds / 2} s`);
      const steps = await breakdown(connections, seconds / 2, user, application.item, application.body, application.needsWallet, run.bare);
      results.push({
        application: application.name,
        filesPerApplication: run.files,
        transactionItems: run.transactionItems,
        handler,
        bareTransaction: direct,
        overhead: ratio(handler, direct),
        throughServerlessOffline: http,
        bareTransactionDuringHttp: directDuringHttp,
        httpOverhead: ratio(http, directDuringHttp),
        transactionWithFileChecks: withChecks,
        transactionWithoutFileChecks: withoutChecks,
        stepsP50: steps,
      });
    }
    const output = { date: new Date().toISOString(), machine: started, settings: { seconds, connections, interleaved: true }, applications: results };
    writeJson(path.join(RESULTS_DIR, 'submission.json'), output);
    log('');
    log(machineLine(started));
    for (const r of results) {
      log('');
      log(`${r.application}: ${r.filesPerApplication} files, ${r.transactionItems} items per transaction`);
      log(
        table(
          ['path', 'requests', 'p50 ms', 'p99 ms', 'failures'],
          [
            ['the submitApplication handler, in process', r.handler.requests, r.handler.p50, r.handler.p99, r.handler.failures],
            ['the same TransactWriteItems, direct', r.bareTransaction.requests, r.bareTransaction.p50, r.bareTransaction.p99, r.bareTransaction.failures],
            ['POST /cases through serverless offline', r.throughServerlessOffline.requests, r.throughServerlessOffline.p50, r.throughServerlessOffline.p99, r.throughServerlessOffline.failures],
            ['the same TransactWriteItems, direct, meanwhile', r.bareTransactionDuringHttp.requests, r.bareTransactionDuringHttp.p50, r.bareTransactionDuringHttp.p99, r.bareTransactionDuringHttp.failures],
          ],
          ['l', 'r', 'r', 'r', 'r'],
        ),
      );
      log(`handler / the same transaction: p50 ×${r.overhead.p50Ratio}, p99 ×${r.overhead.p99Ratio}`);
      log(`through serverless offline / the same transaction: p50 ×${r.httpOverhead.p50Ratio}, p99 ×${r.httpOverhead.p99Ratio}`);
      log(`the transaction with the files' checks p50 ${r.transactionWithFileChecks.p50} / p99 ${r.transactionWithFileChecks.p99} ms, without ${r.transactionWithoutFileChecks.p50} / ${r.transactionWithoutFileChecks.p99} ms`);
      log(`steps one after another (p50 ms): ${Object.entries(r.stepsP50).map(([step, ms]) => `${step} ${ms}`).join(', ')}`);
    }
    log(`load average at the end: ${machine().loadAverage.join(' / ')}`);
  } finally {
    dynamo.destroy();
    await stack.stop();
  }
}

runIfMain(module, main);
