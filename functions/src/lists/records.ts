import type { ImplementationItem, ListDraftStatus, ListReviewStep } from '@ah-tourism/shared';

/**
 * Key layout of list maintenance in the single table (README, "Access patterns"):
 *   ITEM#<implementation code> / LISTDRAFT   the entry's one open draft                       GetItem
 *     GSI1  LISTDRAFTS#<organisation> / <implementation code>   an organisation's drafts       Query
 *     GSI2  LISTREVIEW#<step>[#<organisation>] / <submittedAt>#<code>   drafts awaiting a step  Query
 *           (the organisation admin's step is per organisation, the provincial review is one queue)
 * Published versions are the catalog's own records (GUIDE, GUIDE#V<n>, SUMMARY: catalog/keys.ts); the
 * version record also carries who published it and who approved it.
 */
export const draftKey = (implementationCode: string) => ({ pk: `ITEM#${implementationCode}`, sk: 'LISTDRAFT' });
export const organisationDraftsPartition = (organisationCode: string) => `LISTDRAFTS#${organisationCode}`;
export const reviewPartition = (step: ListReviewStep, organisationCode: string) =>
  step === 'org_admin' ? `LISTREVIEW#org_admin#${organisationCode}` : `LISTREVIEW#${step}`;

export interface Approval {
  step: ListReviewStep;
  userId: string;
  name: string;
  at: string;
}

export interface StoredListDraft {
  implementationCode: string;
  organisationCode: string;
  baseVersion: number;
  revision: number;
  status: ListDraftStatus;
  /** Changes catalog elements: publishing gives every implementation of the basic code a new version. */
  catalogWide: boolean;
  /** The review steps, fixed when the draft was submitted (configuration may change meanwhile). */
  steps: ListReviewStep[];
  approvals: Approval[];
  rejection?: { reason: string; userId: string; name: string; at: string; step: ListReviewStep };
  /** Everyone who edited or submitted it: none of them may approve it. */
  editors: string[];
  editedByName: string;
  updatedAt: string;
  submittedAt?: string;
  /** The next version as it will be published (version = baseVersion + 1). */
  item: ImplementationItem;
}

/** Who published a version and who approved it, kept on the immutable version record. */
export interface Publication {
  byName: string;
  at: string;
  approvals: { step: ListReviewStep; name: string; at: string }[];
  changedSections: string[];
}

export const nextStepOf = (draft: StoredListDraft): ListReviewStep | undefined =>
  draft.status === 'in_review' ? draft.steps[draft.approvals.length] : undefined;

/** The draft row with the index keys of its state. */
export function draftRecord(draft: StoredListDraft) {
  const next = nextStepOf(draft);
  return {
    ...draftKey(draft.implementationCode),
    entity: 'ListDraft',
    gsi1pk: organisationDraftsPartition(draft.organisationCode),
    gsi1sk: draft.implementationCode,
    ...(next ? { gsi2pk: reviewPartition(next, draft.organisationCode), gsi2sk: `${draft.submittedAt}#${draft.implementationCode}` } : {}),
    draft,
  };
}
