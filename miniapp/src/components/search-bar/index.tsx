import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { SearchInput } from './search-input'
import './index.scss'

/** The API accepts up to 30 characters (listItemsQuerySchema.keyword). */
const KEYWORD_MAX_LENGTH = 30

export interface SearchBarProps {
  /** The keyword currently applied; the field follows it when it changes elsewhere. */
  value: string
  placeholder: string
  /** Spoken name of the field. */
  label: string
  submitText: string
  clearLabel: string
  onSearch: (keyword: string) => void
  /** Called when the clear button empties the field. */
  onClear?: () => void
  tone?: 'light' | 'plain'
  /** Called on every change of the field (suggestions while typing). */
  onDraftChange?: (draft: string) => void
  /** id of the suggestion list under the field, while one is shown. */
  controls?: string
}

export function SearchBar({ value, placeholder, label, submitText, clearLabel, onSearch, onClear, tone = 'plain', onDraftChange, controls }: SearchBarProps) {
  const [draft, setDraftState] = useState(value)
  const setDraft = (next: string) => {
    setDraftState(next)
    onDraftChange?.(next)
  }

  useEffect(() => setDraftState(value), [value])

  const submit = () => onSearch(draft.trim())
  const clear = () => {
    setDraft('')
    onClear?.()
  }

  return (
    <View className={`search-bar search-bar--${tone}`} role='search'>
      <View className='search-bar__field'>
        <Text className='search-bar__glyph' aria-hidden='true'>⌕</Text>
        <SearchInput value={draft} placeholder={placeholder} label={label} maxLength={KEYWORD_MAX_LENGTH} controls={controls} onChange={setDraft} onSubmit={submit} />
        {draft ? (
          <View className='search-bar__clear' role='button' aria-role='button' aria-label={clearLabel} onClick={clear}>
            <Text aria-hidden='true'>✕</Text>
          </View>
        ) : null}
      </View>
      <View className='search-bar__submit' role='button' aria-role='button' aria-label={submitText} hoverClass='search-bar__submit--pressed' onClick={submit}>
        {submitText}
      </View>
    </View>
  )
}
