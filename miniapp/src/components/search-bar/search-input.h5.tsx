import type { FormEvent } from 'react'
import type { SearchInputProps } from './search-input'

/**
 * H5 variant: a native search field inside a form, so Enter and the phone keyboard's search key
 * submit, and the page has exactly one element with this placeholder and label.
 */
export function SearchInput({ value, placeholder, label, maxLength, controls, onChange, onSubmit }: SearchInputProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit()
  }
  return (
    <form className='search-input__form' action='' onSubmit={submit}>
      <input
        className='search-input'
        type='search'
        enterKeyHint='search'
        value={value}
        placeholder={placeholder}
        aria-label={label}
        aria-controls={controls}
        maxLength={maxLength}
        autoComplete='off'
        onChange={(event) => onChange(event.target.value)}
      />
    </form>
  )
}
