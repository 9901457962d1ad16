import { Picker, Text, View } from '@tarojs/components'
import { FORM_FIELD_STRINGS as S } from './strings'

export interface SelectOption {
  value: string
  label: string
}

export interface SelectInputProps {
  id: string
  value: string
  label: string
  placeholder: string
  options: SelectOption[]
  invalid?: boolean
  describedBy?: string
  onChange: (value: string) => void
}

/** Mini-program variant: the native selector. (H5: select-input.h5.tsx, a select element.) */
export function SelectInput({ id, value, label, placeholder, options, invalid = false, onChange }: SelectInputProps) {
  const index = options.findIndex((option) => option.value === value)
  const shown = index >= 0 ? options[index]?.label : placeholder
  return (
    <Picker
      mode='selector'
      range={options.map((option) => option.label)}
      value={Math.max(index, 0)}
      onChange={(event) => {
        const chosen = options[Number(event.detail.value)]
        if (chosen) onChange(chosen.value)
      }}
    >
      <View
        id={`${id}-input`}
        className={`form-control${invalid ? ' form-control--invalid' : ''}${index >= 0 ? '' : ' form-control--empty'}`}
        role='button'
        aria-role='button'
        aria-label={S.labelAndValue(label, shown ?? '')}
      >
        <Text>{shown}</Text>
        <Text className='form-control__caret' aria-hidden='true'>▾</Text>
      </View>
    </Picker>
  )
}
