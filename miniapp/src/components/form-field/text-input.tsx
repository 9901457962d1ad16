import { Input } from '@tarojs/components'
import { normaliseTypedNumber } from '@ah-tourism/shared'

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

/**
 * Mini-program variant: Taro's Input with the matching keyboard. (H5: text-input.h5.tsx.) A number is read as
 * pasted (full-width digits, spaces, hyphens) and cut to `maxLength` after that.
 */
export function TextInput({ id, value, label, placeholder, maxLength = 140, mode = 'text', invalid = false, onChange, onBlur }: TextInputProps) {
  return (
    <Input
      id={`${id}-input`}
      className={`form-control${invalid ? ' form-control--invalid' : ''}`}
      type={KEYBOARDS[mode]}
      value={value}
      placeholder={placeholder}
      placeholderClass='form-control__placeholder'
      maxlength={mode === 'text' ? maxLength : maxLength * 2 + 4}
      aria-label={label}
      onInput={(event) => onChange(mode === 'text' ? event.detail.value : normaliseTypedNumber(mode, event.detail.value, maxLength))}
      onBlur={() => onBlur?.()}
    />
  )
}
