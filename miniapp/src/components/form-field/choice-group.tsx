import { Text, View } from '@tarojs/components'

export interface ChoiceGroupProps {
  label: string
  options: { value: string; label: string }[]
  value: string
  invalid?: boolean
  onChange: (value: string) => void
}

/** Single choice among a few options, all visible at once; a radio group to screen readers. */
export function ChoiceGroup({ label, options, value, invalid = false, onChange }: ChoiceGroupProps) {
  return (
    <View className={`choice-group${invalid ? ' choice-group--invalid' : ''}`} role='radiogroup' aria-label={label}>
      {options.map((option) => {
        const selected = option.value === value
        return (
          <View
            key={option.value}
            className={`choice-group__option${selected ? ' choice-group__option--selected' : ''}`}
            role='radio'
            aria-role='radio'
            aria-checked={selected ? 'true' : 'false'}
            aria-label={option.label}
            onClick={() => onChange(option.value)}
          >
            <Text className='choice-group__mark' aria-hidden='true'>{selected ? '◉' : '○'}</Text>
            <Text>{option.label}</Text>
          </View>
        )
      })}
    </View>
  )
}
