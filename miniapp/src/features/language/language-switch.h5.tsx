import { currentLanguage, LANGUAGES, type Language } from '@/i18n/catalogue'
import type { LanguageSwitchProps } from './language-switch'
import { LANGUAGE_NAMES, LANGUAGE_SHORT_NAMES, LANGUAGE_STRINGS as S } from './strings'
import './language-switch.scss'
import { chooseLanguage } from '@/features/preferences/store'

function other(language: Language): Language {
  return LANGUAGES.find((candidate) => candidate !== language) ?? language
}

/**
 * H5 variant: native buttons, so a keyboard reaches and presses them (Tab, Enter, Space) and a screen
 * reader hears each language's name in that language (`lang`). The current language is a pressed
 * toggle, marked with ✓ as well as colour.
 */
export function LanguageSwitch({ variant, tone = 'plain' }: LanguageSwitchProps) {
  const current = currentLanguage()
  if (variant === 'compact') {
    const target = other(current)
    return (
      <button type='button' className={`language-switch language-switch--${tone}`} aria-label={S.switchTo(LANGUAGE_SHORT_NAMES[target], LANGUAGE_NAMES[target])} onClick={() => void chooseLanguage(target)}>
        <span lang={target} aria-hidden='true'>
          {LANGUAGE_SHORT_NAMES[target]}
        </span>
      </button>
    )
  }
  return (
    <div className='language-row' role='group' aria-label={S.label}>
      <span className='language-row__label' aria-hidden='true'>
        {S.label}
      </span>
      <div className='language-row__options'>
        {LANGUAGES.map((language) => {
          const chosen = language === current
          return (
            <button
              key={language}
              type='button'
              lang={language}
              className={`language-row__option${chosen ? ' language-row__option--chosen' : ''}`}
              aria-pressed={chosen}
              onClick={() => void chooseLanguage(language)}
            >
              {chosen ? <span aria-hidden='true'>✓ </span> : null}
              {LANGUAGE_NAMES[language]}
            </button>
          )
        })}
      </div>
    </div>
  )
}
