import { randomBytes } from 'node:crypto';
import { configuredKeyProvider, seal } from '../platform/crypto';
import { complaintRecord } from './complaint-fixture';
import { subjectOf } from './complaint-subject';
import type { ComplaintRecord } from './complaint-records';

const keys = configuredKeyProvider(randomBytes(32).toString('base64'));

async function record(overrides: Partial<ComplaintRecord> = {}, contact: { name: string; mobile?: string } = { name: '张三', mobile: '13955912345' }): Promise<ComplaintRecord> {
  const { dueAt: _open, ...closed } = complaintRecord({ status: 'closed', version: 5, implementationCode: '2000127000334100011341000003911364' });
  return { ...closed, sealedContact: await seal(keys, contact), hasContactMobile: contact.mobile !== undefined, ...overrides };
}

describe('a complaint as the subject of an evaluation', () => {
  it('is evaluable once closed, by the account that filed it, with the mobile for the call back', async () => {
    const subject = subjectOf(await record(), () => keys);
    expect(subject).toMatchObject({
      kind: 'complaint',
      id: 'TS20261127341000ABCDEFGH',
      partition: 'COMPLAINT#TS20261127341000ABCDEFGH',
      organisationCode: '113410000039113649',
      organisationName: '黄山市文化和旅游局',
      itemName: '旅游投诉受理',
      ownerUserId: 'u_1',
      personName: '张*',
      evaluable: true,
    });
    expect(await subject.contact()).toEqual({ mobile: '13955912345' });
  });

  it('is not evaluable before it is closed, nor after a refusal', async () => {
    for (const status of ['received', 'accepted', 'mediating', 'refused'] as const) expect(subjectOf(await record({ status }), () => keys).evaluable).toBe(false);
  });

  it('has no owner when the hotline filed it, and no mobile when none was given', async () => {
    const subject = subjectOf(await record({ ownerUserId: undefined, channel: 'hotline_12301' }, { name: '李四' }), () => keys);
    expect(subject.ownerUserId).toBeUndefined();
    expect(await subject.contact()).toEqual({});
  });
});
