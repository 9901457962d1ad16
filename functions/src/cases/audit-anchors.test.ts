import type { DynamoDBRecord } from 'aws-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Anchor } from './audit';
import { anchorBatch, anchorKey, anchorOf, type AnchorWriter } from './audit-anchors';

const entry = (seq: number) => ({ version: 2, seq, at: '2026-03-02T01:00:00.000Z', actorId: 'a', actorRole: 'r', action: 'accept', from: null, to: 'accepted', payloadHash: 'p', prevHash: 'q', hash: `h${seq}` });

function record(eventName: string, item: Record<string, unknown>, sequence = '100'): DynamoDBRecord {
  return {
    eventName: eventName as DynamoDBRecord['eventName'],
    dynamodb: { Keys: marshall({ pk: item.pk, sk: item.sk }) as never, NewImage: marshall(item, { removeUndefinedValues: true }) as never, SequenceNumber: sequence, ApproximateCreationDateTime: 1772413200 },
  };
}

const stepRow = (caseNumber: string, seq: number) => ({ pk: `CASE#${caseNumber}`, sk: `AUDIT#${String(seq).padStart(6, '0')}`, entity: 'CaseStep', step: { entry: entry(seq), event: { action: 'accept' } } });
const formRow = (caseNumber: string) => ({ pk: `CASE#${caseNumber}`, sk: 'FORM', entity: 'CaseForm', application: { fields: {}, submitted: { at: '2026-03-02T01:00:00.000Z', action: 'submit' }, auditHash: 'h1' } });

describe('what the anchoring function anchors', () => {
  it('a new step row, and the new application row with the submission (entry 1)', () => {
    expect(anchorOf(record('INSERT', stepRow('2026030234100000ABCDEFGH', 3)))).toEqual({
      caseNumber: '2026030234100000ABCDEFGH',
      seq: 3,
      hash: 'h3',
      at: '2026-03-02T01:00:00.000Z',
      writtenAt: '2026-03-02T01:00:00.000Z',
    });
    expect(anchorOf(record('INSERT', formRow('2026030234100000ABCDEFGH')))).toMatchObject({ seq: 1, hash: 'h1' });
    expect(anchorKey('2026030234100000ABCDEFGH', 3)).toBe('anchors/2026030234100000ABCDEFGH/000003.json');
  });

  it('nothing else: a replaced row, a form without an entry (older cases), other rows, a forged case number', () => {
    expect(anchorOf(record('MODIFY', stepRow('C0000001', 3)))).toBeUndefined();
    expect(anchorOf(record('INSERT', { pk: 'CASE#C0000001', sk: 'FORM', entity: 'CaseForm', application: { fields: {}, submitted: { at: '2026-03-02T01:00:00.000Z' } } }))).toBeUndefined();
    expect(anchorOf(record('INSERT', { pk: 'CASE#C0000001', sk: 'OUTBOX#1', entity: 'Outbox', kind: 'outbox' }))).toBeUndefined();
    expect(anchorOf(record('INSERT', stepRow('../../x', 3)))).toBeUndefined();
  });
});

describe('a batch of stream records', () => {
  let logs: string[];
  beforeEach(() => {
    logs = [];
    // The logger (Powertools) writes JSON lines to stdout and stderr.
    const keep = (chunk: unknown) => {
      for (const line of String(chunk).split('\n')) if (line.trim().startsWith('{')) logs.push(line);
      return true;
    };
    jest.spyOn(process.stdout, 'write').mockImplementation(keep as never);
    jest.spyOn(process.stderr, 'write').mockImplementation(keep as never);
  });
  afterEach(() => jest.restoreAllMocks());

  const writer = (answer: (anchor: Anchor) => Promise<'written' | 'exists'>) => {
    const seen: Anchor[] = [];
    const put: AnchorWriter['put'] = async (anchor) => {
      seen.push(anchor);
      return answer(anchor);
    };
    return { seen, writer: { put } };
  };

  it('anchors every entry; one anchored before stays as it was and is no failure', async () => {
    const { seen, writer: w } = writer(async (anchor) => (anchor.seq === 2 ? 'exists' : 'written'));
    const records = [record('INSERT', formRow('C0000001'), '1'), record('INSERT', stepRow('C0000001', 2), '2'), record('MODIFY', formRow('C0000001'), '3')];
    expect(await anchorBatch(records, w)).toEqual({ batchItemFailures: [] });
    expect(seen.map((a) => a.seq).sort()).toEqual([1, 2]);
    expect(logs.map((line) => JSON.parse(line))).toEqual([expect.objectContaining({ message: 'audit entry already anchored; the first anchor stays', detail: { caseNumber: 'C0000001', seq: 2 } })]);
  });

  it('reports the earliest record that could not be anchored, so the stream retries from there', async () => {
    const { writer: w } = writer(async (anchor) => {
      if (anchor.seq >= 3) throw new Error('S3 unavailable');
      return 'written';
    });
    const records = [2, 3, 4].map((seq) => record('INSERT', stepRow('C0000001', seq), String(seq * 10)));
    expect(await anchorBatch(records, w)).toEqual({ batchItemFailures: [{ itemIdentifier: '30' }] });
    expect(logs.map((line) => JSON.parse(line).message)).toEqual(['anchoring failed; the stream will retry']);
  });
});
