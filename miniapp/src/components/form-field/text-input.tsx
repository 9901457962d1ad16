import { Input } from '@tarojs/components'

export type TextInputMode = 'text' | 'decimal' | 'idcard' | 'tel'

export interface TextInputProps {
  id: string
  value: string
  /** Spoken name of the control (the visible label is drawn by FormField). */
  label: string
  placeholder?: string
  maxLength?: number
  mode?: TextInputMode
  invalid?: boolean
  /** ids of the hint and error, for screen readers (H5). */
  describedBy?: string
  onChange: (value: string) => void
  onBlur?: () => void
}

const KEYBOARDS = { text: 'text', decimal: 'digit', idcard: 'idcard', tel: 'number' } as const

/** Mini-program variant: Taro's Input with the matching keyboard. (H5: text-input.h5.tsx.) */
export function TextInput({ id, value, label, placeholder, maxLength = 140, mode = 'text', invalid = false, onChange, onBlur }: TextInputProps) {
  return (
    <Input
      id={`${id}-input`}
      className={`form-control${invalid ? ' form-control--invalid' : ''}`}
      type={KEYBOARDS[mode]}
      value={value}
      placeholder={placeholder}
      placeholderClass='form-control__placeholder'
      maxlength={maxLength}
      aria-label={label}
      onInput={(event) => onChange(event.detail.value)}
      onBlur={() => onBlur?.()}
    />
  )
}
