import { Text, View } from '@tarojs/components'

export interface CheckGroupProps {
  label: string
  options: { value: string; label: string }[]
  values: string[]
  invalid?: boolean
  describedBy?: string
  onChange: (values: string[]) => void
}

/** Several choices among a few options, all visible at once; checkboxes to screen readers. */
export function CheckGroup({ label, options, values, invalid = false, describedBy, onChange }: CheckGroupProps) {
  const toggle = (value: string) => onChange(values.includes(value) ? values.filter((v) => v !== value) : [...values, value])
  return (
    <View className={`choice-group${invalid ? ' choice-group--invalid' : ''}`} role='group' aria-label={label} aria-describedby={describedBy}>
      {options.map((option) => {
        const checked = values.includes(option.value)
        return (
          <View
            key={option.value}
            className={`choice-group__option${checked ? ' choice-group__option--selected' : ''}`}
            role='checkbox'
            aria-role='checkbox'
            aria-checked={checked ? 'true' : 'false'}
            aria-label={option.label}
            onClick={() => toggle(option.value)}
          >
            <Text className='choice-group__mark' aria-hidden='true'>{checked ? '☑' : '☐'}</Text>
            <Text>{option.label}</Text>
          </View>
        )
      })}
    </View>
  )
}
