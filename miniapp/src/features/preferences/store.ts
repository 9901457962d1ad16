import Taro from '@tarojs/taro'
import { currentLanguage, isLanguage, type Language } from '@/i18n/catalogue'
import { languageChosenHere, switchLanguage } from '@/i18n/language'
import { useSyncExternalStore } from 'react'
import { currentUser, subscribeSession, updateUser } from '@/services/session'
import { savePreferences } from './api'
import { choose, parseLocal, reconcile, saved, shouldOffer, type LocalPreferences } from './model'
import { applyRoot } from './root'

/**
 * 长辈版 on this phone: the mode is applied at the root of every page (root.ts / root.h5.ts), kept in
 * storage, and — signed in — on the account, so it follows the person to another phone (model.ts).
 */
const STORAGE_KEY = 'ah-tourism.preferences'

let local: LocalPreferences = load()
const listeners = new Set<() => void>()
let started = false

function load(): LocalPreferences {
  try {
    return parseLocal(Taro.getStorageSync(STORAGE_KEY))
  } catch {
    return parseLocal(null)
  }
}

function set(next: LocalPreferences): void {
  if (next.elderMode === local.elderMode && next.offerAnswered === local.offerAnswered && next.unsynced === local.unsynced) return
  const modeChanged = next.elderMode !== local.elderMode
  local = next
  try {
    Taro.setStorageSync(STORAGE_KEY, next)
  } catch {
    // Not kept this time; the mode still holds until the app closes.
  }
  if (modeChanged) applyRoot(next.elderMode)
  listeners.forEach((listener) => listener())
}

/** Sends the choice to the account; a failure leaves it marked unsynced, to go up at the next sign-in or start. */
async function push(elderMode: boolean): Promise<void> {
  try {
    const preferences = await savePreferences({ elderMode })
    set(saved(local, preferences.elderMode))
    const user = currentUser()
    if (user) updateUser({ ...user, preferences })
  } catch {
    set({ ...local, unsynced: true })
  }
}

/** The account's preferences as the session now has them (sign-in, a renewed session, /me). */
function followAccount(): void {
  const user = currentUser()
  if (!user?.preferences) return
  const { local: next, push: update } = reconcile(local, user.preferences)
  set(next)
  if (update?.elderMode !== undefined) void push(update.elderMode)
  // The account's language follows the person to a phone where they have not chosen one.
  const language = user.preferences.language
  if (!languageChosenHere() && isLanguage(language) && language !== currentLanguage()) switchLanguage(language)
}

/**
 * Chooses the app's language (the switch on home and 我的): signed in, the account keeps it too, so it
 * follows the person to another phone; then the app starts again in it.
 */
export async function chooseLanguage(language: Language): Promise<void> {
  if (currentUser()) await savePreferences({ language }).catch(() => undefined)
  switchLanguage(language)
}

/** Once, when the app starts: the stored mode at the root before the first page renders, then the account's. */
export function startPreferences(): void {
  if (started) return
  started = true
  applyRoot(local.elderMode)
  subscribeSession(followAccount)
  followAccount()
}

/** Turns 长辈版 on or off (the switch, the offer); signed in, the account keeps it too. */
export function setElderMode(elderMode: boolean): void {
  const signedIn = currentUser() !== null
  set(choose(local, elderMode, signedIn))
  if (signedIn) void push(elderMode)
}

/** The first-run offer answered without switching (暂不需要). */
export function declineOffer(): void {
  set({ ...local, offerAnswered: true })
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
const elderMode = () => local.elderMode
const offer = () => shouldOffer(local)

export function useElderMode(): boolean {
  return useSyncExternalStore(subscribe, elderMode, elderMode)
}

export function useElderOffer(): boolean {
  return useSyncExternalStore(subscribe, offer, offer)
}
