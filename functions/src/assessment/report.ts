import { FIGURE_KEYS, FIGURES, meetsTarget, type AssessmentScope, type Figure, type FigureKey } from '@ah-tourism/shared';
import { CATALOG_COUNTERS, ITEM_FIGURE_COUNTERS, type CatalogCounter } from './catalog-fold';
import { CASE_COUNTERS, type CaseCounter } from './fold';

/**
 * Counters → figures (pure). A report reads the scope's year items of the period (a year item holds the
 * scope's monthly counters and, for a city or the province, each child's) and its catalog item, and
 * computes every figure from sums: a ratio keeps its numerator and denominator, and is null when there is
 * nothing to measure.
 */

export type Totals = Partial<Record<CaseCounter, number>>;
export type CatalogTotals = Partial<Record<CatalogCounter, number>>;
/** A stored year or catalog item: counter attributes, names, the last change. */
export type AggregateItem = Record<string, unknown>;

/** The months of a period, 'yyyy-MM', oldest first. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    if (current > to) break;
    months.push(current);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

const num = (value: unknown) => (typeof value === 'number' ? value : 0);

/** The counters of one month of a scope (or of one child, with `prefix` `c#<child>#`) from its year item. */
export function monthTotals(yearItem: AggregateItem | undefined, month: string, prefix = ''): Totals {
  const totals: Totals = {};
  if (!yearItem) return totals;
  const mm = `m${month.slice(5, 7)}#`;
  for (const counter of CASE_COUNTERS) {
    const value = num(yearItem[`${prefix}${mm}${counter}`]);
    if (value) totals[counter] = value;
  }
  return totals;
}

export function addTotals(a: Totals, b: Totals): Totals {
  const sum: Totals = { ...a };
  for (const [counter, value] of Object.entries(b) as [CaseCounter, number][]) sum[counter] = (sum[counter] ?? 0) + value;
  return sum;
}

export function catalogTotals(item: AggregateItem | undefined, prefix = ''): CatalogTotals {
  const totals: CatalogTotals = {};
  for (const counter of CATALOG_COUNTERS) totals[counter] = num(item?.[`${prefix}${counter}`]);
  return totals;
}

const RATIOS: Partial<Record<FigureKey, readonly [CaseCounter | CatalogCounter, CaseCounter | CatalogCounter]>> = {
  ...ITEM_FIGURE_COUNTERS,
  casesOnline: ['subOn', 'sub'],
  onTimeRate: ['onTime', 'done'],
  averageWorkingDays: ['wd', 'done'],
  averagePromisedDays: ['pd', 'done'],
  publicServiceWithinOneDay: ['ps1', 'ps'],
  noticesWithinFiveDays: ['ntc5', 'ntc'],
  satisfactionRate: ['evOk', 'ev'],
  rectificationRate: ['badFixed', 'bad'],
  callbackRate: ['badCalled', 'bad'],
};
const COUNTS: Partial<Record<FigureKey, CaseCounter>> = { visitsBooked: 'visit', overdueCases: 'late', overdueRectifications: 'rectLate' };
const CATALOG_FIGURES = new Set<FigureKey>(FIGURE_KEYS.filter((key) => FIGURES[key].drill === 'items'));

/** Every figure, in the model's order. Without a catalog (a month of the trend) the catalog figures are null. */
export function figuresOf(totals: Totals, catalog?: CatalogTotals): Figure[] {
  const values: Record<string, number> = { ...(catalog ?? {}), ...totals };
  return FIGURE_KEYS.map((key) => {
    const definition = FIGURES[key];
    const base = { key, label: definition.label, unit: definition.unit, ...('target' in definition ? { target: definition.target } : {}) };
    const ratio = RATIOS[key];
    let value: number | null;
    let parts: { numerator?: number; denominator?: number } = {};
    if (CATALOG_FIGURES.has(key) && !catalog) value = null;
    else if (ratio) {
      const numerator = values[ratio[0]] ?? 0;
      const denominator = values[ratio[1]] ?? 0;
      value = denominator ? numerator / denominator : null;
      parts = { numerator, denominator };
    } else value = values[COUNTS[key]!] ?? 0;
    const met = meetsTarget(key, value);
    return { ...base, value, ...parts, ...(met === undefined ? {} : { met }) };
  });
}

/** The children a scope's items name (`n#<code>`), with their names. */
export function childrenOf(items: (AggregateItem | undefined)[]): Map<string, string> {
  const children = new Map<string, string>();
  for (const item of items) {
    for (const [attribute, value] of Object.entries(item ?? {})) {
      if (attribute.startsWith('n#') && typeof value === 'string') children.set(attribute.slice(2), value);
    }
  }
  return children;
}

/** A child's scope: a 6-digit region code is a city, anything else an organisation's credit code. */
export function childScope(code: string, name: string): AssessmentScope {
  return /^\d{6}$/.test(code) ? { kind: 'city', code, name, query: `city:${code}` } : { kind: 'organisation', code, name, query: `organisation:${code}` };
}

/** Months of the trend, the totals and each child's totals, from the year items and the catalog item of a scope. */
export function buildReport(input: { scope: AssessmentScope; from: string; to: string; years: Map<string, AggregateItem | undefined>; catalog?: AggregateItem }) {
  const months = monthsOf(input.from, input.to);
  let totals: Totals = {};
  const monthly = months.map((month) => {
    const m = monthTotals(input.years.get(month.slice(0, 4)), month);
    totals = addTotals(totals, m);
    return { month, figures: figuresOf(m) };
  });
  const yearItems = [...input.years.values()];
  const names = childrenOf([...yearItems, input.catalog]);
  const children = [...names]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, name]) => {
      let childTotals: Totals = {};
      for (const month of months) childTotals = addTotals(childTotals, monthTotals(input.years.get(month.slice(0, 4)), month, `c#${code}#`));
      return { scope: childScope(code, name), figures: figuresOf(childTotals, catalogTotals(input.catalog, `c#${code}#`)) };
    });
  const asOf = [...yearItems, input.catalog]
    .map((item) => item?.updatedAt)
    .filter((at): at is string => typeof at === 'string')
    .sort()
    .at(-1);
  return { scope: input.scope, from: input.from, to: input.to, asOf: asOf ?? null, figures: figuresOf(totals, catalogTotals(input.catalog)), months: monthly, children };
}
