import Taro from '@tarojs/taro'
import { randomToken } from './random'

/**
 * Who is calling, until WeChat sign-in exists: an identifier made once per installation and kept in
 * storage, sent as `X-Local-User`. The API accepts it only in its local stage; every other stage
 * answers AUTH_REQUIRED. (A browser test can set the stored value to act as a given user.)
 */
export const LOCAL_USER_HEADER = 'X-Local-User'
export const LOCAL_USER_STORAGE_KEY = 'ah-tourism.local-user'
const LOCAL_USER = /^local-[a-z0-9-]{4,60}$/

let current: string | null = null

function newLocalUserId(): string {
  const hex = randomToken(16)
  return `local-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export function localUserId(): string {
  if (current) return current
  try {
    const stored: unknown = Taro.getStorageSync(LOCAL_USER_STORAGE_KEY)
    if (typeof stored === 'string' && LOCAL_USER.test(stored)) {
      current = stored
      return stored
    }
  } catch {
    // Storage unavailable: a fresh identifier for this run.
  }
  current = newLocalUserId()
  try {
    Taro.setStorageSync(LOCAL_USER_STORAGE_KEY, current)
  } catch {
    // Not persisted; drafts and cases of this run will not be found after a restart.
  }
  return current
}
