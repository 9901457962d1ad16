import type { ComplaintRecord } from './complaint-records';

/**
 * Tests only: a complaint of 黄山市 as it is stored right after filing (received, no contact mobile),
 * with whatever a test changes.
 */
export const complaintRecord = (overrides: Partial<ComplaintRecord> = {}): ComplaintRecord => ({
  complaintNumber: 'TS20261127341000ABCDEFGH',
  status: 'received',
  version: 1,
  organisationCode: '113410000039113649',
  organisationName: '黄山市文化和旅游局',
  regionCode: '341000',
  itemName: '旅游投诉受理',
  business: { name: '黄山某旅行社', kind: 'travel_agency' },
  tripStart: '2026-11-01',
  tripEnd: '2026-11-03',
  account: '经过',
  request: '退款',
  complainantName: '张*',
  sealedContact: { v: 1, key: '', iv: '', tag: '', data: '' },
  hasContactMobile: false,
  channel: 'miniapp',
  ownerUserId: 'u_1',
  submittedAt: '2026-11-27T02:00:00.000Z',
  dueAt: '2026-12-04T16:00:00.000Z',
  ...overrides,
});
