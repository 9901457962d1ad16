import { DATE_STRINGS as D } from '@/i18n/dates'

/**
 * Times as people read them, in China Standard Time (UTC+8, no daylight saving) whatever the device's
 * zone, worded in the language of this run (i18n/dates.ts): the same as the texts the server writes
 * (shared/src/text/china-time.ts) in Chinese, 5 Dec 2026 18:04 in English.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

function chinaParts(iso: string) {
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return null
  const d = new Date(time + CHINA_OFFSET_MS)
  const pad = (n: number) => String(n).padStart(2, '0')
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hh: pad(d.getUTCHours()), mm: pad(d.getUTCMinutes()) }
}

function dateOf(p: { year: number; month: number; day: number }): string {
  return D.date(p.year, p.month, p.day, D.monthNames[p.month - 1] ?? '')
}

/** 2026-11-27T10:04:32Z → 2026年11月27日 18:04 */
export function chinaDateTime(iso: string): string {
  const p = chinaParts(iso)
  return p ? D.dateTime(dateOf(p), `${p.hh}:${p.mm}`) : iso
}

/** 2026-12-27T10:04:32Z → 2026年12月27日 */
export function chinaDate(iso: string): string {
  const p = chinaParts(iso)
  return p ? dateOf(p) : iso
}

/** 2026-12-01T01:30:00Z → 2026年12月01日 (zero-padded, for day headings and time ranges) */
export function chinaDay(iso: string): string {
  const p = chinaParts(iso)
  return p ? D.day(p.year, String(p.month).padStart(2, '0'), String(p.day).padStart(2, '0'), D.monthNames[p.month - 1] ?? '', p.day) : iso
}

/** 2026-12-01T01:30:00Z → 09:30 */
export function chinaClock(iso: string): string {
  const p = chinaParts(iso)
  return p ? `${p.hh}:${p.mm}` : iso
}

/** A slot on one day: 2026年12月01日 09:30–10:00 */
export function chinaTimeRange(startsAt: string, endsAt: string): string {
  return D.timeRange(chinaDay(startsAt), chinaClock(startsAt), chinaClock(endsAt))
}

/** 2026-11-01 (an ISO calendar date) → 2026年11月1日 */
export function calendarDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  return match ? dateOf({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }) : isoDate
}

/** 3 → 3个工作日 */
export function workingDays(days: number): string {
  return D.workingDays(days)
}

/** 2048 → 2.0 KB, 1536000 → 1.5 MB */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
