import type { ImplementationItem } from '@ah-tourism/shared'
import { useState } from 'react'
import { getItem, getItemVersion } from '@/features/catalog/api'
import { useRemote } from '@/hooks/use-remote'
import type { ApiError, ApiErrorCode } from '@/services/api-error'

/** The answers that mean the case changed since it was shown: someone acted first, or it moved on. */
const STALE: ReadonlySet<ApiErrorCode> = new Set<ApiErrorCode>(['CASE_VERSION_CONFLICT', 'CASE_ACTION_NOT_ALLOWED'])

export function isStale(error: ApiError): boolean {
  return STALE.has(error.code)
}

export interface WithGuide<T> {
  detail: T
  /** For field labels and the guide's order; the case still shows (with raw keys) if the guide cannot be read. */
  item: ImplementationItem | null
}

/** A case together with the guide version it was applied under (published versions never change). */
export async function withGuide<T extends { implementationCode: string; guideVersion?: number }>(detail: T): Promise<WithGuide<T>> {
  const read = detail.guideVersion ? getItemVersion(detail.implementationCode, detail.guideVersion) : getItem(detail.implementationCode)
  return { detail, item: await read.catch(() => null) }
}

export interface CaseNoticeState {
  tone: 'success' | 'warning'
  message: string
}

/**
 * A case page's data and what just happened to it: `changed` shows the case an action answered with
 * and says what was done; `stale` (a 409) shows the API's message and reloads the case as it is now.
 */
export function useCasePage<T>(load: () => Promise<T>, key: string) {
  const { remote, reload, replace } = useRemote(load, key)
  const [notice, setNotice] = useState<CaseNoticeState | null>(null)
  return {
    remote,
    reload,
    notice,
    clearNotice: () => setNotice(null),
    changed: (data: T, message: string) => {
      replace(data)
      setNotice({ tone: 'success', message })
    },
    stale: (error: ApiError) => {
      setNotice({ tone: 'warning', message: error.message })
      reload()
    },
  }
}
