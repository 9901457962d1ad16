/**
 * Times as people read them: China Standard Time (UTC+8, no daylight saving), whatever the device's or
 * the server's zone. Shared so the phone and the texts the server writes (history, messages) agree.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

function chinaParts(iso: string) {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  const d = new Date(time + CHINA_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hh: pad(d.getUTCHours()), mm: pad(d.getUTCMinutes()) };
}

/** 2026-11-27T10:04:32Z → 2026年11月27日 18:04 */
export function chinaDateTime(iso: string): string {
  const p = chinaParts(iso);
  return p ? `${p.year}年${p.month}月${p.day}日 ${p.hh}:${p.mm}` : iso;
}

/** 2026-12-27T10:04:32Z → 2026年12月27日 */
export function chinaDate(iso: string): string {
  const p = chinaParts(iso);
  return p ? `${p.year}年${p.month}月${p.day}日` : iso;
}

/** 2026-12-01T01:30:00Z → 2026年12月01日 (zero-padded, for day headings and time ranges) */
export function chinaDay(iso: string): string {
  const p = chinaParts(iso);
  return p ? `${p.year}年${String(p.month).padStart(2, '0')}月${String(p.day).padStart(2, '0')}日` : iso;
}

/** 2026-12-01T01:30:00Z → 09:30 */
export function chinaClock(iso: string): string {
  const p = chinaParts(iso);
  return p ? `${p.hh}:${p.mm}` : iso;
}

/** A slot on one day: 2026年12月01日 09:30–10:00 */
export function chinaTimeRange(startsAt: string, endsAt: string): string {
  return `${chinaDay(startsAt)} ${chinaClock(startsAt)}–${chinaClock(endsAt)}`;
}
