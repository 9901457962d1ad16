import { cstDay, cstInstant, workingCalendar } from './working-days';
import { officialCalendar } from './official';

describe('working days', () => {
  const calendar = officialCalendar();

  it('skips the 2026 National Day holiday and counts its 调休 Saturday', () => {
    // Submitted Tuesday 29 September: 30 Sep is a working day, 1–7 Oct are off, Sat 10 Oct is worked.
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
    expect(calendar.addWorkingDays('2026-09-29T02:00:00Z', 1)).toBe('2026-09-30');
    expect(calendar.addWorkingDays('2026-09-29T02:00:00Z', 2)).toBe('2026-10-08');
    expect(calendar.addWorkingDays('2026-09-29T02:00:00Z', 4)).toBe('2026-10-10');
    expect(calendar.addWorkingDays('2026-09-29T02:00:00Z', 5)).toBe('2026-10-12');
    expect(calendar.previousWorkingDay('2026-10-08')).toBe('2026-09-30');
  });

  it('uses China Standard Time days', () => {
    expect(cstDay('2026-11-27T16:30:00Z')).toBe('2026-11-28');
    expect(cstInstant('2026-11-28', 8.5)).toBe('2026-11-28T00:30:00.000Z');
  });

  it('falls back to Monday–Friday for a year without data, and says so', () => {
    const plain = workingCalendar({ holidays: [], workdays: [] });
    expect(plain.covers(2031)).toBe(false);
    expect(calendar.covers(2026)).toBe(true);
    // Friday 3 Jan 2031 + 1 working day → Monday 6 Jan.
    expect(calendar.addWorkingDays('2031-01-03T02:00:00Z', 1)).toBe('2031-01-06');
  });
});
