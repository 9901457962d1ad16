import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { config } from './config';
import { sequenceOrder, toLambdaStreamRecord, type StreamBatch } from './stream-records';

/*
 * Reading a range of a table's stream back, for the records a failed batch names. The DynamoDB Streams
 * client is loaded on first use (only the dead-letter consumer reads a stream itself), so no other
 * function loads it, at cold start or ever.
 */

/** What a range of the stream holds now: its records, or nothing because they have left the stream. */
export type StreamRangeRead = { kind: 'read'; records: DynamoDBRecord[] } | { kind: 'expired'; reason: string };

/**
 * Errors that mean the range can no longer be read: records older than the stream's 24 hours
 * (TrimmedDataAccessException), or a shard or stream that is gone (ResourceNotFoundException: the
 * table's stream was replaced, or the shard was deleted after its records expired).
 */
const GONE = new Set(['TrimmedDataAccessException', 'ResourceNotFoundException']);
/** Records per GetRecords call (the API's maximum). */
const PAGE_SIZE = 1000;
/**
 * GetRecords calls before a range counts as unreadable for now. A batch spans seconds of the table's
 * writes; an open shard may also answer with empty pages before its newer records.
 */
const MAX_PAGES = 100;

let sdkLoading: Promise<typeof import('@aws-sdk/client-dynamodb-streams')> | undefined;
let shared: DynamoDBStreamsClient | undefined;

/** The SDK module, imported on first use; the function's own client on the configured endpoint. */
async function streamsClient(given?: DynamoDBStreamsClient) {
  if (!sdkLoading) {
    sdkLoading = import('@aws-sdk/client-dynamodb-streams');
    sdkLoading.catch(() => (sdkLoading = undefined));
  }
  const streams = await sdkLoading;
  if (given) return { streams, client: given };
  const { dynamodbEndpoint } = config();
  shared ??= new streams.DynamoDBStreamsClient(dynamodbEndpoint ? { endpoint: dynamodbEndpoint } : {});
  return { streams, client: shared };
}

/** The shard's records from the first to the last sequence number of the batch, both included. */
export async function readStreamRange(batch: StreamBatch, options: { client?: DynamoDBStreamsClient; pageSize?: number } = {}): Promise<StreamRangeRead> {
  const { streams: sdk, client } = await streamsClient(options.client);
  let iterator: string | undefined;
  try {
    const started = await client.send(
      new sdk.GetShardIteratorCommand({ StreamArn: batch.streamArn, ShardId: batch.shardId, ShardIteratorType: 'AT_SEQUENCE_NUMBER', SequenceNumber: batch.startSequenceNumber }),
    );
    iterator = started.ShardIterator;
  } catch (error) {
    if (GONE.has((error as Error).name)) return { kind: 'expired', reason: `${(error as Error).name}: ${(error as Error).message}` };
    throw error;
  }
  const records: DynamoDBRecord[] = [];
  for (let page = 0; iterator && page < MAX_PAGES; page += 1) {
    const { Records = [], NextShardIterator } = await client.send(new sdk.GetRecordsCommand({ ShardIterator: iterator, Limit: options.pageSize ?? PAGE_SIZE }));
    for (const record of Records) {
      const sequence = record.dynamodb?.SequenceNumber ?? '0';
      if (sequenceOrder(sequence, batch.endSequenceNumber) > 0) return { kind: 'read', records };
      records.push(toLambdaStreamRecord(record, batch.streamArn));
      if (sequence === batch.endSequenceNumber) return { kind: 'read', records };
    }
    // A closed shard that ends before the range does: everything there is to read was read.
    if (!NextShardIterator) return { kind: 'read', records };
    iterator = NextShardIterator;
  }
  throw new Error(`stream range ${batch.startSequenceNumber}…${batch.endSequenceNumber} of ${batch.shardId} not read to its end in ${MAX_PAGES} pages`);
}
