import { COMPLAINT_ACTION_KEYS, complaintActionRequestSchema, type ComplaintActionRequest } from '@ah-tourism/shared';
import { complaintRecord } from './complaint-fixture';
import { actionIssues, actionNote, complaintIndexKeys, complaintStatusPrefix, complaintSummary, routingRegion, type ComplaintRecord } from './complaint-records';

const ORG = '113410000039113649';
const record = complaintRecord;
const action = (body: Partial<ComplaintActionRequest> & { action: ComplaintActionRequest['action'] }) => complaintActionRequestSchema.parse({ version: 1, ...body });

describe('routing', () => {
  it('sends a county to its city and keeps the province and cities as they are', () => {
    expect(routingRegion('341021')).toBe('341000');
    expect(routingRegion('341000')).toBe('341000');
    expect(routingRegion('340000')).toBe('340000');
    expect(routingRegion('340104')).toBe('340100');
  });
});

describe('the organisation’s complaint queue keys', () => {
  it('groups by status: waiting ones first by deadline, then in progress oldest first, then finished latest first', () => {
    const key = (overrides: Partial<ComplaintRecord>) => complaintIndexKeys(record(overrides)).gsi2sk;
    const dueSoon = key({ complaintNumber: 'TS1', dueAt: '2026-12-01T16:00:00.000Z' });
    const dueLater = key({ complaintNumber: 'TS2', dueAt: '2026-12-04T16:00:00.000Z', submittedAt: '2026-11-01T00:00:00.000Z' });
    const accepted = key({ complaintNumber: 'TS3', status: 'accepted', dueAt: undefined });
    const mediating = key({ complaintNumber: 'TS4', status: 'mediating', dueAt: undefined });
    const closedEarly = key({ complaintNumber: 'TS5', status: 'closed', dueAt: undefined, finishedAt: '2026-11-20T00:00:00.000Z' });
    const closedLate = key({ complaintNumber: 'TS6', status: 'closed', dueAt: undefined, finishedAt: '2026-11-25T00:00:00.000Z' });
    expect([closedEarly, mediating, dueLater, closedLate, accepted, dueSoon].sort()).toEqual([dueSoon, dueLater, accepted, mediating, closedLate, closedEarly]);
    expect(dueSoon.startsWith(complaintStatusPrefix('received'))).toBe(true);
    expect(closedLate.startsWith(complaintStatusPrefix('closed'))).toBe(true);
    expect(complaintStatusPrefix('received')).not.toBe(complaintStatusPrefix('refused'));
  });

  it('lists it for the complainant’s account only when an account filed it', () => {
    expect(complaintIndexKeys(record())).toMatchObject({ gsi1pk: 'USER#u_1', gsi2pk: `COMPLAINTS#${ORG}` });
    expect(complaintIndexKeys(record({ ownerUserId: undefined, channel: 'hotline_12301' }))).not.toHaveProperty('gsi1pk');
  });
});

describe('what an action needs', () => {
  it('asks for a reason to refuse, a target and a reason to transfer, a record to mediate and an outcome to close', () => {
    expect(actionIssues(action({ action: 'accept' }))).toEqual([]);
    expect(actionIssues(action({ action: 'refuse' }))).toEqual([{ path: 'reason', message: '请填写不予受理的理由，理由将告知投诉人' }]);
    expect(actionIssues(action({ action: 'refuse', reason: '   ' })).map((i) => i.path)).toEqual(['reason']);
    expect(actionIssues(action({ action: 'transfer' })).map((i) => i.path)).toEqual(['targetOrganisationCode', 'reason']);
    expect(actionIssues(action({ action: 'mediate' })).map((i) => i.path)).toEqual(['note']);
    expect(actionIssues(action({ action: 'close' })).map((i) => i.path)).toEqual(['outcome']);
    expect(actionIssues(action({ action: 'close', outcome: 'handled' }))).toEqual([]);
    for (const key of COMPLAINT_ACTION_KEYS) for (const issue of actionIssues(action({ action: key }))) expect(issue.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('writes the history note in words the complainant reads', () => {
    expect(actionNote(action({ action: 'refuse', reason: '超过投诉时限' }))).toBe('超过投诉时限');
    expect(actionNote(action({ action: 'transfer', reason: '合同在合肥签订' }), '合肥市文化和旅游局')).toBe('转至合肥市文化和旅游局办理；理由：合同在合肥签订');
    expect(actionNote(action({ action: 'close', outcome: 'settled', refundAmount: 500, note: '达成协议' }))).toBe('处理结果：调解成功；退赔金额：500元；达成协议');
    expect(actionNote(action({ action: 'close', outcome: 'withdrawn_by_complainant' }))).toBe('处理结果：投诉人撤回');
    expect(actionNote(action({ action: 'accept' }))).toBeUndefined();
  });
});

describe('the complaint summary', () => {
  it('shows the acceptance deadline, and overdue, only while the complaint waits for acceptance', () => {
    expect(complaintSummary(record(), new Date('2026-12-04T15:00:00.000Z'))).toMatchObject({ dueAt: '2026-12-04T16:00:00.000Z', overdue: false, statusLabel: '待受理', channelLabel: '微信小程序' });
    expect(complaintSummary(record(), new Date('2026-12-05T00:00:00.000Z')).overdue).toBe(true);
    const accepted = complaintSummary(record({ status: 'accepted', dueAt: undefined }), new Date('2026-12-05T00:00:00.000Z'));
    expect(accepted.overdue).toBe(false);
    expect(accepted).not.toHaveProperty('dueAt');
  });
});
