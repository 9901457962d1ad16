import type { AssistedChannel, FieldIssue, OnBehalf } from '@ah-tourism/shared'
import { RECORD_STRINGS as S } from './strings'

export const MOBILE = /^1[3-9]\d{9}$/
const NAME_MAX = 30

export interface PersonDraft {
  channel: AssistedChannel
  name: string
  mobile: string
}

/** Problems of the person's fields, by the API's paths (onBehalf.name, onBehalf.mobile). */
export function checkPerson(draft: PersonDraft): Record<string, string> {
  const issues: Record<string, string> = {}
  const name = draft.name.trim()
  if (!name) issues['onBehalf.name'] = S.issues.name
  else if (Array.from(name).length > NAME_MAX) issues['onBehalf.name'] = S.issues.nameTooLong
  const mobile = draft.mobile.trim()
  if (mobile && !MOBILE.test(mobile)) issues['onBehalf.mobile'] = S.issues.mobile
  return issues
}

export function toOnBehalf(draft: PersonDraft): OnBehalf {
  const mobile = draft.mobile.trim()
  return { channel: draft.channel, name: draft.name.trim(), ...(mobile ? { mobile } : {}) }
}

/** What the record tabs need from the page: the person (null when their fields need fixing) and where the API's person issues go. */
export interface RecordContext {
  /** Checks the person's fields, shows their problems and returns who is being recorded for, or null. */
  takePerson: () => OnBehalf | null
  /** Puts the API's onBehalf.* issues on the person's fields; returns the others. */
  placePersonIssues: (details: FieldIssue[]) => FieldIssue[]
  onSaved: (result: RecordResult) => void
}

export interface RecordResult {
  kind: 'evaluation' | 'consultation' | 'complaint'
  number: string
  url: string
  linkText: string
}
