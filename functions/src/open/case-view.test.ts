import type { StoredCase } from '../cases/records';
import { openCaseView } from './case-view';

const stored = {
  record: {
    caseNumber: '20261205341000ABCDEFGH',
    status: 'accepted',
    implementationCode: '01001170003341000113410000039113649',
    itemName: '旅行社业务经营许可',
    organisationName: '黄山市文化和旅游局',
    organisationCode: '113410000039113649',
    applicantDisplayName: '张*',
    submitterUserId: 'user-1',
    submittedAt: '2026-12-05T01:00:00.000Z',
    channel: 'portal',
    clock: { completion: { startedAt: '2026-12-05T02:00:00.000Z', dueAt: '2026-12-18T16:00:00.000Z' } },
  },
  application: { masked: { idNumber: '3410**********1234', mobile: '139****5678' } },
  events: [
    { seq: 0, at: '2026-12-05T01:00:00.000Z', action: 'submit', from: null, to: 'pre_review', by: 'applicant', actorId: 'user-1' },
    { seq: 1, at: '2026-12-05T02:00:00.000Z', action: 'accept', from: 'pre_review', to: 'accepted', by: 'staff', actorId: 'staff-9', actorName: '李四', opinion: '材料齐全，联系电话13900000000' },
  ],
} as unknown as StoredCase;

describe('openCaseView', () => {
  it('shows status, item, organisation, channel, the promised date and the steps', () => {
    expect(openCaseView(stored)).toEqual({
      case_number: '20261205341000ABCDEFGH',
      task_code: '01001170003341000113410000039113649',
      task_name: '旅行社业务经营许可',
      dept_code: '113410000039113649',
      dept_name: '黄山市文化和旅游局',
      apply_channel: { code: 'portal', name: '政务服务网' },
      status: { code: 'accepted', name: expect.any(String) },
      finished: false,
      submitted_at: '2026-12-05T01:00:00.000Z',
      promised_date: '2026-12-18',
      steps: [
        { seq: 0, at: '2026-12-05T01:00:00.000Z', action: 'submit', name: expect.any(String), result: { code: 'pre_review', name: expect.any(String) } },
        { seq: 1, at: '2026-12-05T02:00:00.000Z', action: 'accept', name: expect.any(String), result: { code: 'accepted', name: expect.any(String) } },
      ],
    });
  });

  it('leaves out the applicant, the officers and their opinions', () => {
    const text = JSON.stringify(openCaseView(stored));
    for (const hidden of ['张*', 'user-1', '3410**', '139****', '李四', 'staff-9', '材料齐全', '13900000000']) expect(text).not.toContain(hidden);
  });
});
