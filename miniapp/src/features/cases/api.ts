import type { ApplicationPrefill, CaseDetail, CaseOverview, CaseSummary, Draft, DraftSummary, HallIntakeReceipt, SupplementDraft, UploadRequest, UploadTicket, VisitBooking, VisitSlots } from '@ah-tourism/shared'
import { getJson, requestJson } from '@/services/http'

/** The applicant's side of cases, uploads and drafts. Every route here needs the caller. */

export interface CasePage {
  cases: CaseSummary[]
  nextCursor: string | null
}

export interface DownloadLink {
  url: string
  fileName: string
  expiresAt: string
}

/** The body of POST /cases (the shape shared/src/application/application.ts validates). */
export interface ApplicationBody {
  implementationCode: string
  applicant: unknown
  fields: Record<string, unknown>
  materials: Record<string, { key: string; fileName: string; contentType?: string; size?: number }[]>
  /** 告知承诺制: the commitments confirmed instead of uploading, each with the SM3 hash of its text. */
  commitments?: Record<string, { textHash: string }>
}

const path = (value: string) => encodeURIComponent(value)

export function listCases(query: { limit?: number; cursor?: string | null }): Promise<CasePage> {
  return getJson<CasePage>('/cases', { auth: true, query: { limit: query.limit, cursor: query.cursor } })
}

/** Home's 我的办件: the person's latest cases, each with what says whether they have something to do. */
export function getCaseOverview(): Promise<CaseOverview> {
  return getJson<CaseOverview>('/me/case-overview', { auth: true })
}

export function getCase(caseNumber: string): Promise<CaseDetail> {
  return getJson<CaseDetail>(`/cases/${path(caseNumber)}`, { auth: true })
}

export function getDownloadLink(caseNumber: string, materialId: string, index: number): Promise<DownloadLink> {
  return getJson<DownloadLink>(`/cases/${path(caseNumber)}/materials/${path(materialId)}/files/${index}`, { auth: true })
}

/** What the caller gave in their own earlier applications, for a new form of this item. */
export function getApplicationPrefill(code: string): Promise<ApplicationPrefill> {
  return getJson<ApplicationPrefill>(`/me/application-prefill/${path(code)}`, { auth: true })
}

/** The files re-uploaded so far for the open supplement notice (version 0: none). */
export function getSupplementDraft(caseNumber: string): Promise<SupplementDraft> {
  return getJson<SupplementDraft>(`/cases/${path(caseNumber)}/supplement-draft`, { auth: true })
}

/** Keeps the supplement's files on the server at the draft version last read; 409 when it moved meanwhile. */
export async function saveSupplementDraft(caseNumber: string, body: { version: number; materials: SupplementDraft['materials'] }): Promise<SupplementDraft> {
  return (await requestJson<SupplementDraft>('PUT', `/cases/${path(caseNumber)}/supplement-draft`, { auth: true, body })).data
}

/** The new files for exactly the materials the one-time notice named, at the version the applicant saw. */
export async function resubmitCase(caseNumber: string, body: { version: number; materials: Record<string, { key: string; fileName: string }[]> }): Promise<CaseDetail> {
  return (await requestJson<CaseDetail>('POST', `/cases/${path(caseNumber)}/resubmit`, { auth: true, body })).data
}

export async function withdrawCase(caseNumber: string, body: { version: number; reason: string }): Promise<CaseDetail> {
  return (await requestJson<CaseDetail>('POST', `/cases/${path(caseNumber)}/withdraw`, { auth: true, body })).data
}

/** The on-site visit of a negative-list item: the place, the open slots (with places left) and any booking. */
export function getVisitSlots(caseNumber: string): Promise<VisitSlots> {
  return getJson<VisitSlots>(`/cases/${path(caseNumber)}/visit-slots`, { auth: true })
}

/** Books (or moves) the one visit; 409 VISIT_SLOT_FULL when the slot filled up meanwhile. A retry with the same key gets the same booking. */
export async function bookVisit(caseNumber: string, slotId: string, idempotencyKey: string): Promise<VisitBooking> {
  return (await requestJson<VisitBooking>('PUT', `/cases/${path(caseNumber)}/visit`, { auth: true, body: { slotId }, headers: { 'Idempotency-Key': idempotencyKey } })).data
}

/** One case per idempotency key: a retry with the same key and body returns the same case. */
export async function submitApplication(body: ApplicationBody, idempotencyKey: string): Promise<CaseDetail> {
  const { data } = await requestJson<CaseDetail>('POST', '/cases', { auth: true, body, headers: { 'Idempotency-Key': idempotencyKey } })
  return data
}

export async function createUploadTicket(request: UploadRequest): Promise<UploadTicket> {
  return (await requestJson<UploadTicket>('POST', '/uploads', { auth: true, body: request })).data
}

export async function listDrafts(): Promise<DraftSummary[]> {
  return (await getJson<{ drafts: DraftSummary[] }>('/drafts', { auth: true })).drafts
}

export function getDraft(implementationCode: string): Promise<Draft> {
  return getJson<Draft>(`/drafts/${path(implementationCode)}`, { auth: true })
}

export async function saveDraft(implementationCode: string, form: Record<string, unknown>): Promise<DraftSummary> {
  return (await requestJson<DraftSummary>('PUT', `/drafts/${path(implementationCode)}`, { auth: true, body: { form } })).data
}

export async function deleteDraft(implementationCode: string): Promise<void> {
  await requestJson<void>('DELETE', `/drafts/${path(implementationCode)}`, { auth: true })
}

/** 线上线下联合办理: a hall-window staff member enters a walk-in application; answers the receipt (回执). */
export async function enterHallIntake(body: ApplicationBody & { signedInPerson: boolean }, idempotencyKey: string): Promise<HallIntakeReceipt> {
  const { data } = await requestJson<HallIntakeReceipt>('POST', '/staff/intake', { auth: true, body, headers: { 'Idempotency-Key': idempotencyKey } })
  return data
}

/** The person claims a hall-window case with the receipt's case number and one-time code: it joins 我的办件. */
export async function claimCase(caseNumber: string, claimCode: string): Promise<CaseDetail> {
  return (await requestJson<CaseDetail>('POST', '/cases/claim', { auth: true, body: { caseNumber, claimCode } })).data
}
