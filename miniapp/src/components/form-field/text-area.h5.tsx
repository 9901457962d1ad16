import type { TextAreaProps } from './text-area'

/** H5 variant: a native textarea, so labels and errors reach screen readers as browsers expect. */
export function TextArea({ id, value, label, placeholder, maxLength = 1000, invalid = false, describedBy, onChange, onBlur }: TextAreaProps) {
  return (
    <textarea
      id={`${id}-input`}
      className={`form-control form-control--multiline${invalid ? ' form-control--invalid' : ''}`}
      value={value}
      placeholder={placeholder}
      maxLength={maxLength}
      rows={4}
      aria-label={label}
      aria-invalid={invalid ? 'true' : undefined}
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.target.value)}
      onBlur={() => onBlur?.()}
    />
  )
}
