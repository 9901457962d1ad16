// Named imports, so a bundler keeps only these two parts of the data (not its in-lieu days, unused here).
import { holidays, workdays } from 'chinese-days/dist/chinese-days.json';
import { workingCalendar, type CalendarData, type WorkingCalendar } from './working-days';

/** The State Council holiday arrangements as published in the chinese-days data. */
export const OFFICIAL_CALENDAR: CalendarData = { holidays: Object.keys(holidays), workdays: Object.keys(workdays) };

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
