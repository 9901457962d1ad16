import type { CancellationReason } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, PutCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { MAX_MATERIAL_BYTES, type MaterialContentType } from '@ah-tourism/shared';
import { dynamo } from '../platform/dynamodb';
import { config } from '../platform/config';
import { logger } from '../platform/logger';
import { sniffMaterialType, type ContentFinding } from './file-type';
import type { MaterialInspector } from './material-storage';
import type { UploadVerdict, UploadVerdicts } from './materials';
import type { UploadProof } from './records';

/**
 * Verdicts on uploaded files, written when S3 reports an upload complete, so submission need not read
 * the object itself: it proves each file by its verdict inside the case's transaction (a ConditionCheck),
 * or, for an application that does not declare its files, reads the verdicts first.
 *   UPLOAD#<object key> / VERDICT   owner, size, sniffed type, whole-file check, the event's sequencer; TTL = drafts   ConditionCheck, BatchGetItem
 */
export const uploadVerdictKey = (objectKey: string) => ({ pk: `UPLOAD#${objectKey}`, sk: 'VERDICT' });

const MATERIALS_PREFIX = 'materials/';
/** Sequencers are stored left-padded to this width, so DynamoDB compares them as S3 says to. */
const SEQUENCER_WIDTH = 64;

export interface UploadVerdictItem {
  pk: string;
  sk: 'VERDICT';
  kind: 'upload_verdict';
  owner: string;
  size: number;
  contentType?: MaterialContentType;
  /** The whole-file check; absent when the file was not read whole (empty, oversized, or no PDF/JPG/PNG). */
  content?: ContentFinding;
  /** The S3 event's sequencer, upper-case hex left-padded with zeros to a fixed width. */
  sequencer: string;
  inspectedAt: string;
  expiresAt: number;
}

/** The uploader of `materials/<user>/<file>`, or undefined for any other key. */
export function ownerOfKey(objectKey: string): string | undefined {
  if (!objectKey.startsWith(MATERIALS_PREFIX)) return undefined;
  const [owner, ...rest] = objectKey.slice(MATERIALS_PREFIX.length).split('/');
  return owner && rest.length && rest.every((part) => part.length > 0) ? owner : undefined;
}

/** A sequencer as S3 documents comparing them: hex of one length, left-padded with zeros. */
export function normalSequencer(sequencer: string): string {
  const hex = sequencer.trim().toUpperCase();
  if (!/^[0-9A-F]+$/.test(hex)) throw new Error('S3 sequencer is not hexadecimal');
  return hex.padStart(Math.max(SEQUENCER_WIDTH, hex.length), '0');
}

/** Negative when `a` happened before `b` on the same key, positive after, 0 for the same event. */
export function compareSequencers(a: string, b: string): number {
  const width = Math.max(a.length, b.length);
  const left = a.toUpperCase().padStart(width, '0');
  const right = b.toUpperCase().padStart(width, '0');
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Object keys arrive URL-encoded in S3 events (spaces as `+`). */
export const decodeEventKey = (raw: string) => decodeURIComponent(raw.replace(/\+/g, ' '));

export function verdictItem(input: {
  objectKey: string;
  owner: string;
  size: number;
  head: Uint8Array;
  content?: ContentFinding;
  sequencer: string;
  now: Date;
  ttlDays: number;
}): UploadVerdictItem {
  const contentType = sniffMaterialType(input.head);
  return {
    ...uploadVerdictKey(input.objectKey),
    sk: 'VERDICT',
    kind: 'upload_verdict',
    owner: input.owner,
    size: input.size,
    ...(contentType ? { contentType } : {}),
    ...(input.content ? { content: input.content } : {}),
    sequencer: normalSequencer(input.sequencer),
    inspectedAt: input.now.toISOString(),
    expiresAt: Math.floor(input.now.getTime() / 1000) + input.ttlDays * 86_400,
  };
}

/** The parts of an S3 event record this function reads. */
export interface S3UploadRecord {
  eventName: string;
  s3: { bucket: { name: string }; object: { key: string; size?: number; sequencer: string } };
}

export interface VerdictWriter {
  /** Writes the verdict unless one from a later (or the same) event is there; false when it was not written. */
  put(item: UploadVerdictItem): Promise<boolean>;
}

export function dynamoVerdictWriter(): VerdictWriter {
  const db = dynamo();
  const TableName = config().tableName;
  return {
    async put(item) {
      try {
        await db.send(
          new PutCommand({
            TableName,
            Item: item,
            ConditionExpression: 'attribute_not_exists(pk) OR #sequencer < :sequencer',
            ExpressionAttributeNames: { '#sequencer': 'sequencer' },
            ExpressionAttributeValues: { ':sequencer': item.sequencer },
          }),
        );
        return true;
      } catch (error) {
        if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },
  };
}

/**
 * For each ObjectCreated record under `materials/<user>/`: inspect the object once and record its
 * verdict. An object already gone gets none (submission then inspects, and finds it missing).
 * Logs carry counts only, never keys (they name the user).
 */
export function uploadInspection(deps: { inspector: MaterialInspector; verdicts: VerdictWriter; ttlDays: number; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return {
    async handle(records: S3UploadRecord[]): Promise<{ written: number; skipped: number; stale: number }> {
      const tally = { written: 0, skipped: 0, stale: 0 };
      await Promise.all(
        records.map(async (record) => {
          const objectKey = decodeEventKey(record.s3.object.key);
          const owner = ownerOfKey(objectKey);
          if (!record.eventName.startsWith('ObjectCreated:') || !owner || !record.s3.object.sequencer) {
            tally.skipped += 1;
            return;
          }
          const found = await deps.inspector.inspect(objectKey);
          if (!found) {
            tally.skipped += 1;
            return;
          }
          const item = verdictItem({
            objectKey,
            owner,
            size: found.size,
            head: found.head,
            content: found.content,
            sequencer: record.s3.object.sequencer,
            now: now(),
            ttlDays: deps.ttlDays,
          });
          if (await deps.verdicts.put(item)) tally.written += 1;
          else tally.stale += 1;
        }),
      );
      logger.info('upload verdicts', { records: records.length, ...tally });
      return tally;
    },
  };
}

/**
 * A verdict written before whole files were checked: a PDF/JPG/PNG within the size limit, but no
 * content finding. Its file is inspected again, so nothing recorded then passes unchecked now.
 */
const recordedBeforeContentChecks = (verdict: UploadVerdictItem) =>
  verdict.content === undefined && verdict.contentType !== undefined && verdict.size > 0 && verdict.size <= MAX_MATERIAL_BYTES;

/** A verdict row as submission believes it: none for one recorded before whole files were checked. */
export function verdictOfRow(row: UploadVerdictItem): UploadVerdict | undefined {
  return recordedBeforeContentChecks(row) ? undefined : { owner: row.owner, size: row.size, contentType: row.contentType, content: row.content };
}

/**
 * The ConditionCheck that proves a file in the transaction that records it: its verdict says accepted
 * (the whole file sound), this uploader, this size and type. A row recorded before whole files were
 * checked has no finding and fails it, as does a missing row. On failure the row comes back as it is.
 */
export function uploadProofCheck(tableName: string, proof: UploadProof) {
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: uploadVerdictKey(proof.key),
      ConditionExpression: '#owner = :owner AND #size = :size AND #type = :type AND #content = :sound',
      ExpressionAttributeNames: { '#owner': 'owner', '#size': 'size', '#type': 'contentType', '#content': 'content' },
      ExpressionAttributeValues: { ':owner': proof.owner, ':size': proof.size, ':type': proof.contentType, ':sound': 'sound' satisfies ContentFinding },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
    },
  };
}

/**
 * The proofs a cancelled transaction refuted, from its reasons for the proofs' own items (in the order
 * the proofs were sent), each with its verdict as the failed check returned it (undefined: no row, or
 * one not to be believed).
 */
export function refutedProofs(reasons: CancellationReason[], proofs: UploadProof[]): Map<string, UploadVerdict | undefined> {
  const refuted = new Map<string, UploadVerdict | undefined>();
  proofs.forEach((proof, index) => {
    const reason = reasons[index];
    if (reason?.Code !== 'ConditionalCheckFailed') return;
    refuted.set(proof.key, reason.Item ? verdictOfRow(unmarshall(reason.Item) as UploadVerdictItem) : undefined);
  });
  return refuted;
}

/**
 * Reads verdicts in BatchGetItem chunks of 100; keys without one (or left unprocessed) are absent.
 * Eventually consistent (half the read units): a verdict not visible yet only sends that file to the
 * direct inspection, never past a check.
 */
export function dynamoUploadVerdicts(): UploadVerdicts {
  const db = dynamo();
  const TableName = config().tableName;
  return {
    async read(objectKeys) {
      const found = new Map<string, UploadVerdict>();
      const chunks: Record<string, unknown>[][] = [];
      const unique = [...new Set(objectKeys)];
      for (let i = 0; i < unique.length; i += 100) chunks.push(unique.slice(i, i + 100).map(uploadVerdictKey));
      await Promise.all(
        chunks.map(async (chunk) => {
          let keys: Record<string, unknown>[] | undefined = chunk;
          for (let attempt = 0; keys?.length && attempt < 3; attempt += 1) {
            const result: BatchGetCommandOutput = await db.send(new BatchGetCommand({ RequestItems: { [TableName]: { Keys: keys } } }));
            for (const item of result.Responses?.[TableName] ?? []) {
              const verdict = verdictOfRow(item as UploadVerdictItem);
              if (verdict) found.set((item as UploadVerdictItem).pk.slice('UPLOAD#'.length), verdict);
            }
            keys = result.UnprocessedKeys?.[TableName]?.Keys;
          }
        }),
      );
      return found;
    },
  };
}
