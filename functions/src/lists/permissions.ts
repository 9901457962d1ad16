import { parseImplementationCode, type ListReviewStep, type StaffMembership } from '@ah-tourism/shared';

/** A staff member acting on the lists, as the table knows them now (a revoked binding acts no more). */
export interface ListActor {
  userId: string;
  name: string;
  staff: StaffMembership;
}

const has = (actor: ListActor, permission: StaffMembership['permissions'][number]) => actor.staff.permissions.includes(permission);

/** The entry is implemented by the actor's organisation. */
export const ownsEntry = (actor: ListActor, implementationCode: string) =>
  parseImplementationCode(implementationCode)?.creditCode === actor.staff.organisationCode;

/** Edits, submits and discards drafts of the organisation's own entries. */
export const canEdit = (actor: ListActor, implementationCode: string) => ownsEntry(actor, implementationCode) && has(actor, 'list_editor');

/** Publishes an approved draft of the organisation's own entries. */
export const canPublish = (actor: ListActor, implementationCode: string) =>
  ownsEntry(actor, implementationCode) && (has(actor, 'list_editor') || has(actor, 'org_admin'));

/** The 机构编制/法制 review is the province's: staff of the department with the review permission. */
const isProvincialReviewer = (actor: ListActor) => actor.staff.level === 'province' && has(actor, 'list_review');

/** Who may approve (or send back) a review step of an entry's draft. */
export function canReview(actor: ListActor, step: ListReviewStep, implementationCode: string): boolean {
  if (step === 'org_admin') return ownsEntry(actor, implementationCode) && has(actor, 'org_admin');
  return isProvincialReviewer(actor);
}

/** Sees an entry's draft and history: its own organisation's editors and admin, and the provincial reviewers. */
export const canView = (actor: ListActor, implementationCode: string) =>
  (ownsEntry(actor, implementationCode) && (has(actor, 'list_editor') || has(actor, 'org_admin'))) || isProvincialReviewer(actor);

/** The steps whose queues the actor works through. */
export const stepsReviewedBy = (actor: ListActor, steps: readonly ListReviewStep[]) =>
  steps.filter((step) => (step === 'org_admin' ? has(actor, 'org_admin') : isProvincialReviewer(actor)));
