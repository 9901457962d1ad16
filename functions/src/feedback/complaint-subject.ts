import { unseal, type KeyProvider } from '../platform/crypto';
import { dataKeys } from '../platform/keys';
import type { ComplaintRecord } from './complaint-records';
import { dynamoComplaintStore, type ComplaintStore } from './complaint-store';
import { complaintPartition } from './keys';
import type { FeedbackSubject } from './subject';

let store: ComplaintStore | undefined;

/** What the evaluation service needs to know of a complaint: evaluable once closed, by the account that filed it. */
export function subjectOf(record: ComplaintRecord, keys: () => KeyProvider = dataKeys): FeedbackSubject {
  return {
    kind: 'complaint',
    id: record.complaintNumber,
    partition: complaintPartition(record.complaintNumber),
    organisationCode: record.organisationCode,
    organisationName: record.organisationName,
    itemName: record.itemName,
    ...(record.implementationCode ? { implementationCode: record.implementationCode } : {}),
    ...(record.ownerUserId ? { ownerUserId: record.ownerUserId } : {}),
    personName: record.complainantName,
    async contact() {
      if (!record.hasContactMobile) return {};
      const { mobile } = await unseal<{ mobile?: string }>(keys(), record.sealedContact);
      return mobile ? { mobile } : {};
    },
    evaluable: record.status === 'closed',
    // Only the number the complainant left identifies them (the name is kept masked).
    async isPerson(claim) {
      if (!claim.mobile || !record.hasContactMobile) return false;
      return (await unseal<{ mobile?: string }>(keys(), record.sealedContact)).mobile === claim.mobile;
    },
  };
}

export async function complaintSubject(complaintNumber: string): Promise<FeedbackSubject | undefined> {
  store ??= dynamoComplaintStore();
  const stored = await store.get(complaintNumber);
  return stored ? subjectOf(stored.record) : undefined;
}
