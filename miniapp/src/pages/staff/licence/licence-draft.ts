import type { LicenceAction, LicencePayload } from '@ah-tourism/shared'
import type { LicenceActionBody } from '@/features/licences/api'
import { STAFF_LICENCE_STRINGS as S } from './strings'

/**
 * The form behind one licence action, checked as licenceActionRequestSchema checks it (by hand: the
 * staff subpackage stays free of zod) and turned into the request. A change (变更换发) starts from
 * the licence as it is and sends only what was edited.
 */

export interface DetailDraft {
  name: string
  value: string
}

export interface LicenceDraft {
  reason: string
  legalBasis: string
  /** YYYY-MM-DD or '' (today). */
  effectiveOn: string
  scope: string[]
  details: DetailDraft[]
  holderName: string
}

export type IssueMap = Record<string, string>

export const MAX = { reason: 200, legalBasis: 200, scopeItems: 10, scopeItem: 30, detailName: 20, detailValue: 60, holderName: 60 }

export function emptyDraft(licence: LicencePayload): LicenceDraft {
  return {
    reason: '',
    legalBasis: '',
    effectiveOn: '',
    scope: [...licence.scope],
    details: Object.entries(licence.details).map(([name, value]) => ({ name, value })),
    holderName: licence.holder.name,
  }
}

function text(value: string, missing: string, max: number): string | null {
  const trimmed = value.trim()
  if (!trimmed) return missing
  return trimmed.length > max ? S.issues.tooLong(max) : null
}

const scopeOf = (draft: LicenceDraft) => draft.scope.map((item) => item.trim())
const detailsOf = (draft: LicenceDraft) => Object.fromEntries(draft.details.map((d) => [d.name.trim(), d.value.trim()]))

/** What a change alters, compared with the licence as it is: only those parts are sent. */
export function changesOf(draft: LicenceDraft, licence: LicencePayload): NonNullable<LicenceActionBody['changes']> {
  const changes: NonNullable<LicenceActionBody['changes']> = {}
  const scope = scopeOf(draft)
  if (scope.join('\n') !== licence.scope.join('\n')) changes.scope = scope
  const details = detailsOf(draft)
  const same = Object.keys(details).length === Object.keys(licence.details).length && Object.entries(details).every(([k, v]) => licence.details[k] === v)
  if (!same) changes.details = details
  if (draft.holderName.trim() !== licence.holder.name) changes.holderName = draft.holderName.trim()
  return changes
}

export function validateDraft(action: LicenceAction, draft: LicenceDraft, licence: LicencePayload): IssueMap {
  const issues: IssueMap = {}
  const put = (path: string, message: string | null) => {
    if (message) issues[path] ??= message
  }
  put('reason', text(draft.reason, S.issues.reason, MAX.reason))
  put('legalBasis', text(draft.legalBasis, S.issues.legalBasis, MAX.legalBasis))
  if (action !== 'change') return issues

  const scope = scopeOf(draft)
  if (!scope.length || scope.length > MAX.scopeItems) put('scope', S.issues.scopeEmpty)
  scope.forEach((item, index) => put(`scope.${index}`, !item || item.length > MAX.scopeItem ? S.issues.scopeItem : null))
  const seen = new Set<string>()
  draft.details.forEach(({ name, value }, index) => {
    const key = name.trim()
    const bad = !key || key.length > MAX.detailName || !value.trim() || value.trim().length > MAX.detailValue
    put(`details.${index}`, bad ? S.issues.detail : seen.has(key) ? S.issues.detailDuplicate : null)
    seen.add(key)
  })
  const holder = draft.holderName.trim()
  put('holderName', !holder || holder.length > MAX.holderName ? S.issues.holderName : null)
  if (!Object.keys(issues).length && !Object.keys(changesOf(draft, licence)).length) put('changes', S.issues.nothingChanged)
  return issues
}

export function toBody(action: LicenceAction, draft: LicenceDraft, licence: LicencePayload): LicenceActionBody {
  return {
    action,
    version: licence.version,
    reason: draft.reason.trim(),
    legalBasis: draft.legalBasis.trim(),
    ...(draft.effectiveOn ? { effectiveOn: draft.effectiveOn } : {}),
    ...(action === 'change' ? { changes: changesOf(draft, licence) } : {}),
  }
}
