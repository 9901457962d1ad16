import { Text, View } from '@tarojs/components'
import { currentLanguage, LANGUAGES, type Language } from '@/i18n/catalogue'
import { LANGUAGE_NAMES, LANGUAGE_SHORT_NAMES, LANGUAGE_STRINGS as S } from './strings'
import './language-switch.scss'
import { chooseLanguage } from '@/features/preferences/store'

export interface LanguageSwitchProps {
  /**
   * row: a row of 我的 with the label and both languages, the current one marked (✓, not by colour alone);
   * compact: one button in home's header naming the other language ("EN" / "中文").
   */
  variant: 'row' | 'compact'
  /** compact only: light on the blue home banner. */
  tone?: 'light' | 'plain'
}

function other(language: Language): Language {
  return LANGUAGES.find((candidate) => candidate !== language) ?? language
}

/**
 * 中文 / English. Choosing keeps the choice and starts the app again in it (`switchLanguage`). Mini-program
 * variant: Views with ARIA roles and labels; H5: language-switch.h5.tsx, native buttons.
 */
export function LanguageSwitch({ variant, tone = 'plain' }: LanguageSwitchProps) {
  const current = currentLanguage()
  if (variant === 'compact') {
    const target = other(current)
    return (
      <View
        className={`language-switch language-switch--${tone}`}
        role='button'
        aria-role='button'
        aria-label={S.switchTo(LANGUAGE_SHORT_NAMES[target], LANGUAGE_NAMES[target])}
        hoverClass='language-switch--pressed'
        onClick={() => void chooseLanguage(target)}
      >
        <Text aria-hidden='true'>{LANGUAGE_SHORT_NAMES[target]}</Text>
      </View>
    )
  }
  return (
    <View className='language-row' role='group' aria-label={S.label}>
      <Text className='language-row__label' aria-hidden='true'>
        {S.label}
      </Text>
      <View className='language-row__options'>
        {LANGUAGES.map((language) => {
          const chosen = language === current
          return (
            <View
              key={language}
              className={`language-row__option${chosen ? ' language-row__option--chosen' : ''}`}
              role='button'
              aria-role='button'
              aria-pressed={chosen ? 'true' : 'false'}
              aria-label={LANGUAGE_NAMES[language]}
              hoverClass='language-row__option--pressed'
              onClick={() => void chooseLanguage(language)}
            >
              {chosen ? <Text aria-hidden='true'>✓ </Text> : null}
              <Text aria-hidden='true'>{LANGUAGE_NAMES[language]}</Text>
            </View>
          )
        })}
      </View>
    </View>
  )
}
