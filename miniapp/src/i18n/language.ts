import Taro from '@tarojs/taro'
import { currentLanguage, DEFAULT_LANGUAGE, isLanguage, useLanguageForThisRun, type Language } from './catalogue'

/**
 * The language of this run, read once at start-up from the device (a person's choice, kept across
 * sessions; signed in, the account's preference follows them to other devices). Imported first by app.ts,
 * before any page module, so every text a module computes is already in this language.
 */
const LANGUAGE_STORAGE_KEY = 'language'

function storedLanguage(): Language {
  try {
    const stored: unknown = Taro.getStorageSync(LANGUAGE_STORAGE_KEY)
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE
  } catch {
    return DEFAULT_LANGUAGE
  }
}

useLanguageForThisRun(storedLanguage())
// Screen readers pick their voice from the page's language (H5; the mini-program follows WeChat's).
if (process.env.TARO_ENV === 'h5') document.documentElement.lang = currentLanguage()

export { currentLanguage }

/** Whether the person chose a language on this phone (rather than running in the default). */
export function languageChosenHere(): boolean {
  try {
    return isLanguage(Taro.getStorageSync(LANGUAGE_STORAGE_KEY))
  } catch {
    return false
  }
}

/** What every API request says it wants (server messages and guide content follow it). */
export function acceptLanguage(): string {
  return currentLanguage() === 'en' ? 'en' : 'zh-CN'
}

/**
 * Keeps `language` and starts the app again in it on the page the person is on: every text, including
 * those a module computed once, is then in the new language. H5 reloads the page; the mini-program
 * restarts (`wx.restartMiniProgram`).
 */
export function switchLanguage(language: Language): void {
  if (language === currentLanguage()) return
  Taro.setStorageSync(LANGUAGE_STORAGE_KEY, language)
  if (process.env.TARO_ENV === 'h5') {
    window.location.reload()
    return
  }
  const pages = Taro.getCurrentPages()
  const page = pages[pages.length - 1]
  const query = page?.options ? Object.entries(page.options as Record<string, string>).map(([k, v]) => `${k}=${v}`).join('&') : ''
  const path = page?.route ? `/${page.route}${query ? `?${query}` : ''}` : '/pages/home/index'
  // wx.restartMiniProgram (base library 2.22.1+) is not in Taro's API; older WeChat relaunches the page,
  // which is right for every text a page computes as it renders.
  const wxApi = typeof wx === 'undefined' ? undefined : (wx as { restartMiniProgram?: (options: { path: string }) => void })
  if (wxApi?.restartMiniProgram) wxApi.restartMiniProgram({ path })
  else void Taro.reLaunch({ url: path })
}

declare const wx: unknown

