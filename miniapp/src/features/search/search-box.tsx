import type { Suggestion } from '@ah-tourism/shared/src/search/api'
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { SearchBar, type SearchBarProps } from '@/components/search-bar'
import { getSuggestions } from '@/features/catalog/api'
import { SEARCH_STRINGS as S } from './strings'
import { hotSearches } from './hot'
import { openScenario } from './routes'
import './search-box.scss'

/** Typing pauses this long before suggestions are asked for (the route is also cached for 5 minutes). */
const SUGGEST_DELAY_MS = 250
/** Home and 办事 each have a search box (both stay mounted on H5): each list gets its own id. */
let boxes = 0

export type SearchBoxProps = Omit<SearchBarProps, 'onDraftChange' | 'controls'> & {
  /** Show the hot searches while the field is empty. */
  showHot?: boolean
}

/**
 * The search field with suggestions while typing (a listbox of options under it) and, while it is
 * empty, the hot searches as buttons. Choosing either searches it; a 一件事 suggestion opens its guided path.
 */
export function SearchBox({ showHot = false, onSearch, ...bar }: SearchBoxProps) {
  const [draft, setDraft] = useState(bar.value)
  const [suggestions, setSuggestions] = useState<Suggestion[]>([])
  const [hot, setHot] = useState<string[]>([])
  // After a search (or a choice) the list stays closed until the person types again.
  const [dismissed, setDismissed] = useState(false)
  const latest = useRef(0)
  const [listId] = useState(() => `search-suggestions-${++boxes}`)

  useEffect(() => {
    if (showHot) void hotSearches().then(setHot)
  }, [showHot])

  // A keyword applied elsewhere (home, a hot search) fills the field without opening suggestions.
  useEffect(() => {
    setDraft(bar.value)
    setDismissed(true)
  }, [bar.value])

  useEffect(() => {
    const request = ++latest.current
    const text = draft.trim()
    if (!text) {
      setSuggestions([])
      return undefined
    }
    const timer = setTimeout(() => {
      getSuggestions(text).then(
        (answer) => {
          if (request === latest.current) setSuggestions(answer.suggestions.filter((s) => s.text !== text || s.kind === 'scenario'))
        },
        () => {
          // Suggestions are a help, not a step: when they cannot load, the search still works.
          if (request === latest.current) setSuggestions([])
        },
      )
    }, SUGGEST_DELAY_MS)
    return () => clearTimeout(timer)
  }, [draft])

  const type = (text: string) => {
    setDismissed(false)
    setDraft(text)
  }

  const choose = (suggestion: Suggestion) => {
    setDismissed(true)
    setSuggestions([])
    if (suggestion.kind === 'scenario' && suggestion.scenarioCode) openScenario(suggestion.scenarioCode)
    else onSearch(suggestion.text)
  }

  const search = (text: string) => {
    setDismissed(true)
    setSuggestions([])
    onSearch(text)
  }

  const listShown = !dismissed && !!draft.trim() && suggestions.length > 0

  return (
    <View className='search-box'>
      <SearchBar {...bar} onSearch={search} onDraftChange={type} controls={listShown ? listId : undefined} />
      {listShown ? (
        <View className='search-box__suggestions' id={listId} role='listbox' aria-label={S.suggestionsLabel}>
          {suggestions.map((suggestion) => (
            <View
              key={`${suggestion.kind}:${suggestion.text}`}
              className='search-box__suggestion'
              role='option'
              aria-role='option'
              aria-selected='false'
              aria-label={S.suggestionLabel(suggestion.text, S.kind[suggestion.kind] ?? '')}
              hoverClass='search-box__suggestion--pressed'
              onClick={() => choose(suggestion)}
            >
              <Text className='search-box__suggestion-text' aria-hidden='true'>{suggestion.text}</Text>
              <Text className='search-box__suggestion-kind' aria-hidden='true'>{S.kind[suggestion.kind]}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {showHot && !draft.trim() && hot.length > 0 ? (
        <View className='search-box__hot' role='group' aria-label={S.hotTitle}>
          <Text className='search-box__hot-title' aria-hidden='true'>{S.hotTitle}</Text>
          {hot.map((text) => (
            <View
              key={text}
              className='search-box__hot-term'
              role='button'
              aria-role='button'
              aria-label={S.hotLabel(text)}
              hoverClass='search-box__hot-term--pressed'
              onClick={() => search(text)}
            >
              {text}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
