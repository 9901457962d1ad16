import { Textarea } from '@tarojs/components'

export interface TextAreaProps {
  id: string
  value: string
  /** Spoken name of the control (the visible label is drawn by FormField). */
  label: string
  placeholder?: string
  maxLength?: number
  invalid?: boolean
  /** ids of the hint and error, for screen readers (H5). */
  describedBy?: string
  onChange: (value: string) => void
  onBlur?: () => void
}

/** Mini-program variant: Taro's Textarea, growing with its text. (H5: text-area.h5.tsx.) */
export function TextArea({ id, value, label, placeholder, maxLength = 1000, invalid = false, onChange, onBlur }: TextAreaProps) {
  return (
    <Textarea
      id={`${id}-input`}
      className={`form-control form-control--multiline${invalid ? ' form-control--invalid' : ''}`}
      value={value}
      placeholder={placeholder}
      placeholderClass='form-control__placeholder'
      maxlength={maxLength}
      autoHeight
      aria-label={label}
      onInput={(event) => onChange(event.detail.value)}
      onBlur={() => onBlur?.()}
    />
  )
}
