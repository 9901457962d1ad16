import type { ImplementationItem } from '@ah-tourism/shared';
import { stepPayload, submissionLink, verifyChain } from '../cases/audit';
import type { Sealed } from '../platform/crypto';
import { importedCase, importedCaseNumber, importedCaseTransaction, importedSteps } from './case-rows';
import type { NationalRecord } from './rows';

const guide = {
  implementationCode: '01001170003341000113410000039113649',
  name: '旅行社业务经营许可',
  organisation: { creditCode: '113410000039113649', name: '黄山市文化和旅游局' },
  regionCode: '341000',
  version: 3,
} as ImplementationItem;
const national: NationalRecord = {
  row: 2,
  nationalCaseNumber: 'QG-2026-0001',
  itemCode: '0100117000',
  organisationCode: '113410000039113649',
  applicant: { kind: 'person', name: '程晓雨', idNumber: '341002199003071238', mobile: '13955912345' },
  appliedAt: '2026-11-02T01:00:00.000Z',
  acceptedAt: '2026-11-02T02:00:00.000Z',
  status: '已办结',
  finishedAt: '2026-11-10T08:00:00.000Z',
  result: 'approved',
  steps: [{ name: '现场核查', at: '2026-11-05T02:00:00.000Z' }],
};
const sealed = { v: 1, key: 'k', iv: 'i', tag: 't', data: 'd' } as unknown as Sealed;
const imported = { importId: 'I1', importedAt: '2026-12-01T00:00:00.000Z' };

describe('an imported case as written', () => {
  it('gets the same case number for the same national number (day of application, region, derived suffix)', () => {
    const first = importedCaseNumber('QG-2026-0001', national.appliedAt, '341000');
    expect(first).toMatch(/^20261102341000[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(importedCaseNumber('QG-2026-0001', national.appliedAt, '341000')).toBe(first);
    expect(importedCaseNumber('QG-2026-0002', national.appliedAt, '341000')).not.toBe(first);
  });

  it('follows the national status: acceptance, named steps, decision and 办结; 不予受理; 已撤回; still in progress', () => {
    expect(importedSteps(national).map((s) => [s.action, s.to ?? '-', s.opinion ?? '-'])).toEqual([
      ['accept', 'accepted', '-'],
      ['national_step', '-', '现场核查'],
      ['approve', 'approved', '-'],
      ['close', 'closed', '-'],
    ]);
    const notAccepted = { ...national, status: '不予受理' as const, result: undefined, steps: [] };
    delete notAccepted.acceptedAt;
    expect(importedSteps(notAccepted).map((s) => s.action)).toEqual(['not_accept', 'close']);
    expect(importedSteps({ ...national, status: '已撤回', steps: [] }).map((s) => s.action)).toEqual(['accept', 'withdraw']);
    const open = { ...national, status: '办理中' as const, steps: [] };
    delete open.finishedAt;
    expect(importedCase(open, guide, sealed, imported).record.status).toBe('accepted');
  });

  it('is a read-only record of channel 全国旅游监管服务平台 with a sound audit chain, listed under the organisation, owned by nobody', () => {
    const { record, application, steps } = importedCase(national, guide, sealed, imported);
    expect(record).toMatchObject({
      status: 'closed',
      channel: 'national_tourism_system',
      imported: { nationalCaseNumber: 'QG-2026-0001', importId: 'I1' },
      applicantDisplayName: '程**',
      submittedAt: national.appliedAt,
      guideVersion: 3,
      clock: {},
      submitterUserId: `national#${record.caseNumber}`,
    });
    // Only masked numbers outside the sealed applicant.
    expect(application.masked.idNumber).not.toContain('19900307');
    expect(application.masked.mobile).not.toContain('5591234');
    expect(steps.map((s) => [s.event.from, s.event.to])).toEqual([
      ['pre_review', 'accepted'],
      ['accepted', 'accepted'],
      ['accepted', 'approved'],
      ['approved', 'closed'],
    ]);
    const links = [submissionLink(record.caseNumber, { ...application, auditHash: application.auditHash! }), ...steps.map((s) => ({ entry: s.entry, payload: stepPayload(s) }))];
    expect(verifyChain(links, record.auditHead)).toEqual({ intact: true });

    const transaction = importedCaseTransaction('T', { record, application, steps }, 'I1');
    expect(transaction[0]!.Put).toMatchObject({ Item: { pk: 'NATIONAL#QG-2026-0001', sk: 'NATIONAL', caseNumber: record.caseNumber }, ConditionExpression: 'attribute_not_exists(pk)' });
    expect(transaction[1]!.Put.Item).toMatchObject({ gsi2pk: 'IMPORTED#113410000039113649', gsi2sk: `${national.appliedAt}#${record.caseNumber}` });
    expect(transaction).toHaveLength(3 + steps.length);
  });
});
