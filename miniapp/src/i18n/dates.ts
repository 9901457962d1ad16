import { localize } from './catalogue'
import en from './dates.en.json'

/**
 * How dates, times and working days read in each language (China time always; the parts come from
 * `features/cases/format.ts`). Chinese: 2026年12月5日 18:04; English: 5 Dec 2026 18:04.
 */
export const DATE_STRINGS = localize('i18n/DATE_STRINGS', {
  /** A calendar day; the month's name is for languages that spell it. */
  date: (year: number, month: number, day: number, monthName: string) => `${year}年${month}月${day}日`,
  /** A calendar day with two-digit month and day (day headings, time ranges). */
  day: (year: number, month: string, day: string, monthName: string, dayNumber: number) => `${year}年${month}月${day}日`,
  dateTime: (date: string, clock: string) => `${date} ${clock}`,
  timeRange: (day: string, from: string, to: string) => `${day} ${from}–${to}`,
  monthNames: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
  workingDays: (days: number) => `${days}个工作日`,
} as const, en.DATE_STRINGS)
