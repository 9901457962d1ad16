import { cstDay, type CaseStatus, type ClockEffect, type Deadline, type StaffPermission, type WorkingCalendar } from '@ah-tourism/shared';
import type { CaseClock } from './records';
import { PRE_REVIEW_WORKING_DAYS, dueAfter } from '../notifications/timers';

/**
 * The working-day clocks of a case. Pre-review: 5 working days from (re)submission, stopped while the
 * applicant supplements. Completion: the promised working days from acceptance, stopped during special
 * procedures (现场核查, 专家评审, 听证) and resumed with the days that were left.
 */
export function applyClock(effect: ClockEffect, clock: CaseClock, now: Date, calendar: WorkingCalendar, completionDays: number): CaseClock {
  const at = now.toISOString();
  switch (effect) {
    case 'start_pre_review':
      return { ...clock, preReview: { startedAt: at, dueAt: dueAfter(calendar, at, PRE_REVIEW_WORKING_DAYS) } };
    case 'pause_pre_review':
      return { ...clock, preReview: { startedAt: clock.preReview?.startedAt ?? at, pausedAt: at } };
    case 'start_completion':
      return { ...clock, preReview: stopped(clock.preReview, at), completion: { startedAt: at, dueAt: dueAfter(calendar, at, completionDays) } };
    case 'pause_completion': {
      const completion = clock.completion;
      if (!completion?.dueAt) return clock;
      const remaining = calendar.workingDaysUntil(now, cstDay(new Date(Date.parse(completion.dueAt) - 1)));
      return { ...clock, completion: { startedAt: completion.startedAt, pausedAt: at, remainingWorkingDays: remaining } };
    }
    case 'resume_completion': {
      const completion = clock.completion;
      if (!completion?.pausedAt) return clock;
      return { ...clock, completion: { startedAt: completion.startedAt, dueAt: dueAfter(calendar, at, completion.remainingWorkingDays ?? 1) } };
    }
    case 'stop':
      return { preReview: stopped(clock.preReview, at), completion: stopped(clock.completion, at) };
    case 'none':
      return clock;
  }
}

function stopped<T extends { dueAt?: string; pausedAt?: string }>(part: T | undefined, at: string): T | undefined {
  if (!part || part.pausedAt) return part;
  return { ...part, pausedAt: at };
}

/** The deadline that is running now (what the inbox sorts by and the reminders watch), and whose it is. */
export function activeDeadline(status: CaseStatus, clock: CaseClock): { dueAt: string; label: string; permission: StaffPermission } | undefined {
  if (status === 'pre_review' && clock.preReview?.dueAt && !clock.preReview.pausedAt) return { dueAt: clock.preReview.dueAt, label: '预审', permission: 'pre_review' };
  if (status === 'accepted' && clock.completion?.dueAt && !clock.completion.pausedAt) return { dueAt: clock.completion.dueAt, label: '审查', permission: 'review' };
  if (status === 'reviewed' && clock.completion?.dueAt && !clock.completion.pausedAt) return { dueAt: clock.completion.dueAt, label: '审批决定', permission: 'decide' };
  return undefined;
}

/** The clocks as staff and applicants see them. */
export function deadlineViews(clock: CaseClock, now: Date, calendar: WorkingCalendar): Deadline[] {
  const view = (kind: Deadline['kind'], label: string, part: CaseClock['preReview'] & { remainingWorkingDays?: number }): Deadline => {
    if (!part.dueAt) return { kind, label, paused: true, overdue: false, ...(part.remainingWorkingDays !== undefined ? { remainingWorkingDays: part.remainingWorkingDays } : {}) };
    const overdue = !part.pausedAt && now.toISOString() > part.dueAt;
    const today = cstDay(now);
    const lastDay = cstDay(new Date(Date.parse(part.dueAt) - 1));
    // Today counts while it is a working day inside the window; the day the clock started never does
    // (submitted on Friday with 5 working days: 5 left that day, 1 on the last day).
    const todayCounts = calendar.isWorkingDay(today) && today <= lastDay && today !== cstDay(part.startedAt);
    const remaining = overdue ? 0 : calendar.workingDaysUntil(now, lastDay) + (todayCounts ? 1 : 0);
    return { kind, label, dueAt: part.dueAt, paused: !!part.pausedAt, overdue, remainingWorkingDays: remaining };
  };
  return [
    ...(clock.preReview ? [view('pre_review', '预审告知时限', clock.preReview)] : []),
    ...(clock.completion ? [view('completion', '承诺办结时限', clock.completion)] : []),
  ];
}
