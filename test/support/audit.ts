import { DeleteItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { AuditVerification } from '@ah-tourism/shared';
import { chainEntry, stepPayload, submissionLink, type Anchor, type AuditEntry } from '../../functions/src/cases/audit';
import type { CaseApplication, EventRecord, StepRecord } from '../../functions/src/cases/records';
import { LOCAL_AWS_ENV, localDynamoClient } from '../../scripts/local/dynamodb-local';
import { LOCAL_AUDIT_ANCHOR_BUCKET } from '../../scripts/local/s3-local';
import { api } from './api';
import { asUser } from './applications';
import { eventually, rowsOf } from './notifications';

export const verifyAudit = async (token: string, caseNumber: string) => (await api<AuditVerification>(`/staff/cases/${caseNumber}/audit`, { headers: asUser(token) })).body;

/** Until the stream has anchored every entry of the case (the verifier says so). */
export const fullyAnchored = (token: string, caseNumber: string) =>
  eventually(`every audit entry of ${caseNumber} anchored`, () => verifyAudit(token, caseNumber), (v) => v.anchored === v.entries && v.pending === 0);

/** The anchors of a case in the local anchor bucket, by sequence number. */
export async function anchorsOf(caseNumber: string): Promise<Map<number, Anchor>> {
  const s3 = new S3Client({
    endpoint: process.env.S3_ENDPOINT!,
    forcePathStyle: true,
    region: LOCAL_AWS_ENV.AWS_REGION,
    credentials: { accessKeyId: LOCAL_AWS_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_AWS_ENV.AWS_SECRET_ACCESS_KEY },
  });
  try {
    const { Contents = [] } = await s3.send(new ListObjectsV2Command({ Bucket: LOCAL_AUDIT_ANCHOR_BUCKET, Prefix: `anchors/${caseNumber}/` }));
    const anchors = await Promise.all(
      Contents.map(async ({ Key }) => JSON.parse(await (await s3.send(new GetObjectCommand({ Bucket: LOCAL_AUDIT_ANCHOR_BUCKET, Key }))).Body!.transformToString()) as Anchor),
    );
    return new Map(anchors.map((anchor) => [anchor.seq, anchor]));
  } finally {
    s3.destroy();
  }
}

/** The case's audit entries as stored: the submission's rebuilt from the application row (which holds its hash), then one per step row. */
export async function storedEntries(caseNumber: string): Promise<AuditEntry[]> {
  const [form] = (await rowsOf(`CASE#${caseNumber}`, 'FORM')).map((row) => unmarshall(row).application as CaseApplication);
  const steps = (await rowsOf(`CASE#${caseNumber}`, 'AUDIT#')).map((row) => unmarshall(row).step as StepRecord);
  const auditHash = form?.auditHash;
  return [...(form && auditHash ? [submissionLink(caseNumber, { ...form, auditHash }).entry] : []), ...steps.map((step) => step.entry)];
}

/**
 * What an insider who can write the table does: changes the history event of step `seq`, recomputes that
 * entry and every one after it with the very chain functions the service uses, writes the step rows back
 * over themselves and moves the case's head to match. `reinsert` deletes each row and writes it anew
 * instead (so the stream sees new rows).
 */
export async function rewriteAsInsider(caseNumber: string, seq: number, change: (event: EventRecord) => void, options: { reinsert?: boolean } = {}) {
  const pk = `CASE#${caseNumber}`;
  const rows = (await rowsOf(pk, 'AUDIT#')).map((row) => unmarshall(row));
  const entries = await storedEntries(caseNumber);
  let previous = entries.find((entry) => entry.seq === seq - 1)!;
  const client = localDynamoClient(process.env.DYNAMODB_ENDPOINT!);
  try {
    for (const row of rows.filter((r) => (r.step as StepRecord).entry.seq >= seq).sort((a, b) => a.step.entry.seq - b.step.entry.seq)) {
      const step = row.step as StepRecord;
      if (step.entry.seq === seq) change(step.event);
      const { at, actorId, actorRole, action, from, to } = step.entry;
      step.entry = chainEntry(previous, { at, actorId, actorRole, action, from, to }, stepPayload(step));
      previous = step.entry;
      if (options.reinsert) await client.send(new DeleteItemCommand({ TableName: process.env.TABLE_NAME!, Key: marshall({ pk, sk: row.sk }) }));
      await client.send(new PutItemCommand({ TableName: process.env.TABLE_NAME!, Item: marshall(row, { removeUndefinedValues: true }) }));
    }
    await client.send(
      new UpdateItemCommand({
        TableName: process.env.TABLE_NAME!,
        Key: marshall({ pk, sk: 'META' }),
        UpdateExpression: 'SET #record.auditHead = :head',
        ExpressionAttributeNames: { '#record': 'record' },
        ExpressionAttributeValues: marshall({ ':head': { seq: previous.seq, hash: previous.hash } }),
      }),
    );
  } finally {
    client.destroy();
  }
}
