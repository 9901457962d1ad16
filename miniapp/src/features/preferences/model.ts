import type { Preferences, PreferencesUpdate } from '@ah-tourism/shared'

/**
 * 长辈版 as this phone keeps it (pure: no Taro, unit-tested). Signed out, the choice lives only here;
 * signed in, the account holds it (PATCH /me/preferences) and this copy follows the account, so the
 * mode is right at once when the app opens, before anything has loaded.
 */
export interface LocalPreferences {
  elderMode: boolean
  /** The first-run offer ("切换到长辈版？") was answered, or the mode was chosen some other way: never offered again. */
  offerAnswered: boolean
  /** The last choice was made here while signed out (or its save failed): the account does not have it yet. */
  unsynced: boolean
}

export const INITIAL_LOCAL: LocalPreferences = { elderMode: false, offerAnswered: false, unsynced: false }

/** What storage held, or the first-run state when it holds nothing usable. */
export function parseLocal(value: unknown): LocalPreferences {
  const stored = value as Partial<LocalPreferences> | null
  if (typeof stored !== 'object' || stored === null || typeof stored.elderMode !== 'boolean') return INITIAL_LOCAL
  return { elderMode: stored.elderMode, offerAnswered: stored.offerAnswered === true, unsynced: stored.unsynced === true }
}

/** The person chose a mode (the offer, the switch on 我的 or on home). */
export function choose(local: LocalPreferences, elderMode: boolean, signedIn: boolean): LocalPreferences {
  return { ...local, elderMode, offerAnswered: true, unsynced: !signedIn }
}

/** The account now holds the choice made here. */
export function saved(local: LocalPreferences, elderMode: boolean): LocalPreferences {
  return local.elderMode === elderMode ? { ...local, unsynced: false } : local
}

/**
 * The account's preferences arrived (sign-in, a renewed session, /me). A choice made here signed out
 * is newer than the account's and goes up to it (`push`); otherwise the account's wins, so a mode
 * chosen on another phone applies after signing in here.
 */
export function reconcile(local: LocalPreferences, account: Preferences): { local: LocalPreferences; push?: PreferencesUpdate } {
  if (local.unsynced) {
    if (local.elderMode === account.elderMode) return { local: { ...local, unsynced: false } }
    return { local, push: { elderMode: local.elderMode } }
  }
  if (local.elderMode === account.elderMode) return { local }
  return { local: { ...local, elderMode: account.elderMode, offerAnswered: local.offerAnswered || account.elderMode } }
}

/** Whether home shows the first-run offer. */
export function shouldOffer(local: LocalPreferences): boolean {
  return !local.offerAnswered && !local.elderMode
}
