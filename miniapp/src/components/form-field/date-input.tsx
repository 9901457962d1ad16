import { Picker, Text, View } from '@tarojs/components'
import { FORM_FIELD_STRINGS as S } from './strings'

export interface DateInputProps {
  id: string
  /** YYYY-MM-DD or '' */
  value: string
  label: string
  placeholder: string
  invalid?: boolean
  describedBy?: string
  onChange: (value: string) => void
}

/** Mini-program variant: the native date picker. (H5: date-input.h5.tsx, an input of type date.) */
export function DateInput({ id, value, label, placeholder, invalid = false, onChange }: DateInputProps) {
  return (
    <Picker mode='date' value={value} onChange={(event) => onChange(String(event.detail.value))}>
      <View
        id={`${id}-input`}
        className={`form-control${invalid ? ' form-control--invalid' : ''}${value ? '' : ' form-control--empty'}`}
        role='button'
        aria-role='button'
        aria-label={S.labelAndValue(label, value || placeholder)}
      >
        <Text>{value || placeholder}</Text>
        <Text className='form-control__caret' aria-hidden='true'>▾</Text>
      </View>
    </Picker>
  )
}
