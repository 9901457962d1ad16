import i18next from 'i18next'

/**
 * The app's languages: Simplified Chinese (the default, and the language of every catalogue's source) and
 * English for inbound-tourism businesses and foreign guides.
 *
 * Every text a person sees lives in a `strings.ts` module beside its page or feature: a Chinese object
 * passed to `localize`, with the English catalogue `strings.en.json` beside it. i18next holds both
 * catalogues (one namespace per object) and resolves every text in the language of this run; the language
 * is fixed for a run (switching restarts the app, `language.ts`), so module-level uses of a text are right too.
 */
export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'zh-CN'

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

export const i18n = i18next.createInstance()
void i18n.init({
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  resources: {},
  // Texts go into React elements and Taro components, which escape them; none is ever set as HTML.
  interpolation: { escapeValue: false },
  returnNull: false,
})

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE
}

/** Sets the language of this run; called once at start-up (`language.ts`) and by tests. */
export function useLanguageForThisRun(language: Language): void {
  void i18n.changeLanguage(language)
}

/**
 * A catalogue entry: a text, a function building a text from its arguments (its English is one template
 * with positional placeholders `{{0}}`, `{{1}}`…, or i18next plural forms `_one`/`_other` counted by the
 * first numeric argument, or `null` for a function that makes no words), a nested group, or a list.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fn = (...args: any[]) => string
export type Entry = string | number | boolean | null | Fn | readonly Entry[] | { readonly [key: string]: Entry }
export type EnglishEntry = string | null | readonly EnglishEntry[] | { readonly [key: string]: EnglishEntry }
export type EnglishCatalogue = { readonly [key: string]: EnglishEntry }

export interface RegisteredCatalogue {
  namespace: string
  chinese: Readonly<Record<string, Entry>>
  english: EnglishCatalogue | undefined
}

/** Every catalogue the loaded modules registered (the completeness test walks them). */
export const registeredCatalogues: RegisteredCatalogue[] = []

function textsOnly(entry: Entry): EnglishEntry | undefined {
  if (typeof entry === 'string') return entry
  if (Array.isArray(entry)) return entry.map((item) => textsOnly(item) ?? null)
  if (entry !== null && typeof entry === 'object') {
    const out: Record<string, EnglishEntry> = {}
    for (const [key, value] of Object.entries(entry)) {
      const text = textsOnly(value as Entry)
      if (text !== undefined) out[key] = text
    }
    return out
  }
  return undefined
}

function englishAt(english: EnglishEntry | undefined, path: readonly string[]): EnglishEntry | undefined {
  let at: EnglishEntry | undefined = english
  for (const key of path) {
    if (at === null || at === undefined || typeof at !== 'object') return undefined
    at = (at as Record<string, EnglishEntry>)[key]
  }
  return at
}

function hasPluralForms(english: EnglishEntry | undefined, path: readonly string[]): boolean {
  const parent = englishAt(english, path.slice(0, -1))
  const last = path[path.length - 1]
  return parent !== null && typeof parent === 'object' && typeof (parent as Record<string, EnglishEntry>)[`${last}_other`] === 'string'
}

function localizedFunction(namespace: string, english: EnglishCatalogue | undefined, path: string[], chinese: Fn): Fn {
  const key = `${namespace}:${path.join('.')}`
  return (...args) => {
    if (currentLanguage() === DEFAULT_LANGUAGE) return chinese(...args)
    const template = englishAt(english, path)
    if (typeof template !== 'string' && !hasPluralForms(english, path)) return chinese(...args)
    const values: Record<string, unknown> = {}
    args.forEach((arg, index) => {
      values[String(index)] = arg
    })
    const count = args.find((arg) => typeof arg === 'number')
    return i18n.t(key, count === undefined ? values : { ...values, count })
  }
}

function localizedEntry(namespace: string, english: EnglishCatalogue | undefined, path: string[], entry: Entry): Entry {
  if (typeof entry === 'function') return localizedFunction(namespace, english, path, entry)
  if (typeof entry === 'string') return entry
  if (typeof entry !== 'object' || entry === null) return entry
  const out: Record<string, Entry> | Entry[] = Array.isArray(entry) ? [] : {}
  for (const [key, value] of Object.entries(entry)) {
    const at = [...path, key]
    if (typeof value === 'string') {
      const resourceKey = `${namespace}:${at.join('.')}`
      Object.defineProperty(out, key, { enumerable: true, get: () => i18n.t(resourceKey) })
    } else {
      ;(out as Record<string, Entry>)[key] = localizedEntry(namespace, english, at, value as Entry)
    }
  }
  return out as Entry
}

/**
 * The catalogue `chinese` in the language of this run: texts read through i18next (the English where the
 * English catalogue has it, the Chinese otherwise), functions give their English template filled in.
 * The result has the Chinese object's type, so pages use it exactly as before.
 */
export function localize<T extends Readonly<Record<string, Entry>>>(namespace: string, chinese: T, english?: EnglishCatalogue): T {
  i18n.addResourceBundle(DEFAULT_LANGUAGE, namespace, textsOnly(chinese) as object, true, true)
  if (english) i18n.addResourceBundle('en', namespace, english as object, true, true)
  registeredCatalogues.push({ namespace, chinese, english })
  return localizedEntry(namespace, english, [], chinese) as T
}
