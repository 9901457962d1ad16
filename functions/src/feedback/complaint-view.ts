import { COMPLAINT_BUSINESS_KINDS, COMPLAINT_OUTCOMES, COMPLAINT_STATUSES, complaintActions, maskPersonalNumbers, type ComplaintDetail } from '@ah-tourism/shared';
import { evaluationState } from '../cases/feedback-records';
import { unseal, type KeyProvider } from '../platform/crypto';
import { complaintSummary, type ComplaintRecord, type StoredComplaint } from './complaint-records';

/** 投诉事由 and 投诉请求 as the complainant wrote them. */
export interface Narrative {
  account: string;
  request: string;
}

/** Who reads a complaint: the staff handling it may act and see everything, as may whoever filed it. */
export interface ComplaintReader {
  userId: string;
  /** Staff of the organisation handling it now. */
  handler: boolean;
}

/** The narrative: unsealed, or on a complaint filed before narratives were sealed, the plain fields. */
export async function narrativeOf(keys: KeyProvider, record: ComplaintRecord): Promise<Narrative> {
  if (record.sealedNarrative) return unseal<Narrative>(keys, record.sealedNarrative);
  return { account: record.account ?? '', request: record.request ?? '' };
}

/** The complainant (online), the operator who filed it for a caller, or the handling staff. */
export const readsInFull = (record: ComplaintRecord, reader: ComplaintReader) =>
  reader.handler || (record.ownerUserId !== undefined && record.ownerUserId === reader.userId) || (record.recordedBy !== undefined && record.recordedBy === reader.userId);

/**
 * A complaint as one reader sees it. The handling staff see the complainant's mobile and may act; everyone
 * else who may open it (provincial supervision, the bureau it was transferred away from) reads the narrative
 * and the history notes with identity and mobile numbers masked. `known` is the narrative when the caller
 * has it already (just filed), so it is not unsealed again.
 */
export async function complaintDetail(keys: KeyProvider, stored: StoredComplaint, reader: ComplaintReader, now: Date, known?: Narrative): Promise<ComplaintDetail> {
  const { record } = stored;
  const full = readsInFull(record, reader);
  const [narrative, contact] = await Promise.all([
    known ?? narrativeOf(keys, record),
    reader.handler && record.hasContactMobile ? unseal<{ mobile?: string }>(keys, record.sealedContact) : undefined,
  ]);
  const shown = (text: string) => (full ? text : maskPersonalNumbers(text));
  const owner = record.ownerUserId !== undefined && record.ownerUserId === reader.userId;
  return {
    ...complaintSummary(record, now),
    business: { name: record.business.name, ...(record.business.creditCode ? { creditCode: record.business.creditCode } : {}), kind: record.business.kind, kindLabel: COMPLAINT_BUSINESS_KINDS[record.business.kind] },
    tripStart: record.tripStart,
    tripEnd: record.tripEnd,
    account: shown(narrative.account),
    ...(record.amount !== undefined ? { amount: record.amount } : {}),
    request: shown(narrative.request),
    statusHint: COMPLAINT_STATUSES[record.status].hint,
    ...(contact?.mobile ? { contactMobile: contact.mobile } : {}),
    history: [...stored.events]
      .sort((a, b) => (a.at === b.at ? a.seq - b.seq : a.at.localeCompare(b.at)))
      .map((event) => ({ at: event.at, label: event.label, ...(event.note ? { note: shown(event.note) } : {}), organisationName: event.organisationName })),
    ...(record.outcome ? { outcome: record.outcome, outcomeLabel: COMPLAINT_OUTCOMES[record.outcome] } : {}),
    actions: reader.handler ? complaintActions(record.status) : [],
    evaluation: evaluationState({ evaluable: record.status === 'closed', ...(owner ? { ownerUserId: reader.userId } : {}) }, reader.userId, stored.evaluation, stored.rectification),
  };
}
