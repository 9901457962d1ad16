import { holidays, workdays } from 'chinese-days/dist/chinese-days.json';
import { officialDaysSource } from '../../../scripts/calendar/official-days';
import { OFFICIAL_CALENDAR } from './official';
import { readFileSync } from 'node:fs';
import path from 'node:path';

describe('the official calendar’s dates', () => {
  it('are exactly the chinese-days package’s holidays and 调休 working days', () => {
    expect([...OFFICIAL_CALENDAR.holidays].sort()).toEqual(Object.keys(holidays).sort());
    expect([...OFFICIAL_CALENDAR.workdays].sort()).toEqual(Object.keys(workdays).sort());
  });

  it('are generated from the package as installed (run scripts/calendar/official-days.ts after updating it)', () => {
    expect(readFileSync(path.join(__dirname, 'official-days.ts'), 'utf8')).toBe(officialDaysSource());
  });
});
