import type { NotificationEvent, StaffPermission } from '@ah-tourism/shared';
import { cstDay, cstInstant } from '@ah-tourism/shared';
import { officialCalendar } from '@ah-tourism/shared/src/calendar/official';
import { timerKey, timerPartition } from './keys';

/** Working days the pre-review (with its one-time notice) may take. */
export const PRE_REVIEW_WORKING_DAYS = 5;
/** Reminders go out at 08:30 China Standard Time. */
const REMINDER_HOUR = 8.5;

export type TimerKind = 'near_due' | 'overdue' | 'evaluation';

/** What a fired timer becomes: the event, minus the id and time it gets when it fires. */
export type EventTemplate = Omit<NotificationEvent, 'eventId' | 'occurredAt'>;

export interface Timer {
  caseNumber: string;
  kind: TimerKind;
  fireAt: string;
  event: EventTemplate;
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

/**
 * The near-due and overdue reminders of a stage that must finish within `workingDays`: near-due on
 * the morning of the last working day, overdue when that day ends.
 */
export function deadlineTimers(
  base: Omit<EventTemplate, 'type' | 'detail'>,
  startedAt: string,
  workingDays: number,
  stage: { label: string; permission: StaffPermission },
): { dueAt: string; timers: Timer[] } {
  const calendar = officialCalendar();
  const lastDay = calendar.addWorkingDays(startedAt, workingDays);
  const dueAt = cstInstant(lastDay, 24);
  const detail = { dueAt, permission: stage.permission, stageLabel: stage.label };
  return {
    dueAt,
    timers: [
      { caseNumber: base.caseNumber, kind: 'near_due', fireAt: cstInstant(lastDay, REMINDER_HOUR), event: { ...base, type: 'case_near_due', detail } },
      { caseNumber: base.caseNumber, kind: 'overdue', fireAt: dueAt, event: { ...base, type: 'case_overdue', detail } },
    ],
  };
}
