import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { WorkingCalendar } from '@ah-tourism/shared';
import { calendarWithOverrides } from '@ah-tourism/shared/src/calendar/official';
import { config } from './config';
import { dynamo } from './dynamodb';

/**
 * The working-day calendar functions count deadlines with: the official data plus the overrides an
 * administrator keeps in the table (`CALENDAR / YEAR#<yyyy>`), re-read at most every five minutes.
 */
export const CALENDAR_PARTITION = 'CALENDAR';
export const calendarYearKey = (year: number) => ({ pk: CALENDAR_PARTITION, sk: `YEAR#${year}` });
const CACHE_MS = 5 * 60_000;

export interface CalendarOverride {
  year: number;
  holidays: string[];
  workdays: string[];
  updatedAt: string;
  updatedBy: string;
}

let cached: { calendar: WorkingCalendar; overrides: CalendarOverride[]; at: number } | undefined;

export async function calendarOverrides(): Promise<CalendarOverride[]> {
  const { Items } = await dynamo().send(
    new QueryCommand({ TableName: config().tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': CALENDAR_PARTITION } }),
  );
  return (Items ?? []).map((item) => item.override as CalendarOverride);
}

export async function workingCalendarNow(): Promise<WorkingCalendar> {
  if (!cached || Date.now() - cached.at > CACHE_MS) {
    const overrides = await calendarOverrides();
    cached = {
      overrides,
      at: Date.now(),
      calendar: calendarWithOverrides({ holidays: overrides.flatMap((o) => o.holidays), workdays: overrides.flatMap((o) => o.workdays) }),
    };
  }
  return cached.calendar;
}

/** After an administrator changes the overrides, this container uses them at once. */
export function forgetCalendar(): void {
  cached = undefined;
}
