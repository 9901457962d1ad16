import type { Language } from '@/i18n/catalogue'
import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

/**
 * The language switch's words. Its label names itself in both languages (the current one first), so a
 * person who cannot read the other finds it either way.
 */
export const LANGUAGE_STRINGS = localize('features/language/LANGUAGE_STRINGS', {
  label: '语言 / Language',
  switchTo: (shown: string, language: string) => `${shown}，语言 / Language：切换为${language}`,
} as const, en.LANGUAGE_STRINGS)

/** Each language named in itself (never translated: it is how its readers recognise it). */
export const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'English' } // i18n-exempt: autonyms, the same in every language

/** The short names on the compact button (home's header). */
export const LANGUAGE_SHORT_NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'EN' } // i18n-exempt: autonyms, the same in every language
