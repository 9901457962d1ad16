import type { DateInputProps } from './date-input'

/** H5 variant: the browser's own date input (a calendar on phones). */
export function DateInput({ id, value, label, invalid = false, describedBy, onChange }: DateInputProps) {
  return (
    <input
      id={`${id}-input`}
      className={`form-control${invalid ? ' form-control--invalid' : ''}`}
      type='date'
      value={value}
      aria-label={label}
      aria-invalid={invalid ? 'true' : undefined}
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.target.value)}
    />
  )
}
