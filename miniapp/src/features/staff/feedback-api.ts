// Types only: the feedback schemas (zod) stay out of the staff subpackage, like staff-api.ts in api.ts.
import type {
  ComplaintActionRequest,
  ComplaintDetail,
  ComplaintStatus,
  ComplaintSummary,
  Consultation,
  FeedbackStats,
  RectificationAction,
  RectificationDetail,
  RectificationSummary,
} from '@ah-tourism/shared'
import { getJson, requestJson } from '@/services/http'

/**
 * The staff side of the user-experience loop: the rectification of bad reviews, complaints,
 * consultations, and pain and praise points. Every change carries the version the staff member saw; a
 * 409 says someone acted first. (Recording on behalf of someone uses the citizen's calls in
 * features/feedback/api.ts with `onBehalf`.)
 */

const path = (value: string) => encodeURIComponent(value)

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export type RectificationFilter = 'open' | 'all' | 'appealed'

export interface RectificationQuery {
  status: RectificationFilter
  /** Another organisation's tasks (provincial staff); none means the caller's own. */
  organisation?: string | null
  limit?: number
  cursor?: string | null
}

export function listRectifications(query: RectificationQuery): Promise<Page<RectificationSummary>> {
  return getJson<Page<RectificationSummary>>('/staff/rectifications', {
    auth: true,
    query: { status: query.status, organisation: query.organisation, limit: query.limit, cursor: query.cursor },
  })
}

export function getRectification(subjectId: string): Promise<RectificationDetail> {
  return getJson<RectificationDetail>(`/staff/rectifications/${path(subjectId)}`, { auth: true })
}

export async function actOnRectification(subjectId: string, action: RectificationAction): Promise<RectificationDetail> {
  return (await requestJson<RectificationDetail>('POST', `/staff/rectifications/${path(subjectId)}/actions`, { auth: true, body: action })).data
}

export interface ComplaintQuery {
  status?: ComplaintStatus | null
  limit?: number
  cursor?: string | null
}

export function listComplaints(query: ComplaintQuery): Promise<Page<ComplaintSummary>> {
  return getJson<Page<ComplaintSummary>>('/staff/complaints', { auth: true, query: { status: query.status, limit: query.limit, cursor: query.cursor } })
}

export function getComplaint(complaintNumber: string): Promise<ComplaintDetail> {
  return getJson<ComplaintDetail>(`/staff/complaints/${path(complaintNumber)}`, { auth: true })
}

export async function actOnComplaint(complaintNumber: string, request: ComplaintActionRequest): Promise<ComplaintDetail> {
  return (await requestJson<ComplaintDetail>('POST', `/staff/complaints/${path(complaintNumber)}/actions`, { auth: true, body: request })).data
}

export interface ConsultationQuery {
  status?: 'open' | 'answered' | null
  limit?: number
  cursor?: string | null
}

export function listConsultations(query: ConsultationQuery): Promise<Page<Consultation>> {
  return getJson<Page<Consultation>>('/staff/consultations', { auth: true, query: { status: query.status, limit: query.limit, cursor: query.cursor } })
}

export async function answerConsultation(consultationId: string, body: { version: number; answer: string }): Promise<Consultation> {
  return (await requestJson<Consultation>('POST', `/staff/consultations/${path(consultationId)}/answer`, { auth: true, body })).data
}

/** Publishes the answer as one of the guide's 常见问题, optionally with the wording polished. */
export async function promoteToFaq(consultationId: string, body: { question?: string; answer?: string }): Promise<Consultation> {
  return (await requestJson<Consultation>('POST', `/staff/consultations/${path(consultationId)}/faq`, { auth: true, body })).data
}

export interface StatsQuery {
  organisation?: string | null
  item?: string | null
  from?: string
  to?: string
}

export function getFeedbackStats(query: StatsQuery): Promise<FeedbackStats> {
  return getJson<FeedbackStats>('/staff/feedback/stats', { auth: true, query: { organisation: query.organisation, item: query.item, from: query.from, to: query.to } })
}
