/// <reference types="jest" />
import type { AssessmentReport, Figure } from '@ah-tourism/shared'
import {
  childrenChart,
  chinaMonth,
  figureSentence,
  fractionText,
  groupFigures,
  initialPeriod,
  isEmptyReport,
  monthLabel,
  monthsBetween,
  opensCases,
  opensItems,
  PLAIN_PLEDGES,
  pledgesFrom,
  presetRange,
  rangeProblem,
  rangeText,
  targetText,
  trendChart,
  valueText,
  verdict,
} from './report'
import { FIGURE_KEYS, FIGURES } from '@ah-tourism/shared/src/assessment/model'
import { FIGURE_NAMES } from './strings'

const figure = (key: Figure['key'], unit: Figure['unit'], value: number | null, extra: Partial<Figure> = {}): Figure => ({ key, label: key, unit, value, ...extra })

const scope = (kind: 'province' | 'city' | 'organisation', code: string, name: string) => ({ kind, code, name, query: kind === 'province' ? 'province' : `${kind}:${code}` })

const report: AssessmentReport = {
  scope: scope('province', '340000', '安徽省'),
  from: '2026-01',
  to: '2026-03',
  asOf: '2026-03-20T08:00:00.000Z',
  figures: [
    figure('casesOnline', 'ratio', 412 / 430, { label: '网上申请办件占比', numerator: 412, denominator: 430, target: 0.9, met: true }),
    figure('itemsAtMostOneVisit', 'ratio', 1, { label: '最多跑一次事项占比', numerator: 52, denominator: 52, target: 1, met: true }),
    figure('noticesWithinFiveDays', 'ratio', 0.98, { label: '一次性告知按时率', numerator: 49, denominator: 50, target: 1, met: false }),
    figure('averageWorkingDays', 'days', 3.4, { label: '平均办理用时', numerator: 68, denominator: 20 }),
    figure('overdueCases', 'count', 2, { label: '超期办件', target: 0, met: false }),
    figure('satisfactionRate', 'ratio', null, { label: '满意率', numerator: 0, denominator: 0, target: 0.95 }),
  ],
  months: [
    { month: '2026-01', figures: [figure('casesOnline', 'ratio', 0.95)] },
    { month: '2026-02', figures: [figure('casesOnline', 'ratio', null)] },
    { month: '2026-03', figures: [figure('casesOnline', 'ratio', 0.97)] },
  ],
  children: [
    { scope: scope('city', '340100', '合肥市'), figures: [figure('casesOnline', 'ratio', 0.96)] },
    { scope: scope('city', '341000', '黄山市'), figures: [figure('casesOnline', 'ratio', 0.88)] },
  ],
}

describe('periods', () => {
  // 2026-05-31 20:00 UTC is already 1 June in China.
  const lateMay = new Date('2026-05-31T20:00:00Z')

  it('counts months in China (UTC+8)', () => {
    expect(chinaMonth(lateMay)).toBe('2026-06')
  })

  it('本月, 本季度 and 本年 end with this month', () => {
    expect(presetRange('month', lateMay)).toEqual({ from: '2026-06', to: '2026-06' })
    expect(presetRange('quarter', lateMay)).toEqual({ from: '2026-04', to: '2026-06' })
    expect(presetRange('year', lateMay)).toEqual({ from: '2026-01', to: '2026-06' })
    expect(presetRange('quarter', new Date('2026-12-01T00:00:00Z'))).toEqual({ from: '2026-10', to: '2026-12' })
  })

  it('refuses a custom range in words: order, future start, more than 24 months, a missing month', () => {
    const now = new Date('2026-06-15T00:00:00Z')
    expect(rangeProblem({ from: '2026-01', to: '2026-06' }, now)).toBeNull()
    expect(rangeProblem({ from: '2026-05', to: '2026-02' }, now)).toBe('截止月份不能早于起始月份')
    expect(rangeProblem({ from: '2026-08', to: '2026-09' }, now)).toBe('起始月份不能晚于本月')
    expect(rangeProblem({ from: '2024-01', to: '2026-01' }, now)).toBe('一次最多统计24个月，请缩短期间')
    expect(rangeProblem({ from: '2024-02', to: '2026-01' }, now)).toBeNull()
    expect(rangeProblem({ from: '', to: '2026-01' }, now)).toBe('请选择起始月份')
    expect(rangeProblem({ from: '2026-01', to: '2026-13' }, now)).toBe('请选择截止月份')
  })

  it('opens with the period the address names, else 本年; a range that cannot be asked for is ignored', () => {
    const now = new Date('2026-06-15T00:00:00Z')
    expect(initialPeriod({}, now)).toEqual({ preset: 'year', from: '2026-01', to: '2026-06' })
    expect(initialPeriod({ preset: 'quarter' }, now)).toEqual({ preset: 'quarter', from: '2026-04', to: '2026-06' })
    expect(initialPeriod({ from: '2025-11', to: '2026-02' }, now)).toEqual({ preset: 'custom', from: '2025-11', to: '2026-02' })
    expect(initialPeriod({ from: '2026-04', to: '2026-06', preset: 'quarter' }, now)).toEqual({ preset: 'quarter', from: '2026-04', to: '2026-06' })
    expect(initialPeriod({ from: '2026-05', to: '2026-02' }, now)).toEqual({ preset: 'year', from: '2026-01', to: '2026-06' })
    expect(initialPeriod({ from: 'x', to: 'y', preset: 'bogus' }, now)).toEqual({ preset: 'year', from: '2026-01', to: '2026-06' })
  })

  it('counts months both ends included and writes a period in words', () => {
    expect(monthsBetween('2025-11', '2026-02')).toBe(4)
    expect(rangeText({ from: '2026-01', to: '2026-03' })).toBe('2026年1月—2026年3月')
    expect(rangeText({ from: '2026-03', to: '2026-03' })).toBe('2026年3月')
  })
})

describe('figures in words', () => {
  it('groups figures under the plan’s headings, in order, leaving out empty headings', () => {
    const groups = groupFigures(report.figures)
    expect(groups.map((g) => g.title)).toEqual(['网上办理', '跑动次数', '时效', '一次性告知', '评价与整改'])
    expect(groups[2]!.figures.map((f) => f.key)).toEqual(['averageWorkingDays', 'overdueCases'])
    expect(groupFigures([report.figures[0]!]).map((g) => g.title)).toEqual(['网上办理'])
  })

  it('writes value, counts over counts, target and 达标 / 未达标 in words', () => {
    const [online, visits, notices, days, overdue, satisfaction] = report.figures as [Figure, Figure, Figure, Figure, Figure, Figure]
    expect(valueText(online)).toBe('95.8%')
    expect(fractionText(online)).toBe('412 / 430 件')
    expect(fractionText(visits)).toBe('52 / 52 项')
    expect(fractionText(notices)).toBe('49 / 50 份')
    expect(fractionText(days)).toBe('共 68 个工作日 / 20 件')
    expect(fractionText(overdue)).toBe('')
    expect(targetText(online)).toBe('目标 ≥ 90.0%')
    expect(targetText(overdue)).toBe('目标 0')
    expect(targetText(days)).toBe('')
    expect(verdict(online)).toEqual({ kind: 'met', text: '达标' })
    expect(verdict(notices)).toEqual({ kind: 'missed', text: '未达标' })
    expect(verdict(days)).toEqual({ kind: 'none', text: '不设目标' })
    expect(verdict(satisfaction)).toEqual({ kind: 'nodata', text: '暂无数据' })
    expect(valueText(satisfaction)).toBe('—')
  })

  it('says a whole card in one sentence for screen readers', () => {
    expect(figureSentence(report.figures[0]!)).toBe('网上申请办件占比，95.8%，412 / 430 件，目标 ≥ 90.0%，达标')
  })

  it('opens cases only for figures that count cases', () => {
    expect(opensCases('casesOnline')).toBe(true)
    expect(opensCases('itemsOnline')).toBe(false)
    expect(opensCases('averagePromisedDays')).toBe(false)
  })

  it('opens items for the four catalog figures, and nothing for the average of promised days', () => {
    expect(['itemsOnline', 'itemsAtMostOneVisit', 'itemsZeroVisit', 'itemsZeroVisitOutsideNegativeList'].every((key) => opensItems(key as never))).toBe(true)
    expect(opensItems('casesOnline')).toBe(false)
    expect(opensItems('averagePromisedDays')).toBe(false)
  })

  it('knows a period without cases: catalog figures and zero counts do not make it non-empty', () => {
    expect(isEmptyReport(report)).toBe(false)
    const noCases = report.figures.map((f) => (f.key === 'itemsAtMostOneVisit' ? f : f.unit === 'count' ? { ...f, value: 0 } : { ...f, value: null }))
    expect(isEmptyReport({ ...report, figures: noCases })).toBe(true)
    expect(isEmptyReport({ ...report, figures: [...noCases, figure('averageWorkingDays', 'days', 2)] })).toBe(false)
  })
})

describe('chart data from a report', () => {
  it('draws a figure month by month with its target, a month without cases as a gap', () => {
    expect(trendChart(report, 'casesOnline')).toEqual({
      kind: 'line',
      categories: ['1月', '2月', '3月'],
      series: [{ name: '网上申请办件占比', values: [0.95, null, 0.97] }],
      unit: 'ratio',
      target: 0.9,
    })
  })

  it('names the year on the axis when the period spans years', () => {
    expect(monthLabel('2025-12', true)).toBe('2025年12月')
    const spanning = { ...report, from: '2025-12', months: [{ month: '2025-12', figures: [] }, ...report.months] }
    expect(trendChart(spanning, 'casesOnline').categories[0]).toBe('2025年12月')
    expect(trendChart(spanning, 'casesOnline').series[0]!.values[0]).toBeNull()
  })

  it('compares the children on a bar chart, in the report’s order', () => {
    expect(childrenChart(report, 'casesOnline')).toEqual({
      kind: 'column',
      categories: ['合肥市', '黄山市'],
      series: [{ name: '网上申请办件占比', values: [0.96, 0.88] }],
      unit: 'ratio',
      target: 0.9,
    })
    expect(childrenChart(report, 'overdueCases').series[0]!.values).toEqual([null, null])
    expect(childrenChart(report, 'averageWorkingDays').target).toBeUndefined()
  })
})

describe('figure names', () => {
  it('are the same Chinese as shared (which the server writes into reports)', () => {
    expect(Object.fromEntries(FIGURE_KEYS.map((key) => [key, { ...FIGURE_NAMES[key] }]))).toEqual(
      Object.fromEntries(FIGURE_KEYS.map((key) => [key, { label: FIGURES[key].label, description: FIGURES[key].description }])),
    )
  })
})

describe('the home page’s pledges', () => {
  it('show the province’s figures', () => {
    expect(pledgesFrom(report).map((p) => p.text)).toEqual(['网上办理 95.8%', '最多跑一次 100.0%', '一次性告知 按时率 98.0%'])
    expect(pledgesFrom(report).map((p) => p.met)).toEqual([true, true, false])
  })

  it('fall back to the plain words without a report, and per figure without a value', () => {
    expect(pledgesFrom(null)).toEqual(PLAIN_PLEDGES)
    const partial = { ...report, figures: report.figures.map((f) => (f.key === 'itemsAtMostOneVisit' ? { ...f, value: null } : f)) }
    expect(pledgesFrom(partial).map((p) => p.text)).toEqual(['网上办理 95.8%', '最多跑一次', '一次性告知 按时率 98.0%'])
  })
})
