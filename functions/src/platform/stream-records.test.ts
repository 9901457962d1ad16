import type { _Record as StreamsRecord } from '@aws-sdk/client-dynamodb-streams';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { toLambdaRecord } from '../../../scripts/local/stream-poller';
import { parseStreamBatchFailure, sequenceOrder, toLambdaStreamRecord } from './stream-records';

/** The example of the AWS Lambda developer guide ("Retaining discarded records for a DynamoDB event source"). */
const DOCUMENTED = {
  requestContext: {
    requestId: '316aa6d0-8154-xmpl-9af7-85d5f4a6bc81',
    functionArn: 'arn:aws:lambda:us-east-2:123456789012:function:myfunction',
    condition: 'RetryAttemptsExhausted',
    approximateInvokeCount: 1,
  },
  responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
  version: '1.0',
  timestamp: '2019-11-14T00:13:49.717Z',
  DDBStreamBatchInfo: {
    shardId: 'shardId-00000001573689847184-864758bb',
    startSequenceNumber: '800000000003126276362',
    endSequenceNumber: '800000000003126276362',
    approximateArrivalOfFirstRecord: '2019-11-14T00:13:19Z',
    approximateArrivalOfLastRecord: '2019-11-14T00:13:19Z',
    batchSize: 1,
    streamArn: 'arn:aws:dynamodb:us-east-2:123456789012:table/mytable/stream/2019-11-14T00:04:06.388',
  },
};

describe('the on-failure record of a stream batch', () => {
  test('names the batch: shard, sequence range, size, stream', () => {
    expect(parseStreamBatchFailure(JSON.stringify(DOCUMENTED))).toEqual({
      batch: DOCUMENTED.DDBStreamBatchInfo,
      condition: 'RetryAttemptsExhausted',
      timestamp: '2019-11-14T00:13:49.717Z',
    });
  });

  test.each([
    ['not JSON', 'RetryAttemptsExhausted'],
    ['a Kinesis batch', JSON.stringify({ ...DOCUMENTED, DDBStreamBatchInfo: undefined, KinesisBatchInfo: DOCUMENTED.DDBStreamBatchInfo })],
    ['a sequence number that is not one', JSON.stringify({ ...DOCUMENTED, DDBStreamBatchInfo: { ...DOCUMENTED.DDBStreamBatchInfo, startSequenceNumber: '8e20' } })],
  ])('is refused when it is %s', (_what, body) => {
    expect(() => parseStreamBatchFailure(body)).toThrow();
  });

  test('sequence numbers compare as numbers, whatever their length', () => {
    expect(sequenceOrder('9', '10')).toBe(-1);
    expect(sequenceOrder('800000000003126276362', '800000000003126276362')).toBe(0);
    expect(sequenceOrder('000000000000000000012', '11')).toBe(1);
  });
});

describe('a record read back from the stream', () => {
  // One record as DynamoDB Streams sends it (JSON: times in epoch seconds, binary in base64) …
  const wire = {
    eventID: 'c81e728d9d4c2f636f067f89cc14862c',
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'cn-north-1',
    dynamodb: {
      ApproximateCreationDateTime: 1764000000,
      Keys: { pk: { S: 'CASE#1' }, sk: { S: 'OUTBOX#ev_1' } },
      NewImage: {
        pk: { S: 'CASE#1' },
        sk: { S: 'OUTBOX#ev_1' },
        kind: { S: 'outbox' },
        event: { M: { eventId: { S: 'ev_1' }, detail: { M: { note: { S: '补正' } } }, tags: { L: [{ S: 'a' }, { N: '2' }, { B: 'AAE=' }] } } },
        digest: { B: 'aGk=' },
        digests: { BS: ['aGk=', 'AA=='] },
        expiresAt: { N: '1764259200' },
        flag: { BOOL: true },
        none: { NULL: true },
      },
      SequenceNumber: '000000000000000000012',
      SizeBytes: 120,
      StreamViewType: 'NEW_IMAGE',
    },
  };
  // … and as the DynamoDB Streams client hands it over (Date, Uint8Array).
  const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));
  const fromClient = {
    ...wire,
    dynamodb: {
      ...wire.dynamodb,
      ApproximateCreationDateTime: new Date(1764000000 * 1000),
      NewImage: {
        ...wire.dynamodb.NewImage,
        event: { M: { eventId: { S: 'ev_1' }, detail: { M: { note: { S: '补正' } } }, tags: { L: [{ S: 'a' }, { N: '2' }, { B: bytes('AAE=') }] } } },
        digest: { B: bytes('aGk=') },
        digests: { BS: [bytes('aGk='), bytes('AA==')] },
      },
    },
  } as unknown as StreamsRecord;
  const STREAM = 'arn:aws:dynamodb:cn-north-1:123456789012:table/ah-tourism-prod-main/stream/2026-01-01T00:00:00.000';

  test('is given to the dispatcher in the shape of Lambda’s stream event, as the local poller gives it', () => {
    const converted = toLambdaStreamRecord(fromClient, STREAM);
    expect(converted).toEqual(toLambdaRecord(wire, STREAM, 'cn-north-1'));
    expect(converted).toMatchObject({ eventSource: 'aws:dynamodb', eventSourceARN: STREAM, dynamodb: { ApproximateCreationDateTime: 1764000000, SequenceNumber: '000000000000000000012' } });
  });

  test('unmarshalls to the item that was written', () => {
    const item = unmarshall(toLambdaStreamRecord(fromClient, STREAM).dynamodb!.NewImage as never);
    expect(item).toMatchObject({ pk: 'CASE#1', kind: 'outbox', event: { eventId: 'ev_1', detail: { note: '补正' } }, expiresAt: 1764259200, flag: true, none: null });
  });
});
