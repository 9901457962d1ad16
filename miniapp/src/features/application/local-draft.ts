import Taro from '@tarojs/taro'

/** The phone's copy of a draft: written on every change, so nothing typed is lost to a closed app. */
const key = (implementationCode: string) => `ah-tourism.draft.${implementationCode}`

export function readLocalDraft(implementationCode: string): unknown {
  try {
    return Taro.getStorageSync(key(implementationCode)) || null
  } catch {
    return null
  }
}

export function writeLocalDraft(implementationCode: string, form: object): void {
  try {
    Taro.setStorageSync(key(implementationCode), form)
  } catch {
    // Storage full or unavailable: the server copy still holds the draft.
  }
}

export function removeLocalDraft(implementationCode: string): void {
  try {
    Taro.removeStorageSync(key(implementationCode))
  } catch {
    // Nothing to remove.
  }
}
