import { Picker, Text, View } from '@tarojs/components'
import { REPORT_STRINGS as R } from './strings'

export interface MonthInputProps {
  id: string
  /** YYYY-MM or '' */
  value: string
  label: string
  placeholder: string
  /** The latest month that can be chosen (YYYY-MM). */
  end: string
  invalid?: boolean
  onChange: (value: string) => void
}

/** Mini-program variant: the native picker, months only. (H5: month-input.h5.tsx, an input of type month.) */
export function MonthInput({ id, value, label, placeholder, end, invalid = false, onChange }: MonthInputProps) {
  return (
    <Picker mode='date' fields='month' value={value} end={end} onChange={(event) => onChange(String(event.detail.value).slice(0, 7))}>
      <View
        id={`${id}-input`}
        className={`form-control${invalid ? ' form-control--invalid' : ''}${value ? '' : ' form-control--empty'}`}
        role='button'
        aria-role='button'
        aria-label={R.pickerLabel(label, value || placeholder)}
      >
        <Text>{value || placeholder}</Text>
        <Text className='form-control__caret' aria-hidden='true'>
          ▾
        </Text>
      </View>
    </Picker>
  )
}
