/**
 * The assessment report as the screens show it: periods, figure groups, "412 / 430 件", 达标 or 未达标
 * in words, the chart data of a figure by month and across the scopes one level down, and the home
 * page's pledges. Pure functions (no Taro), unit-tested beside this file.
 */
import type { AssessmentReport, Figure, FigureKey } from '@ah-tourism/shared'
import { FIGURES, formatFigure, type FigureDefinition } from '@ah-tourism/shared/src/assessment/model'
import type { ChartData } from '@/components/chart/options'
import { FIGURE_NAMES, REPORT_STRINGS as R } from './strings'

// ---------------------------------------------------------------------------------------------
// Periods: whole months in China (UTC+8).

export type PeriodPreset = 'month' | 'quarter' | 'year' | 'custom'

export interface MonthRange {
  from: string
  to: string
}

/** At most this many months in one report (the API's limit). */
export const MAX_MONTHS = 24

const pad = (n: number) => String(n).padStart(2, '0')

/** This month in China as YYYY-MM. */
export function chinaMonth(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7)
}

/** 本月, 本季度 (from its first month to this one) or 本年 (January to this month). */
export function presetRange(preset: Exclude<PeriodPreset, 'custom'>, now: Date = new Date()): MonthRange {
  const to = chinaMonth(now)
  const year = Number(to.slice(0, 4))
  const month = Number(to.slice(5, 7))
  if (preset === 'month') return { from: to, to }
  if (preset === 'quarter') return { from: `${year}-${pad(Math.floor((month - 1) / 3) * 3 + 1)}`, to }
  return { from: `${year}-01`, to }
}

/** How many months from `from` to `to`, both included (0 or less when in the wrong order). */
export function monthsBetween(from: string, to: string): number {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1
  return index(to) - index(from) + 1
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

/** What is wrong with a chosen range, in words; null when it can be asked for. */
export function rangeProblem(range: MonthRange, now: Date = new Date()): string | null {
  if (!MONTH.test(range.from)) return R.chooseFrom
  if (!MONTH.test(range.to)) return R.chooseTo
  if (range.to < range.from) return R.toBeforeFrom
  if (range.from > chinaMonth(now)) return R.fromAfterNow
  if (monthsBetween(range.from, range.to) > MAX_MONTHS) return R.tooManyMonths(MAX_MONTHS)
  return null
}

export interface Period extends MonthRange {
  preset: PeriodPreset
}

const isPreset = (value: string | undefined): value is Exclude<PeriodPreset, 'custom'> => value === 'month' || value === 'quarter' || value === 'year'

/**
 * The period a page opens with: the one its address names (a drill-down keeps the period it came from),
 * else 本年 (January to this month). A range in the address that could not be asked for is ignored.
 */
export function initialPeriod(params: { from?: string; to?: string; preset?: string }, now: Date = new Date()): Period {
  if (params.from && params.to && !rangeProblem({ from: params.from, to: params.to }, now)) {
    return { preset: isPreset(params.preset) ? params.preset : 'custom', from: params.from, to: params.to }
  }
  const preset = isPreset(params.preset) ? params.preset : 'year'
  return { preset, ...presetRange(preset, now) }
}

/** The month's name alone: "3月" ("Mar"). */
export function monthName(month: string): string {
  return R.monthNames[Number(month.slice(5, 7)) - 1] ?? month
}

/** A month with its year: "2026年3月" ("Mar 2026"). */
export function yearMonthText(month: string): string {
  return R.yearMonth(month.slice(0, 4), monthName(month))
}

/** "2026年1月—2026年6月", "2026年3月". */
export function rangeText(range: MonthRange): string {
  return range.from === range.to ? yearMonthText(range.from) : `${yearMonthText(range.from)}${R.rangeDash}${yearMonthText(range.to)}`
}

// ---------------------------------------------------------------------------------------------
// Figures.

export interface FigureGroup {
  title: string
  keys: FigureKey[]
}

/** The plan's headings, in the order the dashboard shows them. */
export const FIGURE_GROUPS: FigureGroup[] = [
  { title: R.groups.online, keys: ['itemsOnline', 'casesOnline'] },
  { title: R.groups.visits, keys: ['itemsAtMostOneVisit', 'itemsZeroVisit', 'itemsZeroVisitOutsideNegativeList', 'visitsBooked'] },
  { title: R.groups.time, keys: ['onTimeRate', 'averageWorkingDays', 'averagePromisedDays', 'publicServiceWithinOneDay', 'overdueCases'] },
  { title: R.groups.notice, keys: ['noticesWithinFiveDays'] },
  { title: R.groups.evaluation, keys: ['satisfactionRate', 'rectificationRate', 'callbackRate', 'overdueRectifications'] },
]

/** The report's figures under their headings; figures the report lacks are left out, headings without figures too. */
export function groupFigures(figures: Figure[]): { title: string; figures: Figure[] }[] {
  const byKey = new Map(figures.map((figure) => [figure.key, figure]))
  return FIGURE_GROUPS.map((group) => ({ title: group.title, figures: group.keys.flatMap((key) => byKey.get(key) ?? []) })).filter(
    (group) => group.figures.length > 0,
  )
}

/** What a ratio counts: items of the catalog, evaluations, notices or cases. */
function countNoun(key: FigureKey): keyof typeof R.fraction {
  if (FIGURES[key].drill === 'items') return 'items'
  if (key === 'satisfactionRate' || key === 'rectificationRate' || key === 'callbackRate') return 'evaluations'
  if (key === 'noticesWithinFiveDays') return 'notices'
  return 'cases'
}

/** A value of the figure in words ("96.2%", "3.4 个工作日", "2"); working days in the language of this run. */
function figureValueText(key: FigureKey, value: number | null): string {
  if (value !== null && FIGURES[key].unit === 'days') return R.workingDays((Math.round(value * 10) / 10).toFixed(1))
  return formatFigure(key, value)
}

/** The figure's value in words ("96.2%", "3.4 个工作日", "2"). */
export function valueText(figure: Figure): string {
  return figureValueText(figure.key, figure.value)
}

/** "412 / 430 件" for a ratio, "总计 68 个工作日 / 20 件" for an average; '' when the report gives no counts. */
export function fractionText(figure: Figure): string {
  if (figure.numerator === undefined || figure.denominator === undefined || figure.value === null) return ''
  if (figure.unit === 'days') return R.daysFraction(figure.denominator, round1(figure.numerator))
  if (figure.unit === 'ratio') return R.fraction[countNoun(figure.key)](figure.denominator, figure.numerator)
  return ''
}

const round1 = (n: number) => String(Math.round(n * 10) / 10)

/** A figure's definition, widened so optional fields (target, lowerIsBetter) can be read. */
const definitionOf = (key: FigureKey): FigureDefinition => FIGURES[key]

/** The target in words: "目标 ≥ 90.0%", "目标 0 件"; '' when the plan names none. */
export function targetText(figure: Pick<Figure, 'key' | 'unit' | 'target'>): string {
  const target = figure.target ?? definitionOf(figure.key).target
  if (target === undefined) return ''
  if (figure.unit === 'ratio') return R.targetAtLeast(figureValueText(figure.key, target))
  const lower = !!definitionOf(figure.key).lowerIsBetter
  const bound = lower ? R.targetAtMost : R.targetAtLeast
  if (figure.unit === 'count') return target === 0 ? R.targetZero : bound(String(target))
  return bound(figureValueText(figure.key, target))
}

export type Verdict = 'met' | 'missed' | 'none' | 'nodata'

/** 达标 / 未达标 (said in words, never by colour alone); 无目标 figures and empty periods say so. */
export function verdict(figure: Figure): { kind: Verdict; text: string } {
  if (figure.value === null) return { kind: 'nodata', text: R.verdicts.nodata }
  if (figure.met === true) return { kind: 'met', text: R.verdicts.met }
  if (figure.met === false) return { kind: 'missed', text: R.verdicts.missed }
  return { kind: 'none', text: R.verdicts.none }
}

/** The figure's name in the language of this run (the report's own label for a figure this app does not know). */
export function figureLabel(figure: Pick<Figure, 'key' | 'label'>): string {
  return (FIGURE_NAMES as Partial<Record<string, { label: string }>>)[figure.key]?.label ?? figure.label
}

/** Everything a card says, in one sentence for screen readers. */
export function figureSentence(figure: Figure): string {
  return [figureLabel(figure), valueText(figure), fractionText(figure), targetText(figure), verdict(figure).text].filter(Boolean).join(R.sentenceSeparator)
}

/** Whether tapping the figure opens the cases behind it. Catalog figures count items, not cases. */
export function opensCases(key: FigureKey): boolean {
  return FIGURES[key].drill === 'cases'
}

/** Whether tapping the figure opens the published items behind it (the four catalog figures). */
export function opensItems(key: FigureKey): boolean {
  return FIGURES[key].drill === 'items'
}

/**
 * Whether the period has no cases at all (本期暂无办件): no figure about cases has a rate or an average.
 * Catalog figures (items) have values whatever the period, and counts are 0 rather than empty.
 */
export function isEmptyReport(report: AssessmentReport): boolean {
  return report.figures.every((figure) => FIGURES[figure.key].drill === 'items' || figure.unit === 'count' || figure.value === null)
}

// ---------------------------------------------------------------------------------------------
// Charts.

/** "1月" within one year; "2025年12月" when the period spans years. */
export function monthLabel(month: string, spansYears: boolean): string {
  return spansYears ? yearMonthText(month) : monthName(month)
}

const figureOf = (figures: Figure[], key: FigureKey) => figures.find((figure) => figure.key === key)

/** One figure month by month: a line chart with the target line. */
export function trendChart(report: AssessmentReport, key: FigureKey): ChartData {
  const spansYears = report.from.slice(0, 4) !== report.to.slice(0, 4)
  const definition = definitionOf(key)
  return {
    kind: 'line',
    categories: report.months.map((month) => monthLabel(month.month, spansYears)),
    series: [{ name: FIGURE_NAMES[key].label, values: report.months.map((month) => figureOf(month.figures, key)?.value ?? null) }],
    unit: definition.unit,
    target: definition.target,
  }
}

/** One figure across the scopes one level down (the cities, or a city's organisations): a bar chart. */
export function childrenChart(report: AssessmentReport, key: FigureKey): ChartData {
  const definition = definitionOf(key)
  return {
    kind: 'column',
    categories: report.children.map((child) => child.scope.name),
    series: [{ name: FIGURE_NAMES[key].label, values: report.children.map((child) => figureOf(child.figures, key)?.value ?? null) }],
    unit: definition.unit,
    target: definition.target,
  }
}

/** The figures a chart can show (those with a unit the chart can draw), for the figure picker. */
export const CHART_FIGURES: FigureKey[] = FIGURE_GROUPS.flatMap((group) => group.keys).filter((key) => key !== 'averagePromisedDays')

// ---------------------------------------------------------------------------------------------
// The home page's pledges.

export interface Pledge {
  key: string
  text: string
  /** Whether the figure meets the plan's target; undefined for the plain words. */
  met?: boolean
}

/** The plain pledge words, when the figures cannot be loaded. */
export const PLAIN_PLEDGES: Pledge[] = [
  { key: 'online', text: R.pledges.online },
  { key: 'visits', text: R.pledges.visits },
  { key: 'notice', text: R.pledges.notice },
]

const PLEDGE_FIGURES: { key: string; words: string; figure: FigureKey }[] = [
  { key: 'online', words: R.pledges.online, figure: 'casesOnline' },
  { key: 'visits', words: R.pledges.visits, figure: 'itemsAtMostOneVisit' },
  { key: 'notice', words: R.pledges.noticeOnTime, figure: 'noticesWithinFiveDays' },
]

/** "网上办理 96.2%", "最多跑一次 100.0%", "一次性告知 按时率 98.0%"; a figure without a value keeps its plain words. */
export function pledgesFrom(report: AssessmentReport | null): Pledge[] {
  if (!report) return PLAIN_PLEDGES
  return PLEDGE_FIGURES.map((pledge, index) => {
    const figure = figureOf(report.figures, pledge.figure)
    if (!figure || figure.value === null) return PLAIN_PLEDGES[index]!
    return { key: pledge.key, text: `${pledge.words} ${figureValueText(pledge.figure, figure.value)}`, met: figure.met }
  })
}
