import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { ImplementationItem } from '@ah-tourism/shared';
import { localDynamoClient } from '../../scripts/local/dynamodb-local';
import { failNext, listMessages } from '../../scripts/local/wechat-control';
import { api, wechatUrl } from '../support/api';
import { TRAVEL_AGENCY_FIELDS, asUser, completeApplication, newUser, submitApplication, travelAgencyItem } from '../support/applications';
import { inbox, invokeFunction, rowsOf, subscribe } from '../support/notifications';

// One-time grants through the real path: dispatchNotifications in serverless offline, DynamoDB Local,
// the WeChat stand-in.
let item: ImplementationItem;

beforeAll(async () => {
  item = await travelAgencyItem();
});

/** The case's outbox record as the stream carries it, turned into a new event of `type`. */
async function progressRecord(caseNumber: string, type: string, n: number) {
  const [row] = await rowsOf(`CASE#${caseNumber}`, 'OUTBOX#');
  const image = unmarshall(row!);
  const event = { ...image.event, eventId: `${image.event.eventId}-${type}${n}`, type, occurredAt: new Date(Date.now() + n).toISOString() };
  return {
    eventID: `grant-${caseNumber}-${n}`,
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    dynamodb: { Keys: { pk: row!.pk, sk: row!.sk }, NewImage: marshall({ ...image, event }, { removeUndefinedValues: true }), SequenceNumber: String(n), StreamViewType: 'NEW_IMAGE' },
  };
}

async function openidOf(userId: string): Promise<string> {
  const client = localDynamoClient(process.env.DYNAMODB_ENDPOINT!);
  try {
    const { Items } = await client.send(
      new QueryCommand({
        TableName: process.env.TABLE_NAME!,
        KeyConditionExpression: 'pk = :pk AND sk = :profile',
        ExpressionAttributeValues: { ':pk': { S: `USER#${userId}` }, ':profile': { S: 'PROFILE' } },
      }),
    );
    return unmarshall(Items![0]!).user.openid;
  } finally {
    client.destroy();
  }
}

const remaining = async (applicant: string) =>
  (await api('/me/subscriptions', { headers: asUser(applicant) })).body.templates.find((t: { key: string }) => t.key === 'case_progress');

it('a push over WeChat’s quota (45009) is recorded as such and keeps the one-time grant for the next push', async () => {
  const applicant = await newUser();
  const submitted = await submitApplication(applicant, await completeApplication(applicant, item, TRAVEL_AGENCY_FIELDS));
  expect(submitted.status).toBe(201);
  const { caseNumber } = submitted.body;
  expect(await subscribe(applicant, { case_progress: 'accept' })).toContainEqual(expect.objectContaining({ key: 'case_progress', remaining: 1 }));
  const openid = await openidOf((await api('/me', { headers: asUser(applicant) })).body.userId);
  const pushesToApplicant = async () => (await listMessages(wechatUrl(), { touser: openid })).messages.filter((m) => m.data.character_string1?.value === caseNumber);

  await failNext(wechatUrl(), { api: 'send', mode: 'errcode', errcode: 45009, times: 1, touser: openid });
  const over = await invokeFunction<{ batchItemFailures: unknown[] }>('dispatchNotifications', { Records: [await progressRecord(caseNumber, 'accepted', 1)] });
  expect(over.functionError).toBeNull();
  expect(over.result.batchItemFailures).toEqual([]);
  expect((await inbox(applicant)).items.find((m) => m.type === 'accepted')!.push).toBe('quota_exceeded');
  expect(await remaining(applicant)).toMatchObject({ remaining: 1, active: true });
  expect(await pushesToApplicant()).toEqual([]);

  const next = await invokeFunction('dispatchNotifications', { Records: [await progressRecord(caseNumber, 'decided', 2)] });
  expect(next.functionError).toBeNull();
  expect((await inbox(applicant)).items.find((m) => m.type === 'decided')!.push).toBe('sent');
  expect(await pushesToApplicant()).toHaveLength(1);
  expect(await remaining(applicant)).toMatchObject({ remaining: 0, active: false });
});
