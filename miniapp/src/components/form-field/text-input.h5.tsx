import { normaliseTypedNumber } from '@ah-tourism/shared'
import type { TextInputProps } from './text-input'

const INPUT_MODES = { text: 'text', decimal: 'decimal', idcard: 'text', tel: 'tel' } as const
const AUTOCOMPLETE = { text: 'off', decimal: 'off', idcard: 'off', tel: 'tel' } as const

/**
 * H5 variant: a native input, so labels, errors and the phone keyboard work as browsers expect. A number
 * (tel, idcard, decimal) is read as people paste or type it (full-width digits, spaces, hyphens) and cut to
 * `maxLength` after that, so the browser's own limit is not what cuts "139 5591 2345".
 */
export function TextInput({ id, value, label, placeholder, maxLength = 140, mode = 'text', invalid = false, describedBy, onChange, onBlur }: TextInputProps) {
  return (
    <input
      id={`${id}-input`}
      className={`form-control${invalid ? ' form-control--invalid' : ''}`}
      type={mode === 'tel' ? 'tel' : 'text'}
      inputMode={INPUT_MODES[mode]}
      autoComplete={AUTOCOMPLETE[mode]}
      value={value}
      placeholder={placeholder}
      maxLength={mode === 'text' ? maxLength : undefined}
      aria-label={label}
      aria-invalid={invalid ? 'true' : undefined}
      aria-describedby={describedBy}
      onChange={(event) => onChange(mode === 'text' ? event.target.value : normaliseTypedNumber(mode, event.target.value, maxLength))}
      onBlur={() => onBlur?.()}
    />
  )
}
