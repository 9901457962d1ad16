import { Input } from '@tarojs/components'

export interface SearchInputProps {
  value: string
  placeholder: string
  /** Spoken name of the field. */
  label: string
  maxLength: number
  /** id of the suggestion list the field controls (H5: ArrowDown moves into it), when one is shown. */
  controls?: string
  onChange: (value: string) => void
  onSubmit: () => void
}

/** Mini-program variant: Taro's Input with the keyboard's "search" key. (H5: search-input.h5.tsx.) */
export function SearchInput({ value, placeholder, label, maxLength, onChange, onSubmit }: SearchInputProps) {
  return (
    <Input
      className='search-input'
      value={value}
      placeholder={placeholder}
      placeholderClass='search-input__placeholder'
      confirmType='search'
      maxlength={maxLength}
      aria-label={label}
      onInput={(event) => onChange(event.detail.value)}
      onConfirm={onSubmit}
    />
  )
}
