import type { StaffActionRequest, StaffCaseDetail } from '@ah-tourism/shared'
import type { CommitmentConsequence } from '@ah-tourism/shared/src/application/commitment-consequences'
import { CASE_TRANSITIONS, type CaseTransition, type Requirement, type TransitionDefinition } from '@ah-tourism/shared/src/cases/status'
import type { OrganisationRef } from '@/features/staff/api'
import { CASE_STRINGS as S } from './strings'

/**
 * The form behind one staff action. It asks exactly what the transition requires
 * (CASE_TRANSITIONS[action].requires, the table the functions enforce too), checks it the way the
 * API does, and builds the request. Issue paths follow the API's (`opinion`, `delivery.hall`…), with
 * `material.<id>` / `condition.<index>` for a line of the one-time notice.
 */

export type Procedure = NonNullable<StaffActionRequest['procedure']>
export type DeliveryMethod = 'electronic' | 'post' | 'pickup'
export type IssueMap = Record<string, string>

/** Typed against the request, so a new procedure in the contract fails to compile here until it has a name. */
export const PROCEDURES: Record<Procedure, string> = S.procedures
export const DELIVERY_METHODS: Record<DeliveryMethod, string> = S.deliveryMethods

/**
 * The usual reasons a material fails pre-review, as the one-time notice writes them (the notice is an
 * official document in Chinese, whatever language the staff member reads; the choices show
 * CASE_STRINGS.defectReasons). Anything else is written out (OTHER_REASON, a choice that is not sent).
 */
export const DEFECT_REASONS = {
  unclear: '材料不清晰', // i18n-exempt: wording of the one-time notice (a Chinese official document)
  unsigned: '缺少签字或盖章', // i18n-exempt: wording of the one-time notice (a Chinese official document)
  inconsistent: '内容与申请不一致', // i18n-exempt: wording of the one-time notice (a Chinese official document)
  expired: '材料已过期', // i18n-exempt: wording of the one-time notice (a Chinese official document)
} as const
export const OTHER_REASON = 'other'

/** The decision document's statement of remedies, prefilled for the staff member to keep or edit (the document is in Chinese). */
export const DEFAULT_LEGAL_REMEDY =
  '如不服本决定，可以自收到本决定书之日起六十日内向安徽省文化和旅游厅申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。' // i18n-exempt: wording of the decision document (a Chinese official document)

const MAX = { opinion: 1000, reason: 1000, legalRemedy: 500, defect: 200, hall: 100 }
const TRACKING_NUMBER = /^[0-9A-Za-z]{8,30}$/

export interface MaterialCheck {
  failed: boolean
  /** One of DEFECT_REASONS, OTHER_REASON, or null before a choice. */
  preset: string | null
  /** Free text: required with OTHER_REASON, an optional explanation otherwise. */
  text: string
}

export interface ConditionCheck {
  failed: boolean
  text: string
}

export interface ActionDraft {
  opinion: string
  reason: string
  legalRemedy: string
  materials: Record<string, MaterialCheck>
  conditions: Record<number, ConditionCheck>
  delivery: DeliveryMethod
  trackingNumber: string
  hall: string
  target: OrganisationRef | null
  procedure: Procedure | ''
  /** 认定承诺不实: which commitment, and the consequence recorded. */
  commitmentMaterial: string
  consequence: CommitmentConsequence | ''
}

export function requirementsOf(action: CaseTransition): readonly Requirement[] {
  return (CASE_TRANSITIONS[action] as TransitionDefinition).requires
}

export function emptyDraft(): ActionDraft {
  return {
    opinion: '',
    reason: '',
    legalRemedy: DEFAULT_LEGAL_REMEDY,
    materials: {},
    conditions: {},
    delivery: 'electronic',
    trackingNumber: '',
    hall: '',
    target: null,
    procedure: '',
    commitmentMaterial: '',
    consequence: '',
  }
}

/** What a failed material's line of the notice says. */
function materialReason(check: MaterialCheck): string {
  const text = check.text.trim()
  if (check.preset === OTHER_REASON || !check.preset) return text
  return text ? `${check.preset}：${text}` : check.preset
}

function textIssue(value: string, missing: string, max: number): string | null {
  const text = value.trim()
  if (!text) return missing
  return text.length > max ? S.tooLong(max) : null
}

export function validateDraft(action: CaseTransition, draft: ActionDraft): IssueMap {
  const issues: IssueMap = {}
  const put = (path: string, message: string | null) => {
    if (message) issues[path] = message
  }
  for (const requirement of requirementsOf(action)) {
    if (requirement === 'opinion') put('opinion', textIssue(draft.opinion, S.issues.opinion, MAX.opinion))
    if (requirement === 'reason') put('reason', textIssue(draft.reason, S.issues.reason, MAX.reason))
    if (requirement === 'legal_remedy') put('legalRemedy', textIssue(draft.legalRemedy, S.issues.legalRemedy, MAX.legalRemedy))
    if (requirement === 'procedure' && !draft.procedure) put('procedure', S.issues.procedure)
    if (requirement === 'commitment') {
      if (!draft.commitmentMaterial) put('commitment.materialId', S.issues.commitmentMaterial)
      if (!draft.consequence) put('commitment.consequence', S.issues.consequence)
    }
    if (requirement === 'target_organisation' && !draft.target) put('targetOrganisationCode', S.issues.target)
    if (requirement === 'delivery') {
      if (draft.delivery === 'post' && !TRACKING_NUMBER.test(draft.trackingNumber.trim())) put('delivery.trackingNumber', S.issues.trackingNumber)
      if (draft.delivery === 'pickup') put('delivery.hall', textIssue(draft.hall, S.issues.hall, MAX.hall))
    }
    if (requirement === 'defects') {
      const materials = Object.entries(draft.materials).filter(([, check]) => check.failed)
      const conditions = Object.entries(draft.conditions).filter(([, check]) => check.failed)
      if (!materials.length && !conditions.length) put('defects', S.issues.defects)
      for (const [id, check] of materials) {
        if (!check.preset) put(`material.${id}`, S.issues.defectReason)
        else if (check.preset === OTHER_REASON) put(`material.${id}`, textIssue(check.text, S.issues.defectText, MAX.defect))
        else if (materialReason(check).length > MAX.defect) put(`material.${id}`, S.tooLong(MAX.defect))
      }
      for (const [index, check] of conditions) put(`condition.${index}`, textIssue(check.text, S.issues.conditionText, MAX.defect))
    }
  }
  return issues
}

/**
 * The request for the action, with only what it requires, and for each line of a one-time notice
 * the field it came from (so an API issue such as `defects[1].reason` lands on that material).
 */
export function toRequest(action: CaseTransition, draft: ActionDraft, detail: Pick<StaffCaseDetail, 'version'>): { request: StaffActionRequest; defectPaths: string[] } {
  const request: StaffActionRequest = { action, version: detail.version }
  const defectPaths: string[] = []
  for (const requirement of requirementsOf(action)) {
    if (requirement === 'opinion') request.opinion = draft.opinion.trim()
    if (requirement === 'reason') request.reason = draft.reason.trim()
    if (requirement === 'legal_remedy') request.legalRemedy = draft.legalRemedy.trim()
    if (requirement === 'procedure' && draft.procedure) request.procedure = draft.procedure
    if (requirement === 'commitment' && draft.commitmentMaterial && draft.consequence) request.commitment = { materialId: draft.commitmentMaterial, consequence: draft.consequence }
    if (requirement === 'target_organisation' && draft.target) request.targetOrganisationCode = draft.target.code
    if (requirement === 'delivery') {
      request.delivery =
        draft.delivery === 'post'
          ? { method: 'post', trackingNumber: draft.trackingNumber.trim() }
          : draft.delivery === 'pickup'
            ? { method: 'pickup', hall: draft.hall.trim() }
            : { method: 'electronic' }
    }
    if (requirement === 'defects') {
      request.defects = []
      for (const [materialId, check] of Object.entries(draft.materials)) {
        if (!check.failed) continue
        request.defects.push({ materialId, reason: materialReason(check) })
        defectPaths.push(`material.${materialId}`)
      }
      for (const [index, check] of Object.entries(draft.conditions)) {
        if (!check.failed) continue
        request.defects.push({ conditionIndex: Number(index), reason: check.text.trim() })
        defectPaths.push(`condition.${index}`)
      }
    }
  }
  return { request, defectPaths }
}

/** The API's issue path as a path of this form (`defects[1].reason` → `material.<id>`). */
export function formPath(apiPath: string, defectPaths: string[]): string {
  const defect = /^defects\[(\d+)\]/.exec(apiPath)
  if (defect) return defectPaths[Number(defect[1])] ?? 'defects'
  if (apiPath.startsWith('delivery') && !apiPath.includes('.')) return 'delivery'
  if (apiPath === 'commitment') return 'commitment.materialId'
  return apiPath
}
