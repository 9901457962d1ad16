import { FIGURE_KEYS, FIGURES, SCOPE_KIND_LABELS, type AssessmentReport, type Figure } from '@ah-tourism/shared';

/**
 * The report as CSV for Excel: UTF-8 with a byte-order mark (so Chinese opens correctly), one row for the
 * scope and one per child, each figure as its value (ratios in percent, one decimal; days one decimal)
 * followed, for ratios and averages, by its numerator and denominator.
 */
const BOM = '\uFEFF';

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A cell starting with a formula character would run as a formula in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const hasParts = (key: (typeof FIGURE_KEYS)[number]) => FIGURES[key].unit !== 'count';

function shown(figure: Figure | undefined): string | number | null {
  if (!figure || figure.value === null) return null;
  if (figure.unit === 'ratio') return Math.round(figure.value * 1000) / 10;
  if (figure.unit === 'days') return Math.round(figure.value * 10) / 10;
  return figure.value;
}

export function reportCsv(report: AssessmentReport): string {
  const header = ['范围', '代码', '名称', '起始月份', '截止月份'];
  for (const key of FIGURE_KEYS) {
    const definition = FIGURES[key];
    header.push(definition.unit === 'ratio' ? `${definition.label}(%)` : definition.unit === 'days' ? `${definition.label}(工作日)` : definition.label);
    if (hasParts(key)) header.push(`${definition.label}-分子`, `${definition.label}-分母`);
  }
  // The scope and its children over the period, then the scope month by month (catalog figures are empty there).
  const lines = [
    ...[report, ...report.children].map((row) => ({ kind: SCOPE_KIND_LABELS[row.scope.kind], scope: row.scope, from: report.from, to: report.to, figures: row.figures })),
    ...report.months.map((month) => ({ kind: `${SCOPE_KIND_LABELS[report.scope.kind]}（月度）`, scope: report.scope, from: month.month, to: month.month, figures: month.figures })),
  ];
  const rows = lines.map((row) => {
    const cells: (string | number | null)[] = [row.kind, row.scope.code, row.scope.name, row.from, row.to];
    for (const key of FIGURE_KEYS) {
      const figure = row.figures.find((f) => f.key === key);
      cells.push(shown(figure));
      if (hasParts(key)) cells.push(figure?.numerator ?? null, figure?.denominator ?? null);
    }
    return cells;
  });
  return BOM + [header, ...rows].map((cells) => cells.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function csvFileName(report: AssessmentReport): string {
  return `assessment-${report.scope.code}-${report.from}-${report.to}.csv`;
}
