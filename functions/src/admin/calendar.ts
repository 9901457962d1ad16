import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { CalendarYear } from '@ah-tourism/shared';
import { OFFICIAL_CALENDAR } from '@ah-tourism/shared/src/calendar/official';
import type { Caller } from '../auth/caller';
import { authStore, type UserRecord } from '../auth/store';
import { calendarOverrides, calendarYearKey, forgetCalendar, type CalendarOverride } from '../platform/calendar';
import { config } from '../platform/config';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';

/** The year of a path, within the range the calendar data can describe. */
export const yearOf = (value: string | undefined) => {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2020 || year > 2100) throw new AppError('CALENDAR_YEAR_INVALID', '请填写 2020–2100 之间的年份');
  return year;
};
const inYear = (year: number) => (day: string) => day.startsWith(`${year}-`);

/** The working-day calendar of a year as deadlines use it, and where its data comes from. */
export async function calendarYear(year: number): Promise<CalendarYear> {
  const override = (await calendarOverrides()).find((o) => o.year === year);
  const official = { holidays: OFFICIAL_CALENDAR.holidays.filter(inYear(year)), workdays: OFFICIAL_CALENDAR.workdays.filter(inYear(year)) };
  if (override) {
    return { year, source: 'override', note: '使用管理员补充的节假日和调休安排', holidays: [...new Set([...official.holidays, ...override.holidays])].sort(), workdays: [...new Set([...official.workdays, ...override.workdays])].sort(), updatedAt: override.updatedAt };
  }
  if (official.holidays.length || official.workdays.length) return { year, source: 'official', note: '使用国务院办公厅公布的节假日安排', ...official };
  return { year, source: 'weekdays_only', note: `尚无 ${year} 年节假日数据，办理时限暂按周一至周五计算，请在公布后补充`, holidays: [], workdays: [] };
}

/** Any staff member may look at the calendar: deadlines depend on it. */
export async function requireStaff(caller: Caller): Promise<void> {
  const user = await authStore().user(caller.userId);
  if (!user?.staff && !user?.provincialAdmin) throw new AppError('AUTH_FORBIDDEN');
}

/** Only a provincial admin changes it. */
export async function requireProvincialAdmin(caller: Caller): Promise<UserRecord> {
  const user = await authStore().user(caller.userId);
  if (!user?.provincialAdmin) throw new AppError('AUTH_FORBIDDEN');
  return user;
}

/** A provincial admin adds a year's holidays and 调休 without a code change. */
export async function setCalendarYear(admin: UserRecord, year: number, body: Pick<CalendarOverride, 'holidays' | 'workdays'>): Promise<CalendarYear> {
  const outside = [...body.holidays, ...body.workdays].filter((day) => !inYear(year)(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)));
  if (outside.length) throw new AppError('CALENDAR_YEAR_INVALID', `以下日期不属于 ${year} 年或无效：${outside.join('、')}`);
  const both = body.holidays.filter((day) => body.workdays.includes(day));
  if (both.length) throw new AppError('CALENDAR_YEAR_INVALID', `同一天不能既放假又上班：${both.join('、')}`);
  const override: CalendarOverride = { year, holidays: [...new Set(body.holidays)].sort(), workdays: [...new Set(body.workdays)].sort(), updatedAt: new Date().toISOString(), updatedBy: admin.userId };
  await dynamo().send(new PutCommand({ TableName: config().tableName, Item: { ...calendarYearKey(year), entity: 'CalendarOverride', override } }));
  forgetCalendar();
  return calendarYear(year);
}
