import { useState } from 'react'
import { toApiError, type ApiError } from '@/services/api-error'

export type IssueMap = Record<string, string>

export interface ActionOutcome<T> {
  /** The request to send (already checked on the phone). */
  send: () => Promise<T>
  /** API issue paths this form shows next to a field; the others are listed under the form. */
  fields: readonly string[]
  onDone: (result: T) => void
  /** A 409: someone acted first or the state moved on; the page shows the message and reloads. */
  onStale: (error: ApiError) => void
}

/**
 * Sending one staff action of the feedback loop: one request at a time, the API's field issues next
 * to their fields, anything else listed under the form, and a 409 handed to the page.
 */
export function useFeedbackAction() {
  const [submitting, setSubmitting] = useState(false)
  const [serverIssues, setServerIssues] = useState<IssueMap>({})
  const [problems, setProblems] = useState<string[]>([])

  const run = async <T>({ send, fields, onDone, onStale }: ActionOutcome<T>): Promise<void> => {
    if (submitting) return
    setSubmitting(true)
    setServerIssues({})
    setProblems([])
    let result: T
    try {
      result = await send()
    } catch (caught) {
      setSubmitting(false)
      const error = toApiError(caught)
      if (error.status === 409) {
        onStale(error)
        return
      }
      const placed: IssueMap = {}
      const unplaced: string[] = []
      for (const issue of error.details) {
        if (fields.includes(issue.path)) placed[issue.path] ??= issue.message
        else unplaced.push(issue.message)
      }
      setServerIssues(placed)
      setProblems([error.message, ...unplaced.filter((message) => message !== error.message)])
      return
    }
    setSubmitting(false)
    onDone(result)
  }

  /** A field was edited: its server issue no longer applies. */
  const clearIssue = (path: string) =>
    setServerIssues((previous) => {
      if (!(path in previous)) return previous
      const rest = { ...previous }
      delete rest[path]
      return rest
    })

  return { submitting, serverIssues, problems, run, clearIssue }
}

/** Trimmed text that must be there and not too long; the message to show, or undefined. */
export function textProblem(value: string, missing: string, max: number, tooLong: (max: number) => string): string | undefined {
  const text = value.trim()
  if (!text) return missing
  return Array.from(text).length > max ? tooLong(max) : undefined
}
