import { buildReport, figuresOf, monthsOf } from './report';

const scope = { kind: 'province' as const, code: '340000', name: '安徽省', query: 'province' };
const value = (figures: ReturnType<typeof figuresOf>, key: string) => figures.find((f) => f.key === key)!;

describe('report: counters to figures', () => {
  it('ratios keep numerator and denominator; nothing to measure is null with no verdict', () => {
    const figures = figuresOf({ sub: 10, subOn: 9, done: 4, onTime: 3, wd: 10, pd: 40, late: 1 }, { items: 8, online: 8, le1: 8, zero: 6, outside: 6, outsideZero: 6 });
    expect(value(figures, 'casesOnline')).toMatchObject({ value: 0.9, numerator: 9, denominator: 10, target: 0.9, met: true });
    expect(value(figures, 'onTimeRate')).toMatchObject({ value: 0.75, met: false });
    expect(value(figures, 'averageWorkingDays')).toMatchObject({ value: 2.5, numerator: 10, denominator: 4 });
    expect(value(figures, 'averagePromisedDays').value).toBe(10);
    expect(value(figures, 'satisfactionRate')).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(value(figures, 'satisfactionRate').met).toBeUndefined();
    expect(value(figures, 'overdueCases')).toMatchObject({ value: 1, target: 0, met: false });
    expect(value(figures, 'overdueRectifications')).toMatchObject({ value: 0, met: true });
    expect(value(figures, 'itemsZeroVisit')).toMatchObject({ value: 0.75, numerator: 6, denominator: 8 });
    expect(value(figures, 'itemsZeroVisitOutsideNegativeList')).toMatchObject({ value: 1, met: true });
    // Without a catalog (a month of the trend) the catalog figures are null.
    expect(value(figuresOf({ sub: 1 }), 'itemsOnline').value).toBeNull();
  });

  it('months across a year boundary read two year items; children from the names the items carry', () => {
    expect(monthsOf('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    const years = new Map<string, Record<string, unknown>>([
      ['2025', { 'm12#sub': 2, 'm12#subOn': 1, 'm11#sub': 5, 'c#341000#m12#sub': 2, 'n#341000': '黄山市', updatedAt: '2026-01-01T00:00:00Z' }],
      ['2026', { 'm01#sub': 3, 'm01#subOn': 3, 'c#341000#m01#sub': 1, 'c#340100#m01#sub': 2, 'n#340100': '合肥市', updatedAt: '2026-02-01T00:00:00Z' }],
    ]);
    const report = buildReport({ scope, from: '2025-12', to: '2026-01', years });
    expect(value(report.figures, 'casesOnline')).toMatchObject({ numerator: 4, denominator: 5 });
    expect(report.months.map((m) => [m.month, value(m.figures, 'casesOnline').denominator])).toEqual([
      ['2025-12', 2],
      ['2026-01', 3],
    ]);
    expect(report.children.map((c) => [c.scope.query, value(c.figures, 'casesOnline').denominator])).toEqual([
      ['city:340100', 2],
      ['city:341000', 3],
    ]);
    expect(report.asOf).toBe('2026-02-01T00:00:00Z');
  });

  it('a scope with no aggregates yet reports nulls and zeros, not an error', () => {
    const report = buildReport({ scope, from: '2026-01', to: '2026-03', years: new Map([['2026', undefined]]) });
    expect(report.asOf).toBeNull();
    expect(report.months).toHaveLength(3);
    expect(value(report.figures, 'casesOnline').value).toBeNull();
    expect(value(report.figures, 'visitsBooked').value).toBe(0);
    expect(report.children).toEqual([]);
  });
});
