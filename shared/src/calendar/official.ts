import data from 'chinese-days/dist/chinese-days.json';
import { workingCalendar, type WorkingCalendar } from './working-days';

let calendar: WorkingCalendar | undefined;

/** The State Council holiday arrangements as published in the chinese-days data. */
export function officialCalendar(): WorkingCalendar {
  calendar ??= workingCalendar({ holidays: Object.keys(data.holidays), workdays: Object.keys(data.workdays) });
  return calendar;
}
