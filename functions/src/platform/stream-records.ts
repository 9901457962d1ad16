import type { AttributeValue as StreamsAttributeValue, _Record as StreamsRecord } from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import * as z from 'zod';

/*
 * Two AWS contracts of a DynamoDB stream's event source mapping, for a consumer of its on-failure
 * destination: the record Lambda sends to that destination when it gives up on a batch (it names the
 * batch, it does not carry it), and the shape Lambda hands stream records to a function in, which the
 * records read back from the stream are put into so they go through the same code.
 */

/** Where a batch the event source mapping gave up on lies: one shard, a range of sequence numbers. */
export interface StreamBatch {
  streamArn: string;
  shardId: string;
  startSequenceNumber: string;
  endSequenceNumber: string;
  batchSize: number;
  approximateArrivalOfFirstRecord: string;
  approximateArrivalOfLastRecord: string;
}

/** The on-failure destination's record for a DynamoDB stream (AWS Lambda developer guide, "services-dynamodb-errors"). */
const invocationRecord = z.object({
  requestContext: z.object({ condition: z.string().optional(), approximateInvokeCount: z.number().optional(), functionArn: z.string().optional() }).optional(),
  timestamp: z.string().optional(),
  DDBStreamBatchInfo: z.object({
    shardId: z.string().min(1),
    startSequenceNumber: z.string().regex(/^\d+$/),
    endSequenceNumber: z.string().regex(/^\d+$/),
    approximateArrivalOfFirstRecord: z.string(),
    approximateArrivalOfLastRecord: z.string(),
    batchSize: z.number().int().nonnegative(),
    streamArn: z.string().min(1),
  }),
});

export interface StreamBatchFailure {
  batch: StreamBatch;
  /** Why Lambda gave up, e.g. RetryAttemptsExhausted or RecordAgeExceeded. */
  condition?: string;
  /** When Lambda gave up. */
  timestamp?: string;
}

/** Reads an on-failure record (an SQS message body); throws when it is not one for a DynamoDB stream. */
export function parseStreamBatchFailure(body: string): StreamBatchFailure {
  const parsed = invocationRecord.parse(JSON.parse(body));
  return {
    batch: parsed.DDBStreamBatchInfo,
    ...(parsed.requestContext?.condition ? { condition: parsed.requestContext.condition } : {}),
    ...(parsed.timestamp ? { timestamp: parsed.timestamp } : {}),
  };
}

/** Sequence numbers are decimal strings of varying length: compared as numbers, never as text. */
export const sequenceOrder = (a: string, b: string): number => {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * An attribute value as Lambda's JSON event carries it: binary values (Uint8Array from the SDK) as
 * base64 text, nested maps and lists alike.
 */
function wireValue(value: StreamsAttributeValue): AttributeValue {
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BS !== undefined) return { BS: value.BS.map((b) => Buffer.from(b).toString('base64')) };
  if (value.M !== undefined) return { M: wireImage(value.M)! };
  if (value.L !== undefined) return { L: value.L.map(wireValue) };
  return value as AttributeValue;
}

function wireImage(image: Record<string, StreamsAttributeValue> | undefined): Record<string, AttributeValue> | undefined {
  return image && Object.fromEntries(Object.entries(image).map(([name, value]) => [name, wireValue(value)]));
}

/**
 * A record of GetRecords (as the DynamoDB Streams client returns it) in the shape Lambda's stream
 * event gives it to a function: creation time in epoch seconds, binary as base64, the stream's ARN.
 */
export function toLambdaStreamRecord(record: StreamsRecord, streamArn: string): DynamoDBRecord {
  const { ApproximateCreationDateTime: created, Keys, NewImage, OldImage, ...rest } = record.dynamodb ?? {};
  const dynamodb: NonNullable<DynamoDBRecord['dynamodb']> = {
    ...(created ? { ApproximateCreationDateTime: created.getTime() / 1000 } : {}),
    ...(Keys ? { Keys: wireImage(Keys) } : {}),
    ...(NewImage ? { NewImage: wireImage(NewImage) } : {}),
    ...(OldImage ? { OldImage: wireImage(OldImage) } : {}),
    ...(rest as Omit<NonNullable<DynamoDBRecord['dynamodb']>, 'Keys' | 'NewImage' | 'OldImage' | 'ApproximateCreationDateTime'>),
  };
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion,
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion,
    dynamodb,
    ...(record.userIdentity ? { userIdentity: record.userIdentity } : {}),
    eventSourceARN: streamArn,
  };
}
