import { randomBytes } from 'node:crypto';
import { configuredKeyProvider, seal } from '../platform/crypto';
import type { ComplaintRecord, StoredComplaint } from './complaint-records';
import { complaintRecord } from './complaint-fixture';
import { complaintDetail, narrativeOf, readsInFull } from './complaint-view';

const keys = configuredKeyProvider(randomBytes(32).toString('base64'));
const NOW = new Date('2026-11-28T00:00:00.000Z');
const account = '导游拿走了我的身份证34010219900101123X，让我打13912345678';
const request = '退款，联系 139-1234-5678';

// No plain narrative: the view reads the sealed one.
const { account: _plainAccount, request: _plainRequest, ...sealedOnly } = complaintRecord({ ownerUserId: 'u_owner' });
const record = (overrides: Partial<ComplaintRecord> = {}): ComplaintRecord => ({ ...sealedOnly, ...overrides });
const stored = (r: ComplaintRecord): StoredComplaint => ({
  record: r,
  events: [{ at: r.submittedAt, seq: 0, action: 'accept', from: 'received', to: 'accepted', label: '投诉已受理', note: '已联系13912345678', organisationName: r.organisationName, actorId: 's' }],
});

describe('a complaint’s narrative', () => {
  it('is unsealed, or read from the plain fields of a complaint filed before narratives were sealed', async () => {
    expect(await narrativeOf(keys, record({ sealedNarrative: await seal(keys, { account, request }) }))).toEqual({ account, request });
    expect(await narrativeOf(keys, record({ account, request }))).toEqual({ account, request });
  });

  it('is read in full by the handling staff, the complainant and the operator who filed it, and by nobody else', () => {
    const filedByHotline = record({ ownerUserId: undefined, recordedBy: 'u_operator' });
    expect(readsInFull(record(), { userId: 'u_staff', handler: true })).toBe(true);
    expect(readsInFull(record(), { userId: 'u_owner', handler: false })).toBe(true);
    expect(readsInFull(filedByHotline, { userId: 'u_operator', handler: false })).toBe(true);
    expect(readsInFull(record(), { userId: 'u_province', handler: false })).toBe(false);
    expect(readsInFull(filedByHotline, { userId: 'u_owner', handler: false })).toBe(false);
  });

  it('shows everyone else the narrative and the history notes with identity and mobile numbers masked', async () => {
    for (const r of [record({ sealedNarrative: await seal(keys, { account, request }) }), record({ account, request })]) {
      const supervised = await complaintDetail(keys, stored(r), { userId: 'u_province', handler: false }, NOW);
      expect(supervised.account).toBe('导游拿走了我的身份证3401**********123X，让我打139****5678');
      expect(supervised.request).toBe('退款，联系 139****5678');
      expect(supervised.history[0]!.note).toBe('已联系139****5678');
      expect(supervised.actions).toEqual([]);
      const own = await complaintDetail(keys, stored(r), { userId: 'u_owner', handler: false }, NOW);
      expect([own.account, own.request, own.history[0]!.note]).toEqual([account, request, '已联系13912345678']);
    }
  });
});
