import type { Region } from '@ah-tourism/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { listRegions } from '@/features/catalog/api'
import { toApiError, type ApiError } from '@/services/api-error'

type RegionsState = { status: 'idle' | 'loading' } | { status: 'ready'; regions: Region[] } | { status: 'error'; error: ApiError }

/** Regions change only with the administrative map: fetch once per app run and share. */
let cached: Promise<Region[]> | null = null

function fetchRegions(): Promise<Region[]> {
  cached ??= listRegions().then(
    ({ regions }) => regions,
    (error: unknown) => {
      cached = null
      throw error
    },
  )
  return cached
}

/** The province and its cities, loaded when `enabled` first becomes true. */
export function useRegions(enabled: boolean) {
  const [state, setState] = useState<RegionsState>({ status: 'idle' })
  const status = useRef(state.status)
  status.current = state.status

  const load = useCallback(() => {
    setState({ status: 'loading' })
    fetchRegions().then(
      (regions) => setState({ status: 'ready', regions }),
      (error: unknown) => setState({ status: 'error', error: toApiError(error) }),
    )
  }, [])

  // Opening the sheet again after a failure is a natural retry.
  useEffect(() => {
    if (enabled && (status.current === 'idle' || status.current === 'error')) load()
  }, [enabled, load])

  return { state, reload: load }
}
