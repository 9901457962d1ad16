import { CreateTableCommand, DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { localDynamoClient, startDynamoDbLocal } from '../../../scripts/local/dynamodb-local';
import type { Managed } from '../../../scripts/local/process';
import { AppError } from '../platform/errors';
import { STALL_MS, counterKey, inTurn, sendStep, type Turn } from './document-counter';
import { takeTicket } from './document-queue';

/*
 * The document counter's queue against a real DynamoDB Local (in memory). A "step" here is what the
 * lifecycle's is, reduced to the rows that matter: the case under its version condition and the counter.
 */
const DYNAMODB_PORT = Number(process.env.DOCUMENT_COUNTER_TEST_DYNAMODB_PORT ?? 8152);
const TABLE = 'document-counter-test';
const YEAR = 2026;

let dynamodb: Managed & { endpoint: string };
let client: DynamoDBClient;
let doc: DynamoDBDocumentClient;
let organisations = 0;

beforeAll(async () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  dynamodb = await startDynamoDbLocal(DYNAMODB_PORT);
  client = localDynamoClient(dynamodb.endpoint);
  await client.send(
    new CreateTableCommand({
      TableName: TABLE,
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  doc = DynamoDBDocumentClient.from(client);
}, 60_000);

afterAll(async () => {
  doc?.destroy();
  await dynamodb?.stop();
});

/** The log lines written (Powertools writes JSON lines to stdout and stderr), kept instead of shown. */
let logs: { message: string; detail?: Record<string, unknown> }[];
beforeEach(() => {
  logs = [];
  const keep = (chunk: unknown) => {
    for (const line of String(chunk).split('\n')) if (line.trim().startsWith('{')) logs.push(JSON.parse(line));
    return true;
  };
  jest.spyOn(process.stdout, 'write').mockImplementation(keep as never);
  jest.spyOn(process.stderr, 'write').mockImplementation(keep as never);
});
afterEach(() => jest.restoreAllMocks());

/** A fresh organisation's acceptance-notice counter, so no test sees another's. */
function newCounter() {
  organisations += 1;
  const organisation = `ORG${String(organisations).padStart(3, '0')}`;
  return { organisation, key: counterKey(organisation, 'acceptance_notice', YEAR) };
}

async function newCase(organisation: string, i: number): Promise<string> {
  const caseNumber = `${organisation}-${i}`;
  await doc.send(new PutCommand({ TableName: TABLE, Item: { pk: `CASE#${caseNumber}`, sk: 'META', version: 1 } }));
  return caseNumber;
}

/** The case's step: moves it from `version` on and records the number, all in the turn's transaction. */
function caseStep(caseNumber: string, version: number, sent: { transactions: number } = { transactions: 0 }) {
  return async (turn: Turn) => {
    sent.transactions += 1;
    await sendStep(
      doc,
      [
        {
          Update: {
            TableName: TABLE,
            Key: { pk: `CASE#${caseNumber}`, sk: 'META' },
            UpdateExpression: 'SET version = :next, documentNumber = :number',
            ConditionExpression: 'version = :version',
            ExpressionAttributeValues: { ':version': version, ':next': version + 1, ':number': turn.number },
          },
        },
        turn.update,
      ],
      turn,
    );
    return turn.number;
  };
}

const counterRow = async (key: { pk: string; sk: string }) => (await doc.send(new GetCommand({ TableName: TABLE, Key: key, ConsistentRead: true }))).Item;
const ticketsRow = async (key: { pk: string; sk: string }) => (await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: key.pk, sk: `${key.sk}#TICKETS` }, ConsistentRead: true }))).Item;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const sorted = (numbers: number[]) => [...numbers].sort((a, b) => a - b);

describe('the document counter', () => {
  it('lets 40 steps on different cases of one organisation at once all succeed, with the numbers 1 to 40', async () => {
    const { organisation, key } = newCounter();
    const cases = await Promise.all(range(1, 40).map((i) => newCase(organisation, i)));
    const sent = { transactions: 0 };
    const numbers = await Promise.all(cases.map((caseNumber) => inTurn(doc, TABLE, key, caseStep(caseNumber, 1, sent))));
    expect(sorted(numbers)).toEqual(range(1, 40));
    // Waiting steps do not send transactions: one each (the odd one more if a row was held for a moment).
    expect(sent.transactions).toBeLessThan(40 * 1.5);
    expect(await counterRow(key)).toMatchObject({ n: 40, serving: 40 });
    expect(await ticketsRow(key)).toMatchObject({ t: 40 });
  }, 60_000);

  it('ends the turn of a step that failed for its own reason, so the next goes on at once and no number is skipped', async () => {
    const { organisation, key } = newCounter();
    const cases = await Promise.all(range(1, 12).map((i) => newCase(organisation, i)));
    const began = Date.now();
    // Every third step acts on a version the case no longer has: a real conflict, its own.
    const results = await Promise.allSettled(cases.map((caseNumber, i) => inTurn(doc, TABLE, key, caseStep(caseNumber, i % 3 === 2 ? 7 : 1))));
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed).toHaveLength(4);
    for (const failure of failed) expect((failure as PromiseRejectedResult).reason).toBeInstanceOf(TransactionCanceledException);
    const numbers = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(sorted(numbers)).toEqual(range(1, 8));
    expect(await counterRow(key)).toMatchObject({ n: 8, serving: 12 });
    // No turn stood still until it was skipped.
    expect(Date.now() - began).toBeLessThan(STALL_MS);
  }, 30_000);

  it('ends the turn of a step that threw before sending its transaction', async () => {
    const { organisation, key } = newCounter();
    const broken = inTurn(doc, TABLE, key, async () => {
      throw new Error('composing the document failed');
    });
    await expect(broken).rejects.toThrow('composing the document failed');
    const caseNumber = await newCase(organisation, 1);
    const began = Date.now();
    expect(await inTurn(doc, TABLE, key, caseStep(caseNumber, 1))).toBe(1);
    expect(Date.now() - began).toBeLessThan(STALL_MS);
    expect(await counterRow(key)).toMatchObject({ n: 1, serving: 2 });
  });

  it('skips the turn of a step that took a ticket and never acted (it crashed) once the counter stood still for the bound', async () => {
    const { organisation, key } = newCounter();
    await takeTicket({ db: doc, TableName: TABLE, key });
    const cases = await Promise.all(range(1, 5).map((i) => newCase(organisation, i)));
    const began = Date.now();
    const numbers = await Promise.all(cases.map((caseNumber) => inTurn(doc, TABLE, key, caseStep(caseNumber, 1))));
    const waited = Date.now() - began;
    expect(sorted(numbers)).toEqual(range(1, 5));
    expect(waited).toBeGreaterThanOrEqual(STALL_MS);
    expect(waited).toBeLessThan(2 * STALL_MS);
    expect(await counterRow(key)).toMatchObject({ n: 5, serving: 6 });
    expect(logs.filter((line) => line.message === 'document counter: skipped a turn that stood still').map((line) => line.detail?.ticket)).toEqual([1]);
  }, 30_000);

  it('answers CASE_BUSY when the turn does not come within the budget, and those behind skip the given-up ticket at once', async () => {
    const { organisation, key } = newCounter();
    await takeTicket({ db: doc, TableName: TABLE, key });
    const impatient = inTurn(doc, TABLE, key, caseStep(await newCase(organisation, 0), 1), { waitBudgetMs: 300 });
    await expect(impatient).rejects.toMatchObject({ code: 'CASE_BUSY' } satisfies Partial<AppError>);
    expect(await ticketsRow(key)).toMatchObject({ t: 2, gone: new Set([2]) });
    const cases = await Promise.all(range(1, 3).map((i) => newCase(organisation, i)));
    const began = Date.now();
    const numbers = await Promise.all(cases.map((caseNumber) => inTurn(doc, TABLE, key, caseStep(caseNumber, 1))));
    expect(sorted(numbers)).toEqual([1, 2, 3]);
    // The crashed ticket 1 once (the bound), the given-up ticket 2 without another wait.
    expect(Date.now() - began).toBeLessThan(2 * STALL_MS);
    expect(await counterRow(key)).toMatchObject({ n: 3, serving: 5 });
    expect((await ticketsRow(key))?.gone).toBeUndefined();
  }, 30_000);

  it('gives a step skipped while still alive a new ticket: its late transaction is refused, the numbers stay gap-free', async () => {
    const { organisation, key } = newCounter();
    const slowCase = await newCase(organisation, 0);
    let stalled = false;
    const sent = { transactions: 0 };
    // Stands still in its first turn for longer than the bound, then sends the transaction it prepared.
    const slow = inTurn(doc, TABLE, key, async (turn) => {
      if (!stalled) {
        stalled = true;
        await new Promise((resolve) => setTimeout(resolve, STALL_MS + 1_500));
      }
      return caseStep(slowCase, 1, sent)(turn);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const cases = await Promise.all(range(1, 4).map((i) => newCase(organisation, i)));
    const others = await Promise.all(cases.map((caseNumber) => inTurn(doc, TABLE, key, caseStep(caseNumber, 1))));
    const late = await slow;
    expect(sorted([...others, late])).toEqual(range(1, 5));
    expect(late).toBe(5);
    expect(sent.transactions).toBe(2);
    expect(await counterRow(key)).toMatchObject({ n: 5 });
  }, 30_000);

  it('goes on from the number of a counter written before the queue existed', async () => {
    const { organisation, key } = newCounter();
    await doc.send(new PutCommand({ TableName: TABLE, Item: { ...key, entity: 'Counter', n: 41 } }));
    const cases = await Promise.all(range(1, 6).map((i) => newCase(organisation, i)));
    const numbers = await Promise.all(cases.map((caseNumber) => inTurn(doc, TABLE, key, caseStep(caseNumber, 1))));
    expect(sorted(numbers)).toEqual(range(42, 47));
    expect(await counterRow(key)).toMatchObject({ n: 47, serving: 6 });
  });

  it('goes on when the ticket row was lost while the counter kept its turns', async () => {
    const { organisation, key } = newCounter();
    await doc.send(new PutCommand({ TableName: TABLE, Item: { ...key, entity: 'Counter', n: 9, serving: 10 } }));
    const cases = await Promise.all(range(1, 3).map((i) => newCase(organisation, i)));
    const numbers = await Promise.all(cases.map((caseNumber) => inTurn(doc, TABLE, key, caseStep(caseNumber, 1))));
    expect(sorted(numbers)).toEqual([10, 11, 12]);
    expect(await counterRow(key)).toMatchObject({ n: 12 });
  });
});
