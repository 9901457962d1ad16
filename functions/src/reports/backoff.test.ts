import { MAX_REPORT_ATTEMPTS, REPORT_LATE_AFTER_MS, REPORT_RETRY_DELAYS_MS, afterFailedAttempt, isLate } from './backoff';

describe('report backoff', () => {
  const now = new Date('2026-03-02T02:00:00.000Z');

  it('waits longer after each failed attempt', () => {
    const waits = REPORT_RETRY_DELAYS_MS.map((_, i) => {
      const decision = afterFailedAttempt(i + 1, now);
      if (decision.next !== 'retry') throw new Error(`attempt ${i + 1} gave up`);
      return decision.at.getTime() - now.getTime();
    });
    expect(waits).toEqual(REPORT_RETRY_DELAYS_MS);
    waits.slice(1).forEach((wait, i) => expect(wait).toBeGreaterThan(waits[i]!));
  });

  it('gives up after the last attempt', () => {
    expect(afterFailedAttempt(MAX_REPORT_ATTEMPTS, now)).toEqual({ next: 'give_up' });
    expect(afterFailedAttempt(MAX_REPORT_ATTEMPTS + 3, now)).toEqual({ next: 'give_up' });
    expect(afterFailedAttempt(MAX_REPORT_ATTEMPTS - 1, now).next).toBe('retry');
  });

  it('refuses a count of attempts that is not one or more', () => {
    expect(() => afterFailedAttempt(0, now)).toThrow();
    expect(() => afterFailedAttempt(1.5, now)).toThrow();
  });

  it('calls a report late only past the threshold', () => {
    const changedAt = now.toISOString();
    expect(isLate(changedAt, new Date(now.getTime() + REPORT_LATE_AFTER_MS))).toBe(false);
    expect(isLate(changedAt, new Date(now.getTime() + REPORT_LATE_AFTER_MS + 1))).toBe(true);
  });
});
