/**
 * Working days on the official calendar: Monday–Friday, minus public holidays, plus the weekend
 * days moved to work (调休). Dates are China Standard Time calendar days, 'YYYY-MM-DD'.
 */
export interface CalendarData {
  /** Days off that would otherwise be working days (and holiday weekends, harmlessly). */
  holidays: readonly string[];
  /** Weekend days that are working days (调休上班). */
  workdays: readonly string[];
}

const CST_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86400_000;

/** The CST calendar day of an instant. */
export function cstDay(instant: string | Date): string {
  return new Date(new Date(instant).getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a CST day starts, plus an offset in hours (e.g. 8.5 → 08:30 CST). */
export function cstInstant(day: string, hours = 0): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CST_OFFSET_MS + hours * 3600_000).toISOString();
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
const previousDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

export interface WorkingCalendar {
  isWorkingDay(day: string): boolean;
  /** Whether holiday data exists for that year; without it the calendar is plain Monday–Friday. */
  covers(year: number): boolean;
  /** The n-th working day after the CST day of `from` (n ≥ 1); the start day itself never counts. */
  addWorkingDays(from: string | Date, n: number): string;
  /** The working day before `day`. */
  previousWorkingDay(day: string): string;
  /** Working days after the CST day of `from` up to and including `day` (0 when `day` is not later). */
  workingDaysUntil(from: string | Date, day: string): number;
}

export function workingCalendar(data: CalendarData): WorkingCalendar {
  const holidays = new Set(data.holidays);
  const workdays = new Set(data.workdays);
  const years = new Set([...data.holidays, ...data.workdays].map((day) => Number(day.slice(0, 4))));
  const isWorkingDay = (day: string) => {
    if (workdays.has(day)) return true;
    if (holidays.has(day)) return false;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
  return {
    isWorkingDay,
    covers: (year) => years.has(year),
    addWorkingDays(from, n) {
      let day = cstDay(from);
      for (let counted = 0; counted < n; ) {
        day = nextDay(day);
        if (isWorkingDay(day)) counted += 1;
      }
      return day;
    },
    workingDaysUntil(from, day) {
      let count = 0;
      for (let current = nextDay(cstDay(from)); current <= day; current = nextDay(current)) if (isWorkingDay(current)) count += 1;
      return count;
    },
    previousWorkingDay(day) {
      let candidate = previousDay(day);
      while (!isWorkingDay(candidate)) candidate = previousDay(candidate);
      return candidate;
    },
  };
}
