import { EVALUATION_LEVELS, RECTIFICATION_STATUSES, tagLabel, type Evaluation, type NotificationEvent, type RectificationDetail, type RectificationStatus, type RectificationSummary } from '@ah-tourism/shared';
import type { RectificationTask } from '../cases/feedback-records';
import { newEventId } from '../notifications/outbox';
import type { Viewer } from './viewer';

/*
 * The rules of a bad review's rectification task that need nothing but the task: while it is open, what a
 * viewer may do with it, its list entry, and the alert and overdue reminder it raises.
 */

/** The statuses in which the task waits for the organisation (and its overdue reminder runs). */
export const OPEN: readonly RectificationStatus[] = ['awaiting_call_back', 'awaiting_response'];

export function legalActions(task: RectificationTask, user: Viewer): RectificationDetail['actions'] {
  const own = user.organisationCode === task.organisationCode;
  const actions: RectificationDetail['actions'] = [];
  if (own && OPEN.includes(task.status)) actions.push('call_back');
  if (own && task.status === 'awaiting_response') actions.push('respond');
  if (own && task.status === 'rectifying') actions.push('complete');
  if (user.admin && task.status === 'appealed') actions.push('decide_appeal');
  return actions;
}

export function taskSummary(task: RectificationTask, now: Date): RectificationSummary {
  return {
    subjectId: task.subjectId,
    subjectKind: task.subjectKind,
    itemName: task.itemName,
    organisationCode: task.organisationCode,
    organisationName: task.organisationName,
    level: task.level,
    levelLabel: EVALUATION_LEVELS[task.level].label,
    tagLabels: task.tags.map(tagLabel),
    channel: task.channel,
    status: task.status,
    statusLabel: RECTIFICATION_STATUSES[task.status].label,
    createdAt: task.createdAt,
    dueAt: task.dueAt,
    overdue: OPEN.includes(task.status) && now.toISOString() > task.dueAt,
    calledBack: task.callBacks.length > 0,
    version: task.version,
  };
}

/** The bad-review alert to the organisation and the task's overdue reminder. */
export function badReviewTimerAndEvent(task: RectificationTask, evaluation: Evaluation, ownerUserId: string | undefined) {
  const base = {
    caseNumber: task.subjectId,
    itemName: task.itemName,
    organisationCode: task.organisationCode,
    applicantUserId: ownerUserId ?? '',
    applicantDisplayName: task.personName,
  };
  const event: NotificationEvent = {
    ...base,
    eventId: newEventId(),
    type: 'bad_review',
    occurredAt: evaluation.at,
    detail: { grade: evaluation.levelLabel, comment: evaluation.comment ?? evaluation.tagLabels.join('、'), dueAt: task.dueAt },
  };
  const overdue = { caseNumber: task.subjectId, kind: 'rectification' as const, fireAt: task.dueAt, event: { ...base, type: 'rectification_overdue' as const, detail: { dueAt: task.dueAt, grade: evaluation.levelLabel } } };
  return { event, timer: overdue };
}
