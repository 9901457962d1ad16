import type { ImportResult } from '@ah-tourism/shared';
import { importReportCsv, importReportFileName } from './report-csv';

const result: ImportResult = {
  importId: '0001ABCDEFGHJKMNPQRSTV',
  organisationCode: '113410000039113649',
  importedAt: '2026-12-04T16:05:00.000Z',
  importedBy: '郑管理',
  source: 'national_tourism_system',
  sourceLabel: '全国旅游监管服务平台',
  format: 'csv',
  rows: 3,
  imported: 1,
  alreadyImported: 1,
  rejected: 1,
  deferred: 0,
  lines: [
    { row: 2, nationalCaseNumber: 'QG-1', outcome: 'imported', caseNumber: '20261102341000ABCDEFGH' },
    { row: 3, nationalCaseNumber: 'QG-2', outcome: 'already_imported', caseNumber: '20261102341000ABCDEFGJ' },
    { row: 4, nationalCaseNumber: '=HYPERLINK("x")', outcome: 'rejected', field: '办件编号', problem: '办件编号应为4-40位字母、数字、-或_' },
  ],
};

describe('the import report as a file', () => {
  it('is CSV with a BOM and CRLF, one line per outcome, a formula-looking cell defused and quoted', () => {
    expect(importReportCsv(result)).toBe(
      '\uFEFF行号,办件编号（全国旅游监管服务平台）,结果,字段,问题,本系统办件编号\r\n' +
        '2,QG-1,已导入,,,20261102341000ABCDEFGH\r\n' +
        '3,QG-2,已导入，未重复写入,,,20261102341000ABCDEFGJ\r\n' +
        `4,"'=HYPERLINK(""x"")",未导入,办件编号,办件编号应为4-40位字母、数字、-或_,\r\n`,
    );
  });

  it('is named by the China time of the import and the end of its id', () => {
    expect(importReportFileName(result)).toBe('national-import-202612050005-PQRSTV.csv');
  });
});
