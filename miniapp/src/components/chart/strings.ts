import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

/** Words on and around a chart: units, the target line, the canvas's accessible name and its table's. */
export const CHART_STRINGS = localize('components/chart/CHART_STRINGS', {
  workingDays: (value: string) => `${value} 个工作日`,
  /** Appended to the axis's numbers when a chart counts working days. */
  daysAxis: '天',
  target: (value: string) => `目标 ${value}`,
  tableLabel: (title: string) => `${title}（数据表）`,
  kind: { line: '折线图', column: '柱状图' },
  summaryTarget: (value: string) => `，目标 ${value}`,
  /** The canvas's accessible name: title, kind, how many points, the target part (or ''). */
  summary: (title: string, kind: string, count: number, target: string) => `${title}${kind}，共 ${count} 项${target}；数值见下表`,
} as const, en.CHART_STRINGS)
