import { HOLIDAYS_BY_YEAR, WORKDAYS_BY_YEAR } from './official-days';
import { workingCalendar, type CalendarData, type WorkingCalendar } from './working-days';

/** `{ 2026: '0101 0102' }` → ['2026-01-01', '2026-01-02']. */
export const datesOf = (byYear: Readonly<Record<string, string>>): string[] =>
  Object.entries(byYear).flatMap(([year, days]) => days.split(' ').map((day) => `${year}-${day.slice(0, 2)}-${day.slice(2)}`));

/**
 * The State Council holiday arrangements as published in the chinese-days data: only their dates,
 * generated into official-days.ts (the package's data also names every day, which no function reads).
 */
export const OFFICIAL_CALENDAR: CalendarData = { holidays: datesOf(HOLIDAYS_BY_YEAR), workdays: datesOf(WORKDAYS_BY_YEAR) };

let calendar: WorkingCalendar | undefined;

export function officialCalendar(): WorkingCalendar {
  calendar ??= workingCalendar(OFFICIAL_CALENDAR);
  return calendar;
}

/**
 * The official calendar plus an administrator's additions (next year's holidays and 调休 before the
 * package publishes them): a day named in the overrides wins.
 */
export function calendarWithOverrides(overrides: CalendarData): WorkingCalendar {
  if (!overrides.holidays.length && !overrides.workdays.length) return officialCalendar();
  const holidays = new Set(OFFICIAL_CALENDAR.holidays);
  const workdays = new Set(OFFICIAL_CALENDAR.workdays);
  for (const day of overrides.holidays) {
    holidays.add(day);
    workdays.delete(day);
  }
  for (const day of overrides.workdays) {
    workdays.add(day);
    holidays.delete(day);
  }
  return workingCalendar({ holidays: [...holidays], workdays: [...workdays] });
}
