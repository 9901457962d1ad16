import { workingCalendar } from '@ah-tourism/shared';
import { deadlineViews } from './clock';

const calendar = workingCalendar({ holidays: [], workdays: [] });

describe('deadline views', () => {
  // Submitted Friday 27 Nov 2026 22:22 CST; 5 working days → due at the end of Friday 4 Dec.
  const clock = { preReview: { startedAt: '2026-11-27T14:22:00.000Z', dueAt: '2026-12-04T16:00:00.000Z' } };

  it('counts the remaining working days without the day the clock started', () => {
    expect(deadlineViews(clock, new Date('2026-11-27T15:00:00Z'), calendar)[0]).toMatchObject({ remainingWorkingDays: 5, overdue: false });
    expect(deadlineViews(clock, new Date('2026-11-30T02:00:00Z'), calendar)[0]).toMatchObject({ remainingWorkingDays: 5 });
    expect(deadlineViews(clock, new Date('2026-12-04T02:00:00Z'), calendar)[0]).toMatchObject({ remainingWorkingDays: 1 });
    expect(deadlineViews(clock, new Date('2026-12-05T02:00:00Z'), calendar)[0]).toMatchObject({ remainingWorkingDays: 0, overdue: true });
  });
});
