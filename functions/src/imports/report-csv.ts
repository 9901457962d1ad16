import { IMPORT_ROW_OUTCOMES, type ImportResult } from '@ah-tourism/shared';

const BOM = '\uFEFF';

function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  // A cell starting with a formula character would run as a formula in a spreadsheet.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The row report for Excel: UTF-8 with a byte-order mark, one line per rejected field and one per written or skipped row. */
export function importReportCsv(result: ImportResult): string {
  const header = ['行号', '办件编号（全国旅游监管服务平台）', '结果', '字段', '问题', '本系统办件编号'];
  const lines = result.lines.map((line) => [line.row, line.nationalCaseNumber, IMPORT_ROW_OUTCOMES[line.outcome], line.field, line.problem, line.caseNumber].map(cell).join(','));
  return `${BOM}${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

export function importReportFileName(result: ImportResult): string {
  // China time as YYYYMMDDHHmm.
  const china = new Date(Date.parse(result.importedAt) + 8 * 3_600_000).toISOString().replace(/[^0-9]/g, '').slice(0, 12);
  return `national-import-${china}-${result.importId.slice(-6)}.csv`;
}
