/// <reference types="jest" />
import type { AssessmentReport, Figure } from '@ah-tourism/shared'
import { useLanguageForThisRun } from '@/i18n/catalogue'

/**
 * The report's words in English: the language is fixed for a run, so it is set before the modules load
 * (headings and pledges are computed once, as the app computes them at start-up).
 */
useLanguageForThisRun('en')
// eslint-disable-next-line @typescript-eslint/no-require-imports
const report = require('./report') as typeof import('./report')
// eslint-disable-next-line @typescript-eslint/no-require-imports
const chart = require('@/components/chart/options') as typeof import('@/components/chart/options')
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { exportFileName } = require('./export-name') as typeof import('./export-name')

afterAll(() => useLanguageForThisRun('zh-CN'))

const figure = (key: Figure['key'], unit: Figure['unit'], value: number | null, extra: Partial<Figure> = {}): Figure => ({ key, label: key, unit, value, ...extra })
const online = figure('casesOnline', 'ratio', 412 / 430, { label: 'Online applications', numerator: 412, denominator: 430, target: 0.9, met: true })
const one = figure('casesOnline', 'ratio', 1, { numerator: 1, denominator: 1 })
const days = figure('averageWorkingDays', 'days', 3.4, { numerator: 68, denominator: 20 })
const overdue = figure('overdueCases', 'count', 2, { target: 0, met: false })

describe('the assessment report in English', () => {
  it('says periods, months and range problems in English', () => {
    const now = new Date('2026-06-15T00:00:00Z')
    expect(report.rangeText({ from: '2025-11', to: '2026-03' })).toBe('Nov 2025 – Mar 2026')
    expect(report.rangeText({ from: '2026-03', to: '2026-03' })).toBe('Mar 2026')
    expect(report.monthLabel('2026-01', false)).toBe('Jan')
    expect(report.monthLabel('2025-12', true)).toBe('Dec 2025')
    expect(report.rangeProblem({ from: '2026-05', to: '2026-02' }, now)).toBe('The last month cannot be before the first month')
    expect(report.rangeProblem({ from: '2024-01', to: '2026-01' }, now)).toBe('At most 24 months at a time; please choose a shorter period')
  })

  it('writes figures with English nouns, plural where the count needs it', () => {
    expect(report.fractionText(online)).toBe('412 / 430 cases')
    expect(report.fractionText(one)).toBe('1 / 1 case')
    expect(report.fractionText(figure('itemsAtMostOneVisit', 'ratio', 1, { numerator: 52, denominator: 52 }))).toBe('52 / 52 service items')
    expect(report.fractionText(days)).toBe('68 working days in total / 20 cases')
    expect(report.valueText(days)).toBe('3.4 working days')
    expect(report.targetText(online)).toBe('Target ≥ 90.0%')
    expect(report.targetText(overdue)).toBe('Target 0')
    expect(report.verdict(overdue)).toEqual({ kind: 'missed', text: 'Target missed' })
    expect(report.figureSentence(online)).toBe('Cases applied for online, 95.8%, 412 / 430 cases, Target ≥ 90.0%, Target met')
    expect(report.trendChart({ from: '2026-01', to: '2026-02', months: [{ month: '2026-01', figures: [] }, { month: '2026-02', figures: [] }] } as unknown as AssessmentReport, 'overdueCases')).toMatchObject({ categories: ['Jan', 'Feb'], series: [{ name: 'Overdue cases' }] })
    expect(report.groupFigures([online, days]).map((group) => group.title)).toEqual(['Online services', 'Timeliness'])
  })

  it('gives the home page its pledges in English', () => {
    const withFigures = { figures: [online] } as unknown as AssessmentReport
    expect(report.pledgesFrom(withFigures).map((pledge) => pledge.text)).toEqual(['Online services 95.8%', 'At most one visit', 'One-time notice'])
  })

  it('names charts, targets and working days in English', () => {
    const data = { kind: 'line' as const, categories: ['Jan', 'Feb'], series: [{ name: 'x', values: [0.9, 0.95] }], unit: 'ratio' as const, target: 0.9 }
    expect(chart.chartSummary('Online applications (by month)', data)).toBe('Online applications (by month), line chart with 2 points, target 90.0%; the values are in the table below')
    expect(chart.chartSummary('Overdue', { ...data, kind: 'column', categories: ['Hefei'], target: undefined })).toBe('Overdue, bar chart with 1 point; the values are in the table below')
    expect(chart.formatChartValue('days', 3.46)).toBe('3.5 working days')
    const options = chart.chartOptions(data, { width: 300, height: 200, pixelRatio: 1 }) as { extra: { markLine: { data: { labelText: string }[] } } }
    expect(options.extra.markLine.data[0]!.labelText).toBe('Target 90.0%')
  })

  it('names the exported file in English', () => {
    expect(exportFileName('Anhui Province', { scope: 'province', from: '2026-01', to: '2026-06' })).toBe('Online_assessment_AnhuiProvince_2026-01_2026-06.csv')
  })
})
