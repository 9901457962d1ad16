import type { NotificationEvent, StaffPermission, WorkingCalendar } from '@ah-tourism/shared';
import { cstDay, cstInstant } from '@ah-tourism/shared';
import { timerKey, timerPartition } from './keys';

/** Working days the pre-review (with its one-time notice) may take. */
export const PRE_REVIEW_WORKING_DAYS = 5;
/** Reminders go out at 08:30 China Standard Time. */
const REMINDER_HOUR = 8.5;

/**
 * A stage's deadline reminders (near-due, then overdue: one row that re-arms itself), the evaluation
 * invitation, and the overdue alert of a bad review's rectification.
 */
export type TimerKind = 'deadline' | 'evaluation' | 'rectification';

/** What a fired timer becomes: the event, minus the id and time it gets when it fires. */
export type EventTemplate = Omit<NotificationEvent, 'eventId' | 'occurredAt'>;

export interface Timer {
  caseNumber: string;
  kind: TimerKind;
  fireAt: string;
  event: EventTemplate;
  /** What the same timer does next once this fires (the overdue alert after the near-due reminder). */
  then?: { fireAt: string; event: EventTemplate };
}

export function timerPut(tableName: string, timer: Timer) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...timerKey(timer.caseNumber, timer.kind),
        entity: 'Timer',
        gsi2pk: timerPartition(cstDay(timer.fireAt)),
        gsi2sk: `${timer.fireAt}#${timer.caseNumber}#${timer.kind}`,
        timer,
      },
    },
  };
}

export function timerDelete(tableName: string, caseNumber: string, kind: TimerKind) {
  return { Delete: { TableName: tableName, Key: timerKey(caseNumber, kind) } };
}

/** The end (24:00 CST) of the n-th working day after `startedAt`. */
export function dueAfter(calendar: WorkingCalendar, startedAt: string, workingDays: number): string {
  return cstInstant(calendar.addWorkingDays(startedAt, Math.max(workingDays, 1)), 24);
}

/**
 * The reminders of a stage due at `dueAt` (the end of a working day): near-due on the morning of that
 * last working day, overdue when it ends. One timer row carries both, so a step that moves the deadline
 * writes one row, and one Delete removes both.
 */
export function reminderTimers(
  base: Omit<EventTemplate, 'type' | 'detail'>,
  dueAt: string,
  stage: { label: string; permission: StaffPermission; /** what the reminder is about, e.g. 投诉 (default 办件) */ subject?: string; /** staff page to open */ page?: string },
): Timer[] {
  const lastDay = cstDay(new Date(Date.parse(dueAt) - 1));
  const detail = { dueAt, permission: stage.permission, stageLabel: stage.label, ...(stage.subject ? { subject: stage.subject } : {}), ...(stage.page ? { page: stage.page } : {}) };
  return [
    {
      caseNumber: base.caseNumber,
      kind: 'deadline',
      fireAt: cstInstant(lastDay, REMINDER_HOUR),
      event: { ...base, type: 'case_near_due', detail },
      then: { fireAt: dueAt, event: { ...base, type: 'case_overdue', detail } },
    },
  ];
}
