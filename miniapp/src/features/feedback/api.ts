import type {
  ComplaintDetail,
  ComplaintRequest,
  ComplaintSummary,
  Consultation,
  ConsultationRequest,
  Evaluation,
  EvaluationRequest,
  FaqEntry,
  PublicProgress,
  PublicProgressRequest,
} from '@ah-tourism/shared'
import { getJson, requestJson } from '@/services/http'

/** The citizen's side of the feedback loop: 好差评, the public progress query, consultations and complaints. */

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

const path = (value: string) => encodeURIComponent(value)

/**
 * Every create here sends an idempotency key (services/retry-key.ts): a retry with the same key and
 * content gets what the first request created.
 */
const once = (idempotencyKey: string) => ({ 'Idempotency-Key': idempotencyKey })

/** One evaluation per case: 409 EVALUATION_NOT_OPEN before the case is finished, EVALUATION_ALREADY_GIVEN after one. */
export async function evaluateCase(caseNumber: string, request: EvaluationRequest, idempotencyKey: string): Promise<Evaluation> {
  return (await requestJson<Evaluation>('POST', `/cases/${path(caseNumber)}/evaluation`, { auth: true, body: request, headers: once(idempotencyKey) })).data
}

export async function evaluateComplaint(complaintNumber: string, request: EvaluationRequest, idempotencyKey: string): Promise<Evaluation> {
  return (await requestJson<Evaluation>('POST', `/complaints/${path(complaintNumber)}/evaluation`, { auth: true, body: request, headers: once(idempotencyKey) })).data
}

/** No sign-in: the case number with the applicant's name or the last 4 digits of their mobile. 404 and 429 carry a message. */
export async function queryProgress(request: PublicProgressRequest): Promise<PublicProgress> {
  return (await requestJson<PublicProgress>('POST', '/public/progress', { body: request })).data
}

export async function askConsultation(request: ConsultationRequest, idempotencyKey: string): Promise<Consultation> {
  return (await requestJson<Consultation>('POST', '/consultations', { auth: true, body: request, headers: once(idempotencyKey) })).data
}

export function listMyConsultations(query: { limit?: number; cursor?: string | null }): Promise<Page<Consultation>> {
  return getJson<Page<Consultation>>('/me/consultations', { auth: true, query: { limit: query.limit, cursor: query.cursor } })
}

/** Published answers of an item's consultations; public. */
export async function listFaq(implementationCode: string): Promise<FaqEntry[]> {
  return (await getJson<{ items: FaqEntry[] }>(`/catalog/items/${path(implementationCode)}/faq`)).items
}

export async function submitComplaint(request: ComplaintRequest, idempotencyKey: string): Promise<ComplaintDetail> {
  return (await requestJson<ComplaintDetail>('POST', '/complaints', { auth: true, body: request, headers: once(idempotencyKey) })).data
}

export function listMyComplaints(query: { limit?: number; cursor?: string | null }): Promise<Page<ComplaintSummary>> {
  return getJson<Page<ComplaintSummary>>('/me/complaints', { auth: true, query: { limit: query.limit, cursor: query.cursor } })
}

export function getComplaint(complaintNumber: string): Promise<ComplaintDetail> {
  return getJson<ComplaintDetail>(`/complaints/${path(complaintNumber)}`, { auth: true })
}
