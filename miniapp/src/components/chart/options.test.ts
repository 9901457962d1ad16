/// <reference types="jest" />
import { axisMax, CATEGORY_WIDTH, chartOptions, drawingWidth, chartRows, chartSummary, chartValue, formatChartValue, hasValues, labelWidth, shortLabel, type ChartData } from './options'

const trend: ChartData = {
  kind: 'line',
  categories: ['1月', '2月', '3月'],
  series: [{ name: '网上申请办件占比', values: [0.9581, null, 1] }],
  unit: 'ratio',
  target: 0.9,
}

const cities: ChartData = {
  kind: 'column',
  categories: ['合肥市', '黄山市文化和旅游局（市旅游发展委员会）'],
  series: [{ name: '超期办件', values: [3, 12] }],
  unit: 'count',
  target: 0,
}

describe('chart values and their words', () => {
  it('draws ratios as percent points with one decimal and writes them with a percent sign', () => {
    expect(chartValue('ratio', 0.9581)).toBe(95.8)
    expect(chartValue('ratio', 1)).toBe(100)
    expect(formatChartValue('ratio', 0.9581)).toBe('95.8%')
    expect(formatChartValue('ratio', 0)).toBe('0.0%')
  })

  it('writes days as working days and counts as they are; nothing measured is a dash, never zero', () => {
    expect(formatChartValue('days', 3.46)).toBe('3.5 个工作日')
    expect(formatChartValue('count', 12)).toBe('12')
    expect(formatChartValue('ratio', null)).toBe('—')
    expect(chartValue('count', Number.NaN)).toBeNull()
  })
})

describe('chartOptions', () => {
  const size = { width: 343, height: 220, pixelRatio: 2 }

  it('maps categories and series to the library, ratios in percent points, gaps kept as null', () => {
    const options = chartOptions(trend, size) as any
    expect(options.type).toBe('line')
    expect(options.categories).toEqual(['1月', '2月', '3月'])
    expect(options.series).toHaveLength(1)
    expect(options.series[0].name).toBe('网上申请办件占比')
    expect(options.series[0].data).toEqual([95.8, null, 100])
    expect(options.series[0].formatter(95.8)).toBe('95.8%')
  })

  it('draws at the device pixel ratio: canvas size in device pixels, the ratio passed on', () => {
    const options = chartOptions(trend, size) as any
    expect(options.width).toBe(686)
    expect(options.height).toBe(440)
    expect(options.pixelRatio).toBe(2)
    expect(options.animation).toBe(false)
  })

  it('draws the target as a dashed line named in words, and a ratio axis from 0 to 100%', () => {
    const options = chartOptions(trend, size) as any
    expect(options.extra.markLine.type).toBe('dash')
    expect(options.extra.markLine.data).toEqual([expect.objectContaining({ value: 90, labelText: '目标 90.0%', showLabel: true })])
    expect(options.yAxis.data[0]).toEqual(expect.objectContaining({ min: 0, max: 100, unit: '%' }))
  })

  it('leaves the target line out when the figure has none', () => {
    const options = chartOptions({ ...trend, target: undefined }, size) as any
    expect(options.extra.markLine).toBeUndefined()
  })

  it('shortens long bar labels for a phone, shows the numbers on the bars and a legend only for several series', () => {
    const options = chartOptions(cities, size) as any
    expect(options.type).toBe('column')
    expect(options.categories).toEqual(['合肥市', '黄山市…'])
    expect(options.dataLabel).toBe(true)
    expect(options.xAxis.rotateLabel).toBe(false)
    expect(options.legend.show).toBe(false)
    const two = chartOptions({ ...cities, series: [...cities.series, { name: '超期整改', values: [0, 1] }] }, size) as any
    expect(two.legend.show).toBe(true)
  })
})

describe('room for the categories', () => {
  const sixteen: ChartData = { ...cities, categories: Array.from({ length: 16 }, (_, i) => `城市${i}`), series: [{ name: 'x', values: Array(16).fill(1) }] }

  it('draws as wide as the box when the categories fit, wider (scrolling sideways) when they do not', () => {
    expect(drawingWidth(cities, 315)).toBe(315)
    expect(drawingWidth(sixteen, 315)).toBe(16 * CATEGORY_WIDTH.column + 48)
    expect(drawingWidth(trend, 315)).toBe(315)
  })

  it('keeps labels level and numbers on the bars at that width; squeezed, it tilts labels and drops the numbers', () => {
    const roomy = chartOptions(sixteen, { width: drawingWidth(sixteen, 315), height: 240, pixelRatio: 2 }) as any
    expect(roomy.xAxis.rotateLabel).toBe(false)
    expect(roomy.dataLabel).toBe(true)
    const squeezed = chartOptions(sixteen, { width: 315, height: 240, pixelRatio: 2 }) as any
    expect(squeezed.xAxis.rotateLabel).toBe(true)
    expect(squeezed.dataLabel).toBe(false)
  })
})

describe('axis and labels', () => {
  it('rounds the axis of counts and days up to a round number that holds values and target', () => {
    expect(axisMax(cities)).toBe(20)
    expect(axisMax({ ...cities, series: [{ name: 'x', values: [1, 2] }] })).toBe(5)
    expect(axisMax({ ...cities, series: [{ name: 'x', values: [120] }] })).toBe(200)
    expect(axisMax({ ...cities, unit: 'days', series: [{ name: 'x', values: [3.2] }], target: 8 })).toBe(10)
  })

  it('cuts labels by characters, not bytes', () => {
    expect(shortLabel('合肥市')).toBe('合肥市')
    expect(shortLabel('马鞍山市')).toBe('马鞍山市')
    expect(shortLabel('安徽省文化和旅游厅')).toBe('安徽省…')
    expect(shortLabel('Hefei')).toBe('Hefei')
    expect(shortLabel('Huangshan')).toBe('Huangs…')
  })

  it('measures a target label wider for Chinese characters than for digits', () => {
    expect(labelWidth('目标')).toBeGreaterThan(labelWidth('90'))
  })
})

describe('the text alternative', () => {
  it('has one row per category with each series in words', () => {
    expect(chartRows(trend)).toEqual([
      { category: '1月', cells: ['95.8%'] },
      { category: '2月', cells: ['—'] },
      { category: '3月', cells: ['100.0%'] },
    ])
  })

  it('names the chart, its kind, its size and its target for screen readers', () => {
    expect(chartSummary('网上申请办件占比（逐月）', trend)).toBe('网上申请办件占比（逐月）折线图，共 3 项，目标 90.0%；数值见下表')
    expect(chartSummary('超期办件', cities)).toBe('超期办件柱状图，共 2 项，目标 0；数值见下表')
  })

  it('has nothing to draw without a measured value', () => {
    expect(hasValues(trend)).toBe(true)
    expect(hasValues({ ...trend, series: [{ name: 'x', values: [null, null, null] }] })).toBe(false)
    expect(hasValues({ ...trend, categories: [], series: [{ name: 'x', values: [] }] })).toBe(false)
  })
})
