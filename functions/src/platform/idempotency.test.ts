import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { claimOutcome, idempotencyClaim, idempotentRequest, requestHash } from './idempotency';

const cancelled = (...codes: string[]) => new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });

describe('idempotency keys', () => {
  it('accepts 16–64 letters, digits, - and _, and refuses anything else with the operation’s own code', () => {
    expect(idempotentRequest('u_1', '0123456789abcdef', 'complaint', {}).key).toBe('0123456789abcdef');
    expect(idempotentRequest('u_1', 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d', 'complaint', {}).operation).toBe('complaint');
    for (const key of [undefined, '', 'short', 'x'.repeat(65), 'has space 0123456789', '钥匙钥匙钥匙钥匙钥匙钥匙钥匙钥匙']) {
      expect(() => idempotentRequest('u_1', key, 'complaint', {})).toThrow(expect.objectContaining({ code: 'COMMON_IDEMPOTENCY_KEY_REQUIRED', status: 400 }));
    }
    const codes = { required: 'APPLY_IDEMPOTENCY_KEY_REQUIRED', reused: 'APPLY_IDEMPOTENCY_KEY_REUSED', inProgress: 'APPLY_SUBMISSION_IN_PROGRESS' } as const;
    expect(() => idempotentRequest('u_1', undefined, 'case_submission', {}, codes)).toThrow(expect.objectContaining({ code: 'APPLY_IDEMPOTENCY_KEY_REQUIRED' }));
  });

  it('hashes a request the same whatever the order of its keys, and differently when anything differs', () => {
    expect(requestHash({ a: 1, b: { c: [1, 2], d: '黄山' } })).toBe(requestHash({ b: { d: '黄山', c: [1, 2] }, a: 1 }));
    expect(requestHash({ caseNumber: 'A', body: { level: 'satisfied' } })).not.toBe(requestHash({ caseNumber: 'B', body: { level: 'satisfied' } }));
    expect(requestHash({ c: [1, 2] })).not.toBe(requestHash({ c: [2, 1] }));
  });

  it('claims the key under the caller, only where none exists, with what was made and an expiry', () => {
    const request = idempotentRequest('u_1', '0123456789abcdef', 'complaint', { x: 1 });
    const claim = idempotencyClaim('main', request, { complaintNumber: 'TS1' }, new Date('2026-05-01T00:00:00.000Z'), 3600);
    expect(claim.Put).toEqual({
      TableName: 'main',
      Item: { pk: 'USER#u_1', sk: 'IDEMPOTENCY#0123456789abcdef', entity: 'Idempotency', operation: 'complaint', requestHash: request.requestHash, result: { complaintNumber: 'TS1' }, expiresAt: 1777597200 },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('reads a cancelled transaction: the claim failed (a retry), another transaction held the rows, or something else', () => {
    expect(claimOutcome(cancelled('None', 'None', 'ConditionalCheckFailed'), 2)).toBe('key_taken');
    expect(claimOutcome(cancelled('TransactionConflict', 'None', 'None'), 2)).toBe('conflict');
    expect(claimOutcome(cancelled('ConditionalCheckFailed', 'None', 'None'), 2)).toBeUndefined();
    expect(claimOutcome(new Error('network'), 2)).toBeUndefined();
  });
});
