import Taro from '@tarojs/taro'
import type { LicenceKey, LicencePayload, LicenceVerification } from '@ah-tourism/shared'
// The signature check of the functions, run on the phone (it carries zod and SM2: only pages/licences imports this file).
import { checkLicenceToken } from '@ah-tourism/shared/src/licences/token'
import { toApiError } from '@/services/api-error'
import { getLicenceKeys, verifyLicence } from './api'

/**
 * 扫码核验 in two halves. The signature is checked on the phone with the issuer's published keys
 * (fetched once, kept in storage), so a forged or altered QR is caught without network. Whether the
 * licence still stands (revoked, cancelled, suspended, re-issued) only the API knows: POST
 * /licences/verify answers that, and its answer is the verdict whenever it arrives.
 */

const KEYS_STORAGE_KEY = 'ah-licence-keys'
export const TOKEN_MAX = 4096

function storedKeys(): LicenceKey[] | null {
  try {
    const stored: unknown = Taro.getStorageSync(KEYS_STORAGE_KEY)
    const keys = (stored as { keys?: unknown } | null)?.keys
    return Array.isArray(keys) && keys.length ? (keys as LicenceKey[]) : null
  } catch {
    return null
  }
}

let fetching: Promise<LicenceKey[]> | null = null

/** GET /licences/keys, once at a time, kept for the next (possibly offline) check. */
function fetchKeys(): Promise<LicenceKey[]> {
  fetching ??= getLicenceKeys()
    .then((keys) => {
      try {
        Taro.setStorageSync(KEYS_STORAGE_KEY, { keys, savedAt: new Date().toISOString() })
      } catch {
        // Storage full or unavailable: the keys still serve this check.
      }
      return keys
    })
    .finally(() => {
      fetching = null
    })
  return fetching
}

/** Fetches the keys ahead of any scan when none are kept yet (the page calls it on opening). */
export function prepareKeys(): void {
  if (!storedKeys()) void fetchKeys().catch(() => undefined)
}

export type OfflineCheck =
  /** Signed with a published key, exactly as issued. */
  | { kind: 'signed'; licence: LicencePayload }
  /** Not a licence of this issuer, or altered: the signature does not hold. */
  | { kind: 'tampered' }
  /** No keys on the phone and none to be had (offline on first use). */
  | { kind: 'unchecked' }

export async function checkOffline(token: string): Promise<OfflineCheck> {
  let keys = storedKeys()
  let fresh = false
  if (!keys) {
    keys = await fetchKeys().catch(() => null)
    fresh = true
  }
  if (!keys) return { kind: 'unchecked' }
  let checked = checkLicenceToken(token, keys)
  // A key published since the keys were kept (rotation): fetch them again, once.
  if (!checked.ok && checked.reason === 'unknown_key' && !fresh) {
    const newer = await fetchKeys().catch(() => null)
    if (!newer) return { kind: 'unchecked' }
    checked = checkLicenceToken(token, newer)
  }
  return checked.ok ? { kind: 'signed', licence: checked.payload } : { kind: 'tampered' }
}

export type OnlineCheck = { kind: 'answered'; verification: LicenceVerification } | { kind: 'failed'; message: string; offline: boolean }

export interface Verification {
  offline: OfflineCheck
  online: OnlineCheck
}

/** Both halves at once: the phone's signature check and the API's verdict (or why there is none). */
export async function verifyToken(token: string): Promise<Verification> {
  const [offline, online] = await Promise.all([
    checkOffline(token).catch((): OfflineCheck => ({ kind: 'unchecked' })),
    verifyLicence(token).then(
      (verification): OnlineCheck => ({ kind: 'answered', verification }),
      (caught: unknown): OnlineCheck => {
        const error = toApiError(caught)
        return { kind: 'failed', message: error.details[0]?.message ?? error.message, offline: error.status === null }
      },
    ),
  ])
  return { offline, online }
}

/** Today in China (YYYY-MM-DD), to tell an expired licence without the network. */
export function chinaToday(now = Date.now()): string {
  return new Date(now + 8 * 60 * 60 * 1000).toISOString().slice(0, 10)
}
