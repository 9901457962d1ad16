import type { AssessmentReport } from '@ah-tourism/shared';
import { targetOf } from './aggregator';
import { csvFileName, reportCsv } from './csv';
import { figuresOf } from './report';

const report: AssessmentReport = {
  scope: { kind: 'city', code: '341000', name: '黄山市', query: 'city:341000' },
  from: '2025-01',
  to: '2025-03',
  asOf: null,
  figures: figuresOf({ sub: 3, subOn: 2, done: 2, wd: 3, pd: 10, late: 1 }, { items: 4, online: 4 }),
  months: [],
  children: [{ scope: { kind: 'organisation', code: '113410000039113649', name: '=HYPERLINK("x")', query: 'organisation:113410000039113649' }, figures: figuresOf({}) }],
};

describe('reportCsv', () => {
  it('opens in Excel: a BOM, CRLF rows, percentages and days rounded, numerator and denominator beside each ratio', () => {
    const csv = reportCsv(report);
    expect(csv.startsWith('\uFEFF范围,代码,名称,起始月份,截止月份,可网办事项占比(%),可网办事项占比-分子,可网办事项占比-分母,')).toBe(true);
    const [header, scope, child] = csv.slice(1).trimEnd().split('\r\n').map((line) => line.split(','));
    const at = (row: string[], name: string) => row[header!.indexOf(name)];
    expect(at(scope!, '网上申请办件占比(%)')).toBe('66.7');
    expect(at(scope!, '平均办理用时(工作日)')).toBe('1.5');
    expect(at(scope!, '超期办件')).toBe('1');
    expect(header).not.toContain('超期办件-分子');
    // Nothing to measure is an empty cell, not 0.
    expect(at(child!, '网上申请办件占比(%)')).toBe('');
  });

  it('never lets a cell run as a formula, and quotes what needs quoting', () => {
    const csv = reportCsv(report);
    expect(csv).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(reportCsv({ ...report, scope: { ...report.scope, name: '黄山市, 含区县' } })).toContain(',"黄山市, 含区县",');
    expect(csvFileName(report)).toBe('assessment-341000-2025-01-2025-03.csv');
  });
});

describe('targetOf: what a stream record asks the aggregator to recount', () => {
  const record = (pk: string, sk: string) => ({ dynamodb: { Keys: { pk: { S: pk }, sk: { S: sk } } } }) as never;
  it('a case row its case, a summary its item, its own facts rows nothing', () => {
    expect(targetOf(record('CASE#C1', 'META'))).toEqual({ kind: 'case', id: 'C1' });
    expect(targetOf(record('CASE#C1', 'AUDIT#000002'))).toEqual({ kind: 'case', id: 'C1' });
    expect(targetOf(record('CASE#C1', 'ASSESSMENT'))).toBeUndefined();
    expect(targetOf(record('ITEM#X', 'SUMMARY'))).toEqual({ kind: 'item', id: 'X' });
    expect(targetOf(record('ITEM#X', 'GUIDE'))).toBeUndefined();
    expect(targetOf(record('COMPLAINT#K1', 'EVALUATION'))).toBeUndefined();
  });
});
