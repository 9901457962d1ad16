import { useCallback, useEffect, useRef, useState } from 'react'
import { deleteDraft, saveDraft } from '@/features/cases/api'
import type { ApplyForm } from './form'
import { removeLocalDraft, writeLocalDraft } from './local-draft'

/** How long typing must pause before the draft is sent to the server. */
const SERVER_SAVE_DELAY_MS = 1500

export type AutosaveState = 'idle' | 'saving' | 'saved' | 'local-only'

const stamp = (form: ApplyForm): ApplyForm => ({ ...form, savedAt: new Date().toISOString() })
const content = (form: ApplyForm) => JSON.stringify({ ...form, savedAt: '' })

/**
 * Keeps an unfinished application: on the phone at every change, and on the server a moment after
 * typing stops (and when the page closes), so it can be resumed on another device. While a
 * submission is under way saving holds, and after it succeeds the draft is gone (the server deletes
 * its copy when it creates the case).
 */
export function useDraftAutosave(implementationCode: string) {
  const [state, setState] = useState<AutosaveState>('idle')
  const [savedAt, setSavedAt] = useState<string | null>(null)
  const latest = useRef<ApplyForm | null>(null)
  const lastContent = useRef<string | null>(null)
  const dirty = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const inflight = useRef<Promise<void> | null>(null)
  const held = useRef(false)
  const finished = useRef(false)
  const mounted = useRef(true)

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
  }

  const sendNow = useCallback((): Promise<void> => {
    clearTimer()
    const form = latest.current
    if (!form || !dirty.current || finished.current) return inflight.current ?? Promise.resolve()
    if (inflight.current) {
      // One request at a time; the newest content goes out when the current one ends.
      return inflight.current.then(() => sendNow())
    }
    dirty.current = false
    const stamped = stamp(form)
    if (mounted.current) setState('saving')
    const request = saveDraft(implementationCode, stamped as unknown as Record<string, unknown>).then(
      (summary) => {
        if (mounted.current && !finished.current) {
          setState('saved')
          setSavedAt(summary.updatedAt)
        }
      },
      () => {
        // Offline or refused: the phone's copy stays, and the next change tries the server again.
        dirty.current = true
        if (mounted.current && !finished.current) setState('local-only')
      },
    )
    inflight.current = request.finally(() => {
      inflight.current = null
    })
    return inflight.current
  }, [implementationCode])

  /** Call with every new form state (after the form has loaded). */
  const changed = useCallback(
    (form: ApplyForm) => {
      latest.current = form
      const next = content(form)
      if (next === lastContent.current || finished.current) return
      const first = lastContent.current === null
      lastContent.current = next
      // The form as loaded is already saved wherever it came from.
      if (first) return
      writeLocalDraft(implementationCode, stamp(form))
      dirty.current = true
      if (held.current) return
      clearTimer()
      timer.current = setTimeout(() => void sendNow(), SERVER_SAVE_DELAY_MS)
    },
    [implementationCode, sendNow],
  )

  /** Saves this exact form now, on the phone and (best effort) on the server. */
  const saveNow = useCallback(
    async (form: ApplyForm) => {
      latest.current = form
      lastContent.current = content(form)
      writeLocalDraft(implementationCode, stamp(form))
      dirty.current = true
      await sendNow()
    },
    [implementationCode, sendNow],
  )

  /** Stops saving until `release` (a submission is under way); waits for a request in flight. */
  const hold = useCallback(async () => {
    held.current = true
    clearTimer()
    await (inflight.current ?? Promise.resolve())
  }, [])

  const release = useCallback(() => {
    held.current = false
    if (dirty.current) timer.current = setTimeout(() => void sendNow(), SERVER_SAVE_DELAY_MS)
  }, [sendNow])

  /** The application was submitted: the server has already deleted its draft; forget the phone's. */
  const finish = useCallback(() => {
    finished.current = true
    clearTimer()
    removeLocalDraft(implementationCode)
  }, [implementationCode])

  /** The user starts over: both copies go. */
  const discard = useCallback(async () => {
    clearTimer()
    dirty.current = false
    lastContent.current = null
    removeLocalDraft(implementationCode)
    await (inflight.current ?? Promise.resolve())
    await deleteDraft(implementationCode).catch(() => undefined)
    setState('idle')
    setSavedAt(null)
  }, [implementationCode])

  // Leaving the page sends whatever is still waiting.
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
      if (!held.current && !finished.current && dirty.current) void sendNow()
      clearTimer()
    }
  }, [sendNow])

  /** Sends a waiting change now (the app goes to the background), unless a submission holds saving. */
  const flush = useCallback(() => (held.current ? Promise.resolve() : sendNow()), [sendNow])

  return { state, savedAt, changed, saveNow, hold, release, finish, discard, flush }
}
