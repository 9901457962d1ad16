import {
  diffEntries,
  LIST_DRAFT_STATUSES,
  LIST_REVIEW_STEPS,
  type ImplementationItem,
  type ListDraft,
  type ListDraftAction,
  type ListEntrySummary,
  type ListReviewStep,
} from '@ah-tourism/shared';
import { canEdit, canPublish, canReview, type ListActor } from './permissions';
import { nextStepOf, type StoredListDraft } from './records';

/** What the actor may do with the draft now; the service enforces the same rules. */
export function draftActions(draft: StoredListDraft, actor: ListActor): ListDraftAction[] {
  const code = draft.implementationCode;
  const actions: ListDraftAction[] = [];
  const editor = canEdit(actor, code);
  if (draft.status === 'editing' && editor) actions.push('edit', 'submit');
  const next = nextStepOf(draft);
  if (next && canReview(actor, next, code) && !draft.editors.includes(actor.userId)) actions.push('approve', 'reject');
  if (draft.status === 'approved' && canPublish(actor, code)) actions.push('publish');
  if (editor) actions.push('discard');
  return actions;
}

/** A draft as the API answers it: its review progress and the changes against the version now published. */
export function draftView(draft: StoredListDraft, current: ImplementationItem, actor: ListActor, configuredSteps: readonly ListReviewStep[]): ListDraft {
  const steps = draft.status === 'editing' ? configuredSteps : draft.steps;
  const next = nextStepOf(draft);
  return {
    implementationCode: draft.implementationCode,
    baseVersion: draft.baseVersion,
    revision: draft.revision,
    status: draft.status,
    statusLabel: next ? `${LIST_DRAFT_STATUSES.in_review}：待${LIST_REVIEW_STEPS[next]}` : LIST_DRAFT_STATUSES[draft.status],
    catalogWide: draft.catalogWide,
    steps: steps.map((step) => {
      const approval = draft.approvals.find((a) => a.step === step);
      return { step, label: LIST_REVIEW_STEPS[step], ...(approval ? { approvedBy: approval.name, approvedAt: approval.at } : {}) };
    }),
    ...(next ? { nextStep: next } : {}),
    ...(draft.rejection ? { rejection: { reason: draft.rejection.reason, by: draft.rejection.name, at: draft.rejection.at } } : {}),
    editedBy: draft.editedByName,
    updatedAt: draft.updatedAt,
    ...(draft.submittedAt ? { submittedAt: draft.submittedAt } : {}),
    stale: current.version !== draft.baseVersion,
    item: draft.item,
    changes: diffEntries(current, draft.item),
    actions: draftActions(draft, actor),
  };
}

export function draftState(draft: StoredListDraft): NonNullable<ListEntrySummary['draft']> {
  const next = nextStepOf(draft);
  return {
    status: draft.status,
    statusLabel: next ? `${LIST_DRAFT_STATUSES.in_review}：待${LIST_REVIEW_STEPS[next]}` : LIST_DRAFT_STATUSES[draft.status],
    ...(next ? { nextStep: next, nextStepLabel: LIST_REVIEW_STEPS[next] } : {}),
    updatedAt: draft.updatedAt,
  };
}

export function entrySummary(item: ImplementationItem, draft: StoredListDraft | undefined): ListEntrySummary {
  return {
    implementationCode: item.implementationCode,
    name: item.name,
    organisationName: item.organisation.name,
    version: item.version,
    publishedAt: item.publishedAt,
    negativeListed: item.guide.negativeList.listed,
    ...(draft ? { draft: draftState(draft) } : {}),
  };
}

/** A draft awaiting review, listed by what it will replace. */
export function awaitingSummary(draft: StoredListDraft): ListEntrySummary {
  return { ...entrySummary(draft.item, draft), version: draft.baseVersion };
}
