import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { config } from '../platform/config';
import { logger } from '../platform/logger';
import { s3 } from '../platform/s3';
import type { Anchor, AuditEntry } from './audit';

/**
 * Anchors of the audit chains, outside the table: for each entry written to the table, its hash goes
 * once to `anchors/<case number>/<seq>.json` in a bucket with Object Lock (compliance mode, versioned,
 * see resources/audit-anchors.yml). Only the anchoring function may put objects there, only as new keys
 * (If-None-Match: *, also required by the bucket policy), and nobody may delete them; the case
 * functions can only read them. It runs off the table's stream, so the request path is unchanged.
 */
export const ANCHOR_PREFIX = 'anchors/';
export const anchorKey = (caseNumber: string, seq: number) => `${ANCHOR_PREFIX}${caseNumber}/${String(seq).padStart(6, '0')}.json`;

export interface AnchorWriter {
  /** 'exists' when the key was anchored before: the first anchor stays. */
  put(anchor: Anchor): Promise<'written' | 'exists'>;
}

export interface AnchorReader {
  /** Every anchor of one case, by sequence number. */
  list(caseNumber: string): Promise<Map<number, Anchor>>;
}

/** Case numbers are digits and capitals; anything else in a key would be a forged row. */
const CASE_NUMBER = /^[0-9A-Z]{8,40}$/;

/** The anchor a stream record asks for: a new step row, or a new application row (entry 1), or none. */
export function anchorOf(record: DynamoDBRecord): Anchor | undefined {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return undefined;
  const item = unmarshall(image as Parameters<typeof unmarshall>[0]);
  // A step row holds its entry; the application row holds the hash of entry 1, the submission.
  const entry: Partial<AuditEntry> | undefined =
    item.entity === 'CaseStep' ? item.step?.entry : item.entity === 'CaseForm' && item.application?.auditHash ? { seq: 1, hash: item.application.auditHash, at: item.application.submitted?.at } : undefined;
  const caseNumber = typeof item.pk === 'string' && item.pk.startsWith('CASE#') ? item.pk.slice(5) : '';
  if (!entry || !CASE_NUMBER.test(caseNumber) || !Number.isInteger(entry.seq) || entry.seq! < 1 || typeof entry.hash !== 'string' || typeof entry.at !== 'string') return undefined;
  const written = record.dynamodb?.ApproximateCreationDateTime;
  return { caseNumber, seq: entry.seq!, hash: entry.hash, at: entry.at, ...(written ? { writtenAt: new Date(written * 1000).toISOString() } : {}) };
}

/**
 * Anchors the entries of one stream batch, all at once (each key is written once, so order does not
 * matter and a retried record is harmless). On failure the batch reports the earliest failed record and
 * the stream retries from there.
 */
export async function anchorBatch(records: DynamoDBRecord[], writer: AnchorWriter): Promise<DynamoDBBatchResponse> {
  const outcomes = await Promise.allSettled(
    records.map(async (record) => {
      const anchor = anchorOf(record);
      if (!anchor) return;
      const result = await writer.put(anchor);
      // A retried batch finds its earlier anchors; a row deleted and written again finds the original.
      if (result === 'exists') logger.info('audit entry already anchored; the first anchor stays', { caseNumber: anchor.caseNumber, seq: anchor.seq });
    }),
  );
  const failed = outcomes.findIndex((outcome) => outcome.status === 'rejected');
  if (failed < 0) return { batchItemFailures: [] };
  logger.error('anchoring failed; the stream will retry', { error: ((outcomes[failed] as PromiseRejectedResult).reason as Error)?.message });
  return { batchItemFailures: [{ itemIdentifier: records[failed]!.dynamodb?.SequenceNumber ?? '' }] };
}

function isAnchor(value: unknown, caseNumber: string, seq: number): value is Anchor {
  const anchor = value as Partial<Anchor> | null;
  return !!anchor && anchor.caseNumber === caseNumber && anchor.seq === seq && typeof anchor.hash === 'string' && typeof anchor.at === 'string';
}

/** The anchor bucket through S3 (s3rver locally); the S3 modules load on first use. */
export function s3AuditAnchors(bucket = config().auditAnchorBucket): AnchorWriter & AnchorReader {
  return {
    async put(anchor) {
      const { client, sdk } = await s3();
      try {
        await client.send(
          new sdk.PutObjectCommand({
            Bucket: bucket,
            Key: anchorKey(anchor.caseNumber, anchor.seq),
            Body: JSON.stringify(anchor),
            ContentType: 'application/json',
            IfNoneMatch: '*',
            // Object Lock requires a checksum on every upload.
            ChecksumAlgorithm: 'SHA256',
          }),
        );
        return 'written';
      } catch (error) {
        const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
        if (name === 'PreconditionFailed' || $metadata?.httpStatusCode === 412) return 'exists';
        throw error;
      }
    },

    async list(caseNumber) {
      const { client, sdk } = await s3();
      const prefix = `${ANCHOR_PREFIX}${caseNumber}/`;
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
        keys.push(...(page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : [])));
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      const anchors = await Promise.all(
        keys.map(async (key) => {
          const seq = Number(/(\d+)\.json$/.exec(key)?.[1]);
          const object = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key }));
          let body: unknown;
          try {
            body = JSON.parse((await object.Body?.transformToString()) ?? '');
          } catch {
            body = undefined;
          }
          // An object that is not the anchor its key names still marks the entry as anchored: it cannot match.
          return [seq, isAnchor(body, caseNumber, seq) ? body : { caseNumber, seq, hash: '', at: '' }] as const;
        }),
      );
      return new Map(anchors.filter(([seq]) => Number.isInteger(seq) && seq > 0));
    },
  };
}
