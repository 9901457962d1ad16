import { View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { FilterChips } from '@/components/filter-chips'
import { FormField } from '@/components/form-field'
import { MonthInput } from './month-input'
import { chinaMonth, presetRange, rangeProblem, type MonthRange, type Period } from './report'
import { ASSESSMENT_STRINGS as S } from './strings'
import '@/components/form-field/index.scss'

export { initialPeriod, type Period } from './report'

/**
 * 本月 / 本季度 / 本年 / 自定义 (a range of whole months, at most 24). A preset applies at once; a custom
 * range when 查看该期间 is tapped and the range is valid (the problem is said under the field).
 */
export function PeriodPicker({ value, onChange }: { value: Period; onChange: (period: Period) => void }) {
  const [custom, setCustom] = useState<MonthRange>({ from: value.from, to: value.to })
  const [showCustom, setShowCustom] = useState(value.preset === 'custom')
  const [attempted, setAttempted] = useState(false)
  const problem = rangeProblem(custom)
  const now = chinaMonth()

  const choose = (preset: string | null) => {
    if (preset === 'custom') {
      setShowCustom(true)
      return
    }
    if (preset === 'month' || preset === 'quarter' || preset === 'year') {
      setShowCustom(false)
      setAttempted(false)
      onChange({ preset, ...presetRange(preset) })
    }
  }

  const apply = () => {
    setAttempted(true)
    if (!problem) onChange({ preset: 'custom', ...custom })
  }

  return (
    <View className='assessment-period'>
      <FilterChips
        label={S.period}
        options={(['month', 'quarter', 'year', 'custom'] as const).map((preset) => ({ value: preset, label: S.presets[preset] }))}
        value={showCustom ? 'custom' : value.preset}
        onChange={choose}
      />
      {showCustom ? (
        <View className='assessment-period__custom'>
          <View className='assessment-period__months'>
            <FormField id='f-assessment-from' label={S.from} required>
              <MonthInput id='f-assessment-from' value={custom.from} label={S.from} placeholder={S.monthPlaceholder} end={now} onChange={(from) => setCustom((previous) => ({ ...previous, from }))} />
            </FormField>
            <FormField id='f-assessment-to' label={S.to} required error={attempted && problem ? problem : undefined}>
              <MonthInput
                id='f-assessment-to'
                value={custom.to}
                label={S.to}
                placeholder={S.monthPlaceholder}
                end={now}
                invalid={attempted && !!problem}
                onChange={(to) => setCustom((previous) => ({ ...previous, to }))}
              />
            </FormField>
          </View>
          <ActionButton block variant='secondary' onTap={apply}>
            {S.applyRange}
          </ActionButton>
        </View>
      ) : null}
    </View>
  )
}
