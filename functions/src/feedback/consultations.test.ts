import type { StaffPermission } from '@ah-tourism/shared';
import type { UserRecord } from '../auth/store';
import { AppError } from '../platform/errors';
import { channelFor, feedbackNumber, newestFirst } from './common';
import { consultationIndexKeys, consultationView, queuePrefix, type ConsultationRecord } from './consultations';

const ORG = '113410000039113649';
const record = (overrides: Partial<ConsultationRecord> = {}): ConsultationRecord => ({
  consultationId: 'ZX20261127341000ABCDEFGH',
  implementationCode: 'I',
  itemName: '旅行社业务经营许可',
  organisationCode: ORG,
  organisationName: '黄山市文化和旅游局',
  question: '要多久？',
  askerName: '张*',
  sealedAsker: { v: 1, key: '', iv: '', tag: '', data: '' },
  askerUserId: 'u_1',
  channel: 'miniapp',
  status: 'open',
  askedAt: '2026-11-27T02:00:00.000Z',
  dueAt: '2026-12-02T16:00:00.000Z',
  version: 1,
  ...overrides,
});

const user = (permissions?: StaffPermission[]): UserRecord => ({
  userId: 'u_1',
  displayName: '张三',
  openid: 'o',
  createdAt: '2026-01-01T00:00:00.000Z',
  ...(permissions ? { staff: { staffId: 's', organisationCode: ORG, organisationName: '黄山市文化和旅游局', regionCode: '341000', level: 'city' as const, permissions } } : {}),
});

describe('who may record feedback for someone else', () => {
  it('is the mini-program for a person asking for themselves', () => {
    expect(channelFor(user(), undefined)).toBe('miniapp');
  });

  it('is the hall or the hotline, only for staff holding that channel’s permission', () => {
    expect(channelFor(user(['hotline_12301']), { channel: 'hotline_12301', name: '王五' })).toBe('hotline_12301');
    expect(channelFor(user(['hall_window']), { channel: 'hall_window', name: '王五' })).toBe('hall_window');
    for (const [who, channel] of [
      [user(), 'hotline_12301'],
      [user(['hall_window']), 'hotline_12301'],
      [user(['pre_review', 'org_admin']), 'hall_window'],
    ] as const) {
      expect(() => channelFor(who, { channel, name: '王五' })).toThrow(expect.objectContaining({ code: 'AUTH_FORBIDDEN' }) as AppError);
    }
  });
});

describe('the consultation queue keys', () => {
  it('puts open consultations first, soonest due first, and answered ones after, latest first', () => {
    const soon = consultationIndexKeys(record({ consultationId: 'ZX1', dueAt: '2026-12-01T16:00:00.000Z' })).gsi2sk;
    const later = consultationIndexKeys(record({ consultationId: 'ZX2', dueAt: '2026-12-03T16:00:00.000Z' })).gsi2sk;
    const answeredEarly = consultationIndexKeys(record({ consultationId: 'ZX3', status: 'answered', answeredAt: '2026-11-28T01:00:00.000Z' })).gsi2sk;
    const answeredLate = consultationIndexKeys(record({ consultationId: 'ZX4', status: 'answered', answeredAt: '2026-11-29T01:00:00.000Z' })).gsi2sk;
    expect([answeredEarly, later, answeredLate, soon].sort()).toEqual([soon, later, answeredLate, answeredEarly]);
    expect(soon.startsWith(queuePrefix('open'))).toBe(true);
    expect(answeredLate.startsWith(queuePrefix('answered'))).toBe(true);
  });

  it('lists it for the asker’s account, and for nobody when staff recorded it for a caller', () => {
    expect(consultationIndexKeys(record())).toMatchObject({ gsi1pk: 'USER#u_1', gsi1sk: 'CONSULT#2026-11-27T02:00:00.000Z#ZX20261127341000ABCDEFGH', gsi2pk: `CONSULTS#${ORG}` });
    const { askerUserId: _, ...forCaller } = record({ channel: 'hotline_12301', recordedBy: 'u_op' });
    expect(consultationIndexKeys(forCaller)).not.toHaveProperty('gsi1pk');
  });

  it('sorts later times first with newestFirst', () => {
    expect(newestFirst('2026-11-29T00:00:00.000Z') < newestFirst('2026-11-28T00:00:00.000Z')).toBe(true);
    expect(newestFirst('2026-11-29T00:00:00.000Z')).toHaveLength(13);
  });
});

describe('the consultation as people see it', () => {
  it('is overdue only while open past its deadline', () => {
    expect(consultationView(record(), new Date('2026-12-02T15:59:00.000Z')).overdue).toBe(false);
    expect(consultationView(record(), new Date('2026-12-02T16:01:00.000Z')).overdue).toBe(true);
    const answered = consultationView(record({ status: 'answered', answer: '5个工作日', answeredAt: '2026-12-03T01:00:00.000Z', answeredBy: '周窗口' }), new Date('2026-12-05T00:00:00.000Z'));
    expect(answered).toMatchObject({ overdue: false, statusLabel: '已答复', answer: '5个工作日', inFaq: false });
    expect(consultationView(record({ faqPublishedAt: '2026-12-03T02:00:00.000Z' }), new Date()).inFaq).toBe(true);
  });

  it('never carries the sealed person or the account ids', () => {
    const view = consultationView(record({ recordedBy: 'u_op' }), new Date());
    expect(view).not.toHaveProperty('sealedAsker');
    expect(view).not.toHaveProperty('askerUserId');
    expect(JSON.stringify(view)).not.toMatch(/u_1|u_op/);
    expect(view.channelLabel).toBe('微信小程序');
  });
});

describe('feedback numbers', () => {
  it('are a prefix, the China-time day, the region and 8 random characters', () => {
    expect(feedbackNumber('ZX', '2026-11-27T17:00:00.000Z', '341000')).toMatch(/^ZX20261128341000[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(feedbackNumber('TS', '2026-11-27T02:00:00.000Z', '340000')).toMatch(/^TS20261127340000[0-9A-Z]{8}$/);
  });
});
