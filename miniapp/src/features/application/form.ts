import type { FieldDefinition, ImplementationItem, Material } from '@ah-tourism/shared'
// Deep imports: these files carry zod, so only the case subpackage may import this module (the
// weapp output test checks zod stays out of the main package).
import {
  applicationSchema,
  MATERIAL_TYPES,
  materialRequirement,
  type MaterialContentType,
  type MaterialRequirement,
} from '@ah-tourism/shared/src/application/application'
import { commitmentTextHash } from '@ah-tourism/shared/src/application/commitment'
import type { ApplicationBody } from '@/features/cases/api'

/**
 * The application form as the phone keeps it: everything typed so far, as text, plus the uploaded
 * files. It is what drafts store (on the phone and on the server), so it must survive being half
 * filled in; `toApplicationBody` turns it into the request the shared schema validates.
 */
export const FORM_VERSION = 1

export type ApplicantKind = 'person' | 'enterprise'

export interface PersonInput {
  name: string
  idNumber: string
  mobile: string
}

export interface EnterpriseInput {
  name: string
  creditCode: string
  legalRepresentative: string
}

export interface FormFile {
  key: string
  fileName: string
  contentType: MaterialContentType
  size: number
}

export interface ApplyForm {
  version: typeof FORM_VERSION
  applicantKind: ApplicantKind
  /** A person applies through someone else holding a power of attorney (代办). */
  onBehalf: boolean
  person: PersonInput
  enterprise: EnterpriseInput
  /** The enterprise's 经办人, or the person's 代办人. */
  agent: PersonInput
  /** Declared fields as typed; numbers are converted when submitting. */
  fields: Record<string, string>
  materials: Record<string, FormFile[]>
  /**
   * 告知承诺制: materials the applicant chose to replace by the guide's commitment, with the SM3 hash of the
   * text they confirmed (null until confirmed). Absent: the material is uploaded as usual.
   */
  commitments: Record<string, CommitmentChoice>
  /** Made at the first submission attempt and kept, so a retry cannot create a second case. */
  idempotencyKey: string | null
  /** When this copy was saved (the phone's clock): the newer of the phone's and the server's draft wins. */
  savedAt: string
  /** The published guide version the form was filled in against (0: not known, a draft saved before versions were kept). */
  guideVersion: number
}

export type SlotRequirement = MaterialRequirement | 'not_applicable'
export type CommitmentChoice = { confirmed: string | null }

export const MAX_FILES_PER_MATERIAL = 5
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,64}$/
const NUMBER_TEXT = /^[-+]?\d+(\.\d+)?$/

const emptyPerson = (): PersonInput => ({ name: '', idNumber: '', mobile: '' })
const emptyEnterprise = (): EnterpriseInput => ({ name: '', creditCode: '', legalRepresentative: '' })

/** Who may apply, from the guide's service objects (自然人 / 企业法人 / 其他组织). */
export function applicantKinds(item: ImplementationItem): ApplicantKind[] {
  const objects = item.guide.serviceObjects
  const kinds: ApplicantKind[] = []
  if (objects.includes('natural_person')) kinds.push('person')
  if (objects.includes('legal_person') || objects.includes('other_organisation')) kinds.push('enterprise')
  return kinds.length ? kinds : ['person', 'enterprise']
}

export function emptyForm(item: ImplementationItem): ApplyForm {
  return {
    version: FORM_VERSION,
    applicantKind: applicantKinds(item)[0] ?? 'person',
    onBehalf: false,
    person: emptyPerson(),
    enterprise: emptyEnterprise(),
    agent: emptyPerson(),
    fields: Object.fromEntries(item.applicationFields.map((field) => [field.key, ''])),
    materials: {},
    commitments: {},
    idempotencyKey: null,
    savedAt: '',
    guideVersion: item.version,
  }
}

/**
 * A new form for a person whose identity the provincial portal verified: they apply for themselves, so
 * the applicant's name and ID number (and mobile) are filled in from that identity; they can still change
 * them, or choose 代办 or an enterprise.
 */
export function prefilledForm(item: ImplementationItem, identity: { name: string; idNumber: string; mobile?: string } | null): ApplyForm {
  const form = emptyForm(item)
  if (!identity || !applicantKinds(item).includes('person')) return form
  return { ...form, person: { name: identity.name, idNumber: identity.idNumber, mobile: identity.mobile ?? '' } }
}

/** The hash a confirmation of this material's commitment carries (SM3 of the guide version's text). */
export const commitmentHashOf = (material: Material): string => commitmentTextHash(material.commitment?.text ?? '')

/** True when the applicant replaces this material by its commitment (告知承诺制) instead of uploading it. */
export function promises(material: Material, form: Pick<ApplyForm, 'commitments'>): boolean {
  return !!material.commitment && !!form.commitments[material.id]
}

export function throughAgent(form: Pick<ApplyForm, 'applicantKind' | 'onBehalf'>): boolean {
  return form.applicantKind === 'enterprise' || form.onBehalf
}

export function slotRequirement(material: Material, form: ApplyForm): SlotRequirement {
  return materialRequirement(material, throughAgent(form))
}

function fieldValue(field: FieldDefinition, raw: string): unknown {
  const value = raw.trim()
  if (value === '') return undefined
  if (field.type === 'number') return NUMBER_TEXT.test(value) ? Number(value) : value
  return value
}

/** The request body: only what applies to the chosen applicant, and only files the guide asks for. */
export function toApplicationBody(form: ApplyForm, item: ImplementationItem): ApplicationBody {
  const applicant =
    form.applicantKind === 'enterprise'
      ? { kind: 'enterprise', enterprise: form.enterprise, agent: form.agent }
      : { kind: 'person', person: form.person, ...(form.onBehalf ? { agent: form.agent } : {}) }
  const fields: Record<string, unknown> = {}
  for (const field of item.applicationFields) {
    const value = fieldValue(field, form.fields[field.key] ?? '')
    if (value !== undefined) fields[field.key] = value
  }
  const materials: ApplicationBody['materials'] = {}
  const commitments: NonNullable<ApplicationBody['commitments']> = {}
  for (const material of item.guide.materials) {
    const requirement = slotRequirement(material, form)
    const files = form.materials[material.id] ?? []
    if (requirement !== 'not_applicable' && promises(material, form)) {
      // Only a confirmed commitment is sent, with the hash of the very text confirmed (the server compares it with the guide's).
      const confirmed = form.commitments[material.id]?.confirmed
      if (confirmed) commitments[material.id] = { textHash: confirmed }
      continue
    }
    if ((requirement === 'upload_required' || requirement === 'upload_optional') && files.length) {
      // The type and size declared for the upload ticket let the server prove each file by its upload
      // verdict while writing the case, instead of reading the verdicts first (a stored draft may lack the size).
      materials[material.id] = files.map(({ key, fileName, contentType, size }) => ({ key, fileName, contentType, ...(size > 0 ? { size } : {}) }))
    }
  }
  return { implementationCode: item.implementationCode, applicant, fields, materials, ...(Object.keys(commitments).length ? { commitments } : {}) }
}

/** `['applicant', 'agent', 'idNumber']` → `applicant.agent.idNumber`; `['materials', 'x', 0]` → `materials.x[0]` (as the API writes them). */
export function issuePath(parts: ReadonlyArray<PropertyKey>): string {
  return parts.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), '')
}

export type IssueMap = Record<string, string>

/** The schema of one item's application, built from its guide (the same one the function uses). */
export function schemaFor(item: ImplementationItem) {
  return applicationSchema(item)
}

/** Every problem of the form, by path, first message per path. */
export function validateForm(form: ApplyForm, item: ImplementationItem, schema: ReturnType<typeof schemaFor>): IssueMap {
  const result = schema.safeParse(toApplicationBody(form, item))
  if (result.success) return {}
  const issues: IssueMap = {}
  for (const issue of result.error.issues) {
    const path = issuePath(issue.path)
    issues[path] ??= issue.message
  }
  return issues
}

// ---- reading a stored draft (never trusted: it may come from an older guide or another version) ----

const text = (value: unknown, max = 200): string => (typeof value === 'string' ? value.slice(0, max) : typeof value === 'number' ? String(value) : '')
const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {})

function person(value: unknown): PersonInput {
  const v = record(value)
  return { name: text(v.name, 50), idNumber: text(v.idNumber, 18), mobile: text(v.mobile, 11) }
}

function storedFile(value: unknown): FormFile | null {
  const v = record(value)
  const contentType = MATERIAL_TYPES.find((type) => type === v.contentType)
  if (typeof v.key !== 'string' || !v.key || typeof v.fileName !== 'string' || !v.fileName || !contentType) return null
  return { key: v.key, fileName: v.fileName, contentType, size: typeof v.size === 'number' ? v.size : 0 }
}

/** A stored form, fitted to the item's current guide, or null if it is not one of ours. */
export function formFromStored(value: unknown, item: ImplementationItem): ApplyForm | null {
  const v = record(value)
  if (v.version !== FORM_VERSION) return null
  const blank = emptyForm(item)
  const kinds = applicantKinds(item)
  const storedFields = record(v.fields)
  const storedMaterials = record(v.materials)
  const materials: Record<string, FormFile[]> = {}
  for (const material of item.guide.materials) {
    const list = Array.isArray(storedMaterials[material.id]) ? (storedMaterials[material.id] as unknown[]) : []
    const files = list.map(storedFile).filter((file): file is FormFile => file !== null).slice(0, MAX_FILES_PER_MATERIAL)
    if (files.length && material.source === 'applicant') materials[material.id] = files
  }
  const storedCommitments = record(v.commitments)
  const commitments: Record<string, CommitmentChoice> = {}
  for (const material of item.guide.materials) {
    const choice = record(storedCommitments[material.id])
    if (!material.commitment || !('confirmed' in choice)) continue
    // A confirmation is of one text: kept only while the guide's text is the one confirmed, else asked again.
    commitments[material.id] = { confirmed: choice.confirmed === commitmentTextHash(material.commitment.text) ? (choice.confirmed as string) : null }
  }
  const kind = v.applicantKind === 'enterprise' || v.applicantKind === 'person' ? v.applicantKind : blank.applicantKind
  return {
    version: FORM_VERSION,
    applicantKind: kinds.includes(kind) ? kind : blank.applicantKind,
    onBehalf: v.onBehalf === true,
    person: person(v.person),
    enterprise: (() => {
      const e = record(v.enterprise)
      return { name: text(e.name, 50), creditCode: text(e.creditCode, 18), legalRepresentative: text(e.legalRepresentative, 50) }
    })(),
    agent: person(v.agent),
    fields: Object.fromEntries(item.applicationFields.map((field) => [field.key, text(storedFields[field.key], 500)])),
    materials,
    commitments,
    idempotencyKey: typeof v.idempotencyKey === 'string' && IDEMPOTENCY_KEY.test(v.idempotencyKey) ? v.idempotencyKey : null,
    savedAt: typeof v.savedAt === 'string' ? v.savedAt : '',
    guideVersion: typeof v.guideVersion === 'number' && Number.isInteger(v.guideVersion) && v.guideVersion > 0 ? v.guideVersion : 0,
  }
}

/** True when nothing has been typed or uploaded yet (such a form is not worth keeping as a draft). */
export function isBlank(form: ApplyForm, item: ImplementationItem): boolean {
  const blank = emptyForm(item)
  const neutral = { savedAt: '', applicantKind: '', guideVersion: 0 }
  return JSON.stringify({ ...form, ...neutral }) === JSON.stringify({ ...blank, ...neutral })
}
