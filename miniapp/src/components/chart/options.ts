/**
 * Plain chart data → the chart library's options. Pages describe a chart with categories, series, a unit
 * and an optional target line; only this folder knows the library (uCharts, canvas, weapp and H5 alike).
 * Pure functions, no Taro: unit-tested beside this file.
 */
import { CHART_STRINGS as S } from './strings'

export type ChartUnit = 'ratio' | 'count' | 'days'
export type ChartKind = 'line' | 'column'

export interface ChartSeries {
  name: string
  /** One value per category; null where there was nothing to measure (drawn as a gap, written as "—"). */
  values: (number | null)[]
}

export interface ChartData {
  kind: ChartKind
  categories: string[]
  series: ChartSeries[]
  /** A ratio is drawn and written as a percent of 0..100; counts and days as they are. */
  unit: ChartUnit
  /** The plan's target, drawn as a dashed line and named in words ("目标 90.0%"). */
  target?: number
}

/** High-contrast colours, distinguishable without colour too: series carry their name in the legend and the table. */
export const CHART_COLORS = ['#1a5fb4', '#c64600', '#26a269', '#613583', '#865e3c']
export const TARGET_COLOR = '#a51d2d'

/** What the canvas shows for a value: percent points for ratios (0.962 → 96.2). */
export function chartValue(unit: ChartUnit, value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null
  return unit === 'ratio' ? Math.round(value * 1000) / 10 : Math.round(value * 10) / 10
}

/** A value in words, as the table beside the chart and the labels on it write it. */
export function formatChartValue(unit: ChartUnit, value: number | null): string {
  const shown = chartValue(unit, value)
  if (shown === null) return '—'
  if (unit === 'ratio') return `${shown.toFixed(1)}%`
  if (unit === 'days') return S.workingDays(shown.toFixed(1))
  return String(shown)
}

const axisSuffix = (unit: ChartUnit) => (unit === 'ratio' ? '%' : unit === 'days' ? S.daysAxis : '')

/** The highest value the axis must reach (values and target), so the target line is always on the chart. */
export function axisMax(data: ChartData): number {
  const values = data.series.flatMap((series) => series.values.map((value) => chartValue(data.unit, value) ?? 0))
  const target = data.target === undefined ? 0 : chartValue(data.unit, data.target) ?? 0
  const top = Math.max(0, target, ...values)
  if (data.unit === 'ratio') return 100
  if (top <= 5) return 5
  // A round number above the top: 10, 20, 50, 100, 200…
  const magnitude = 10 ** Math.floor(Math.log10(top))
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= top) ?? 10 * magnitude
  return step
}

/** The width (design px) each category needs to be read level on a phone; wider charts scroll sideways. */
export const CATEGORY_WIDTH: Record<ChartKind, number> = { line: 36, column: 56 }

/** How wide to draw a chart in a box `boxWidth` wide: the box, or wider (scrolling) when the categories need it. */
export function drawingWidth(data: ChartData, boxWidth: number): number {
  return Math.max(boxWidth, data.categories.length * CATEGORY_WIDTH[data.kind] + 48)
}

const isWide = (char: string) => /[\u3000-\u9fff\uff00-\uffef]/.test(char)

/**
 * A short label for an axis category: long organisation names are cut so the axis stays readable on a
 * phone. `max` counts full-width (Chinese) characters; a Latin letter takes half of one, so an English
 * name keeps about twice as many letters.
 */
export function shortLabel(label: string, max = 4): string {
  const chars = Array.from(label)
  const width = (part: string[]) => part.reduce((sum, char) => sum + (isWide(char) ? 1 : 0.5), 0)
  if (width(chars) <= max) return label
  const kept: string[] = []
  for (const char of chars) {
    if (width([...kept, char]) > max - 1) break
    kept.push(char)
  }
  return `${kept.join('')}…`
}

export interface ChartSize {
  width: number
  height: number
  pixelRatio: number
}

/** About how wide the target's label is drawn at 11 px (CJK full width, the rest about half), with its padding. */
export function labelWidth(text: string): number {
  return Array.from(text).reduce((sum, char) => sum + (isWide(char) ? 11 : 6.5), 0) + 14
}

/** The library's options for one chart, without the drawing context (the canvas adds it). */
export function chartOptions(data: ChartData, size: ChartSize): Record<string, unknown> {
  const unit = data.unit
  const format = (value: number | null) => (value === null ? '' : unit === 'ratio' ? `${value.toFixed(1)}%` : String(value))
  const target = data.target === undefined ? undefined : chartValue(unit, data.target)
  // Enough room per category (the surface scrolls sideways rather than squeeze): labels stay level.
  const room = size.width / Math.max(1, data.categories.length)
  const many = room < CATEGORY_WIDTH[data.kind] - 0.5
  return {
    type: data.kind,
    width: size.width * size.pixelRatio,
    height: size.height * size.pixelRatio,
    pixelRatio: size.pixelRatio,
    animation: false,
    background: '#FFFFFF',
    fontSize: 12,
    fontColor: '#1f2329',
    color: CHART_COLORS,
    padding: [18, 16, 6, 6],
    dataLabel: data.kind === 'column' && !many,
    dataPointShape: true,
    categories: data.kind === 'column' ? data.categories.map((label) => shortLabel(label)) : data.categories,
    series: data.series.map((series) => ({
      name: series.name,
      data: series.values.map((value) => chartValue(unit, value)),
      formatter: (value: number | null) => format(value),
    })),
    legend: { show: data.series.length > 1, fontColor: '#1f2329' },
    xAxis: { disableGrid: true, fontColor: '#1f2329', fontSize: 12, rotateLabel: many, rotateAngle: 40 },
    yAxis: {
      gridType: 'dash',
      dashLength: 4,
      gridColor: '#d0d4da',
      data: [{ min: 0, max: axisMax(data), fontColor: '#1f2329', fontSize: 12, unit: axisSuffix(unit), tofix: 0 }],
    },
    extra: {
      column: { type: 'group', width: Math.max(10, Math.min(28, room * 0.45)), activeBgColor: '#000000', activeBgOpacity: 0.08 },
      line: { type: 'straight', width: 2, activeType: 'hollow' },
      tooltip: { showBox: false },
      ...(target === undefined || target === null
        ? {}
        : {
            markLine: {
              type: 'dash',
              dashLength: 6,
              data: [{ value: target, lineColor: TARGET_COLOR, showLabel: true, labelText: S.target(format(target)), labelFontColor: TARGET_COLOR, labelBgColor: '#FFFFFF', labelBgOpacity: 0.9, labelAlign: 'left', labelOffsetX: (labelWidth(S.target(format(target))) + 4) * size.pixelRatio, labelFontSize: 11 }],
            },
          }),
    },
  }
}

/** The same numbers as the chart, row by row, for the table under it (and screen readers). */
export interface ChartRow {
  category: string
  cells: string[]
}

export function chartRows(data: ChartData): ChartRow[] {
  return data.categories.map((category, index) => ({
    category,
    cells: data.series.map((series) => formatChartValue(data.unit, series.values[index] ?? null)),
  }))
}

/** One sentence for the canvas's accessible name: what it shows and how many points. */
export function chartSummary(title: string, data: ChartData): string {
  const target = data.target === undefined ? '' : S.summaryTarget(formatChartValue(data.unit, data.target))
  return S.summary(title, S.kind[data.kind], data.categories.length, target)
}

/** Whether there is anything to draw: at least one measured value. */
export function hasValues(data: ChartData): boolean {
  return data.categories.length > 0 && data.series.some((series) => series.values.some((value) => value !== null))
}
