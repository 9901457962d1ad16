import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { anchorBatch, s3AuditAnchors, type AnchorWriter } from '../audit-anchors';

let anchors: AnchorWriter | undefined;

/** The table's stream, new audit entries only: each entry's hash is anchored once in the write-once bucket. */
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  anchors ??= s3AuditAnchors();
  return anchorBatch(event.Records ?? [], anchors);
}
