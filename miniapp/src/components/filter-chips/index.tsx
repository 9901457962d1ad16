import { ScrollView, Text, View } from '@tarojs/components'
import './index.scss'

export interface ChipOption {
  /** null is the "all" option. */
  value: string | null
  label: string
}

export interface FilterChipsProps {
  label: string
  options: ChipOption[]
  value: string | null
  onChange: (value: string | null) => void
}

/** One row of single-choice filters, scrolling sideways; exposed as a radio group. */
export function FilterChips({ label, options, value, onChange }: FilterChipsProps) {
  return (
    <View className='filter-chips'>
      <Text className='filter-chips__label' aria-hidden='true'>{label}</Text>
      <ScrollView className='filter-chips__scroller' scrollX enhanced showScrollbar={false}>
        <View className='filter-chips__row' role='radiogroup' aria-label={label}>
          {options.map((option) => {
            const selected = option.value === value
            return (
              <View
                key={option.value ?? 'all'}
                className={`filter-chips__chip${selected ? ' filter-chips__chip--selected' : ''}`}
                role='radio'
                aria-role='radio'
                aria-checked={selected ? 'true' : 'false'}
                aria-label={option.label}
                onClick={() => onChange(option.value)}
              >
                {option.label}
              </View>
            )
          })}
        </View>
      </ScrollView>
    </View>
  )
}
