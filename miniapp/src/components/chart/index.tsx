import { Text, View } from '@tarojs/components'
import { chartRows, chartSummary, hasValues, type ChartData } from './options'
import { CHART_STRINGS as S } from './strings'
import { ChartSurface } from './surface'
import './index.scss'

export type { ChartData, ChartSeries, ChartUnit } from './options'

export interface ChartProps {
  /** Element id of the canvas, unique on the page. */
  id: string
  title: string
  data: ChartData
  /** Height of the drawing in design px; the table below grows with the text. */
  height?: number
  /** Header of the table's first column (月份, 地区, 单位…). */
  categoryHeader: string
  /** Shown instead of the chart when no value was measured. */
  emptyText: string
  /** Tapping a bar or a row of the table opens that category (e.g. a city's own report). */
  onOpen?: (index: number) => void
  /** Spoken name of a row's link, e.g. (name) => `查看${name}的考核`. */
  openLabel?: (category: string) => string
}

/**
 * A chart with its text alternative: the canvas (drawn by the chart library, named for screen readers)
 * and a table under it with the same numbers in words, which also reads well at large text sizes.
 * Pages pass plain data (categories, series, unit, target) and never touch the library.
 */
export function Chart({ id, title, data, height = 220, categoryHeader, emptyText, onOpen, openLabel }: ChartProps) {
  if (!hasValues(data)) {
    return (
      <View className='chart chart--empty'>
        <Text className='chart__empty'>{emptyText}</Text>
      </View>
    )
  }
  const rows = chartRows(data)
  return (
    <View className='chart'>
      <ChartSurface id={id} data={data} height={height} label={chartSummary(title, data)} onTapCategory={onOpen} />
      <View className='chart-table' role='table' aria-label={S.tableLabel(title)}>
        <View className='chart-table__row chart-table__row--head' role='row'>
          <View className='chart-table__cell chart-table__cell--name' role='columnheader'>
            {categoryHeader}
          </View>
          {data.series.map((series) => (
            <View key={series.name} className='chart-table__cell' role='columnheader'>
              {series.name}
            </View>
          ))}
        </View>
        {rows.map((row, index) => (
          <View key={`${row.category}-${index}`} className='chart-table__row' role='row'>
            <View className='chart-table__cell chart-table__cell--name' role='rowheader'>
              {onOpen ? (
                <View
                  className='chart-table__link'
                  role='link'
                  aria-role='link'
                  aria-label={openLabel ? openLabel(row.category) : row.category}
                  hoverClass='chart-table__link--pressed'
                  onClick={() => onOpen(index)}
                >
                  <Text>{row.category}</Text>
                  <Text className='chart-table__chevron' aria-hidden='true'>
                    ›
                  </Text>
                </View>
              ) : (
                <Text>{row.category}</Text>
              )}
            </View>
            {row.cells.map((cell, column) => (
              <View key={column} className='chart-table__cell' role='cell'>
                {cell}
              </View>
            ))}
          </View>
        ))}
      </View>
    </View>
  )
}
