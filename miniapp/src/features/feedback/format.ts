import { calendarDate, chinaDate } from '@/features/cases/format'

/** A deadline's `dueAt` is the end of its last working day (24:00 China time): the day to show is the one before. */
export function lastDay(dueAt: string): string {
  const time = Date.parse(dueAt)
  return Number.isNaN(time) ? dueAt : chinaDate(new Date(time - 60_000).toISOString())
}

/** 2026-12-31 (a plain date) → 2026年12月31日 */
export function plainDate(date: string): string {
  return calendarDate(date)
}

/** Characters as people count them (an emoji is one). */
export const lengthOf = (text: string): number => Array.from(text).length
