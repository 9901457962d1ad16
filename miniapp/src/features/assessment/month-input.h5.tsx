import type { MonthInputProps } from './month-input'

/** H5 variant: the browser's own month input. */
export function MonthInput({ id, value, label, end, invalid = false, onChange }: MonthInputProps) {
  return (
    <input
      id={`${id}-input`}
      className={`form-control${invalid ? ' form-control--invalid' : ''}`}
      type='month'
      value={value}
      max={end}
      aria-label={label}
      aria-invalid={invalid ? 'true' : undefined}
      onChange={(event) => onChange(event.target.value)}
    />
  )
}
