import { Text, View } from '@tarojs/components'
import { Section } from '@/components/section'
import { STATS_STRINGS as S } from './strings'

export interface Bar {
  key: string
  label: string
  /** What the bar's length shows. */
  value: number
  /** The number written out beside the bar (and read instead of it). */
  text: string
}

export interface BarChartProps {
  title: string
  note?: string
  bars: Bar[]
  /** The value of a full-width bar; by default the largest value. */
  max?: number
  tone?: 'primary' | 'danger' | 'good'
}

/**
 * A horizontal bar chart of plain Views: each row has its label, a bar as wide as its share of the
 * largest value and the number written out, so it reads the same to someone who cannot see the bars
 * (each row's spoken name is "label：number"; the bar itself is hidden from screen readers).
 */
export function BarChart({ title, note, bars, max, tone = 'primary' }: BarChartProps) {
  const top = max ?? Math.max(0, ...bars.map((bar) => bar.value))
  return (
    <Section title={title} note={note}>
      {bars.length ? (
        <View className='bar-chart' role='list' aria-label={title}>
          {bars.map((bar) => {
            const width = top > 0 ? Math.max(0, Math.min(100, (bar.value / top) * 100)) : 0
            return (
              <View key={bar.key} className='bar-chart__row' role='listitem' aria-label={S.barLabel(bar.label, bar.text)}>
                <Text className='bar-chart__label' aria-hidden='true'>
                  {bar.label}
                </Text>
                <View className='bar-chart__track' aria-hidden='true'>
                  <View className={`bar-chart__bar bar-chart__bar--${tone}${width > 0 ? '' : ' bar-chart__bar--empty'}`} style={{ width: `${width}%` }} />
                </View>
                <Text className='bar-chart__value' aria-hidden='true'>
                  {bar.text}
                </Text>
              </View>
            )
          })}
        </View>
      ) : (
        <Text className='case-note'>{S.none}</Text>
      )}
    </Section>
  )
}
