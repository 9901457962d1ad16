import type { SelectInputProps } from './select-input'

/** H5 variant: a native select. */
export function SelectInput({ id, value, label, placeholder, options, invalid = false, describedBy, onChange }: SelectInputProps) {
  return (
    <select
      id={`${id}-input`}
      className={`form-control${invalid ? ' form-control--invalid' : ''}${value ? '' : ' form-control--empty'}`}
      value={value}
      aria-label={label}
      aria-invalid={invalid ? 'true' : undefined}
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value=''>{placeholder}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  )
}
