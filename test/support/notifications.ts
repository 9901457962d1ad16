import { randomUUID } from 'node:crypto';
import { QueryCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { LOCAL_TEMPLATE_IDS, type Message, type Session, type StaffPermission, type TemplateKey } from '@ah-tourism/shared';
import { localDynamoClient } from '../../scripts/local/dynamodb-local';
import { listMessages } from '../../scripts/local/wechat-control';
import type { RecordedMessage } from '../../scripts/local/wechat-standin';
import { api, wechatUrl } from './api';
import { asUser, signInAs, signInWithWechat } from './applications';

export const HUANGSHAN_BUREAU = '113410000039113649';
export const PROVINCE_DEPARTMENT = '11340000003325011J';

const json = { 'Content-Type': 'application/json' };

/** Polls until `accept` holds for what the check returns, or fails with the last value seen. */
export async function eventually<T>(what: string, check: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await check();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last seen: ${JSON.stringify(last).slice(0, 800)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Pushes the WeChat stand-in accepted for a recipient that mention a case number. */
export async function pushesAbout(openid: string, caseNumber: string, template?: TemplateKey): Promise<RecordedMessage[]> {
  const { messages } = await listMessages(wechatUrl(), { touser: openid, ...(template ? { templateId: LOCAL_TEMPLATE_IDS[template] } : {}) });
  return messages.filter((m) => m.data.character_string1?.value === caseNumber);
}

export async function inbox(accessToken: string): Promise<{ items: Message[]; unread: number }> {
  const res = await api('/me/messages?limit=50', { headers: asUser(accessToken) });
  if (res.status !== 200) throw new Error(`messages: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function subscribe(accessToken: string, answers: Partial<Record<TemplateKey, 'accept' | 'reject'>>) {
  const results = Object.fromEntries(Object.entries(answers).map(([key, answer]) => [LOCAL_TEMPLATE_IDS[key as TemplateKey], answer]));
  const res = await api('/me/subscriptions', { method: 'PUT', headers: asUser(accessToken, json), body: JSON.stringify({ results }) });
  if (res.status !== 200) throw new Error(`subscribe: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.templates as { key: TemplateKey; active: boolean; remaining?: number }[];
}

/**
 * A new staff member of an organisation, made the way it happens in production: the organisation's
 * admin (a persona) issues an invitation and a fresh WeChat user redeems it.
 */
export async function newStaff(organisationCode: string, permissions: StaffPermission[], admin = 'city-org_admin'): Promise<{ session: Session; openid: string }> {
  const adminSession = await signInAs(admin);
  const invited = await api(`/organisations/${organisationCode}/invitations`, {
    method: 'POST',
    headers: asUser(adminSession.accessToken, { ...json, 'Idempotency-Key': randomUUID() }),
    body: JSON.stringify({ name: '测试工作人员', permissions }),
  });
  if (invited.status !== 201) throw new Error(`invite: ${invited.status} ${JSON.stringify(invited.body)}`);
  const openid = `staff${Math.random().toString(36).slice(2, 14)}`;
  const signedIn = await signInWithWechat(openid);
  const bound = await api<Session>('/staff/bind', {
    method: 'POST',
    headers: asUser(signedIn.accessToken, json),
    body: JSON.stringify({ code: invited.body.code }),
  });
  if (bound.status !== 200) throw new Error(`bind: ${bound.status} ${JSON.stringify(bound.body)}`);
  return { session: bound.body, openid };
}

/** Invokes a function through serverless offline's Lambda endpoint, as AWS would (stream, schedule). */
export async function invokeFunction<T = unknown>(name: string, payload: unknown): Promise<{ result: T; functionError: string | null }> {
  const url = process.env.LAMBDA_URL;
  if (!url) throw new Error('LAMBDA_URL is not set');
  const res = await fetch(`${url}/2015-03-31/functions/ah-tourism-local-${name}/invocations`, { method: 'POST', body: JSON.stringify(payload) });
  const text = await res.text();
  return { result: (text ? JSON.parse(text) : undefined) as T, functionError: res.headers.get('x-amz-function-error') };
}

/** The rows of a partition whose sort key starts with `prefix`, as stored (wire form), read consistently. */
export async function rowsOf(pk: string, prefix: string): Promise<Record<string, AttributeValue>[]> {
  const client = localDynamoClient(process.env.DYNAMODB_ENDPOINT!);
  try {
    const { Items } = await client.send(
      new QueryCommand({
        TableName: process.env.TABLE_NAME!,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': { S: pk }, ':prefix': { S: prefix } },
        ConsistentRead: true,
      }),
    );
    return Items ?? [];
  } finally {
    client.destroy();
  }
}
