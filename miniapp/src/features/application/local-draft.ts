import Taro from '@tarojs/taro'
import { currentUser } from '@/services/session'

/**
 * The phone's copy of a draft: written on every change, so nothing typed is lost to a closed app.
 * Kept per user, so on a shared phone (or after 切换身份) nobody sees another person's application.
 */
function key(implementationCode: string): string | null {
  const user = currentUser()
  return user ? `ah-tourism.draft.${user.userId}.${implementationCode}` : null
}

export function readLocalDraft(implementationCode: string): unknown {
  const stored = key(implementationCode)
  if (!stored) return null
  try {
    return Taro.getStorageSync(stored) || null
  } catch {
    return null
  }
}

export function writeLocalDraft(implementationCode: string, form: object): void {
  const stored = key(implementationCode)
  if (!stored) return
  try {
    Taro.setStorageSync(stored, form)
  } catch {
    // Storage full or unavailable: the server copy still holds the draft.
  }
}

export function removeLocalDraft(implementationCode: string): void {
  const stored = key(implementationCode)
  if (!stored) return
  try {
    Taro.removeStorageSync(stored)
  } catch {
    // Nothing to remove.
  }
}
