import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { parse } from 'yaml';
import type { NotificationEvent } from '@ah-tourism/shared';
import { messageIdFor } from '../../functions/src/notifications/keys';
import { outboxPut } from '../../functions/src/notifications/outbox';
import { localDynamoClient } from '../../scripts/local/dynamodb-local';
import { laneFor, streamMappingsFromServerless } from '../../scripts/local/stream-poller';
import { api } from '../support/api';
import { asUser, newUser } from '../support/applications';
import { HUANGSHAN_BUREAU, eventually, inbox, newStaff, pushesAbout, rowsOf, subscribe } from '../support/notifications';

/*
 * A batch the stream gives up on, end to end on the local stack: the dispatcher fails on a malformed
 * outbox record through all of the mapping's retries, the stream poller sends the on-failure record to
 * the notification dead-letter queue's consumer (finishFailedBatches) as SQS would, and that consumer
 * reads the records back from DynamoDB Local's stream and finishes them.
 */

/** The dispatcher's mapping as serverless.yml declares it (lanes = its parallelization factor). */
const DISPATCHER = streamMappingsFromServerless(parse(readFileSync(path.resolve(__dirname, '..', '..', 'serverless.yml'), 'utf8')), 'local').find((m) =>
  m.functionName.endsWith('-dispatchNotifications'),
)!;
const laneOf = (caseNumber: string) => laneFor({ dynamodb: { Keys: { pk: { S: `CASE#${caseNumber}` } } } } as never, 'pk', DISPATCHER.parallelizationFactor ?? 1);

/** A case number whose records share a lane of the stream mapping with `other`'s, so both come in one batch. */
function caseNumberBeside(other: string): string {
  for (let n = 0; ; n += 1) {
    const candidate = `${other.slice(0, -2)}G${n}`;
    if (laneOf(candidate) === laneOf(other)) return candidate;
  }
}

const newCaseEvent = (caseNumber: string, applicantUserId: string, overrides: Record<string, unknown> = {}): NotificationEvent =>
  ({
    eventId: `ev_${randomUUID().replace(/-/g, '').slice(0, 20)}`,
    type: 'case_submitted',
    occurredAt: new Date().toISOString(),
    caseNumber,
    itemName: '旅行社业务经营许可',
    organisationCode: HUANGSHAN_BUREAU,
    applicantUserId,
    applicantDisplayName: '张*',
    ...overrides,
  }) as NotificationEvent;

/** Writes the events' outbox records in one transaction, so the stream has them side by side. */
async function writeOutbox(...events: NotificationEvent[]): Promise<void> {
  const client = localDynamoClient(process.env.DYNAMODB_ENDPOINT!);
  try {
    const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    await doc.send(new TransactWriteCommand({ TransactItems: events.map((event) => outboxPut(process.env.TABLE_NAME!, event)) }));
  } finally {
    client.destroy();
  }
}

describe('a batch the stream gives up on', () => {
  it('is finished by the dead-letter consumer: the good event sent once, the bad one’s push failed with the give-up on it, nothing left pending', async () => {
    const staff = await newStaff(HUANGSHAN_BUREAU, ['pre_review']);
    await subscribe(staff.session.accessToken, { staff_new_case: 'accept' });
    const applicant = (await api('/me', { headers: asUser(await newUser()) })).body.userId as string;
    const stamp = Date.now().toString(36).toUpperCase();
    const badCase = `DLQ${stamp}B00`;
    const goodCase = caseNumberBeside(badCase);
    // A writer's bug: the masked name as a number. Its message is written, then its push cannot be filled in.
    const bad = newCaseEvent(badCase, applicant, { applicantDisplayName: 42 });
    const good = newCaseEvent(goodCase, applicant);

    await writeOutbox(bad, good);

    const staffMessages = () => inbox(staff.session.accessToken).then((box) => box.items.filter((m) => m.caseNumber === badCase || m.caseNumber === goodCase));
    // The stream's six attempts, then the consumer's receives (the local visibility timeout is a second).
    const settled = await eventually('both messages final', staffMessages, (found) => found.length === 2 && found.every((m) => m.push !== 'pending'), 90_000);
    expect(Object.fromEntries(settled.map((m) => [m.caseNumber, m.push]))).toEqual({ [goodCase]: 'sent', [badCase]: 'failed' });

    expect(await pushesAbout(staff.openid, goodCase)).toHaveLength(1);
    expect(await pushesAbout(staff.openid, badCase)).toEqual([]);
    const [stored] = (await rowsOf(`USER#${staff.session.user.userId}`, `MSG#${messageIdFor(bad.occurredAt, bad.eventId)}`)).map((row) => unmarshall(row));
    expect(stored).toMatchObject({ pushStatus: 'failed', pushGaveUpAt: expect.any(String), pushLastError: 'stream_gave_up' });
    expect(stored!.gsi2pk).toBeUndefined();
    // The outbox record is marked right after the pushes are given up.
    const outboxRow = () => rowsOf(`CASE#${badCase}`, 'OUTBOX#').then((rows) => rows.map((row) => unmarshall(row)));
    const [outbox] = await eventually('the outbox record keeps the give-up', outboxRow, ([row]) => row?.deliveryGaveUpAt !== undefined);
    expect(outbox).toMatchObject({ deliveryGaveUpAt: expect.any(String), deliveryGaveUpReason: 'stream_gave_up' });
    // This member's push, and those of the bureau's other subscribed staff (other tests made some).
    expect(outbox!.pushesGivenUp).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
