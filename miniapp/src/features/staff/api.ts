// Types only: staff-api.ts carries the zod schemas, which stay out of the mini-program's packages
// apart from the case subpackage (checked by test/build/weapp-output.test.ts).
import type { CalendarYear, CaseStatus, StaffActionRequest, StaffCaseDetail, StaffInbox } from '@ah-tourism/shared'
import { listItems } from '@/features/catalog/api'
import type { DownloadLink } from '@/features/cases/api'
import { getJson, requestJson } from '@/services/http'

/** The staff workbench: the inbox, a case, its actions and files, and the working-day calendar. */

const path = (value: string) => encodeURIComponent(value)

export interface InboxQuery {
  status?: CaseStatus | null
  /** Provincial staff: another organisation's cases, read-only. */
  organisation?: string | null
  /** The cases imported from the national tourism supervision system instead of the open ones. */
  source?: 'national_tourism_system' | null
  limit?: number
  cursor?: string | null
}

export function listInbox(query: InboxQuery): Promise<StaffInbox> {
  return getJson<StaffInbox>('/staff/cases', {
    auth: true,
    query: { status: query.status, organisation: query.organisation, source: query.source, limit: query.limit, cursor: query.cursor },
  })
}

export function getStaffCase(caseNumber: string): Promise<StaffCaseDetail> {
  return getJson<StaffCaseDetail>(`/staff/cases/${path(caseNumber)}`, { auth: true })
}

/** One action at the version the staff member saw; a 409 says someone else acted first. */
export async function actOnCase(caseNumber: string, request: StaffActionRequest): Promise<StaffCaseDetail> {
  return (await requestJson<StaffCaseDetail>('POST', `/staff/cases/${path(caseNumber)}/actions`, { auth: true, body: request })).data
}

export function getStaffDownloadLink(caseNumber: string, materialId: string, index: number): Promise<DownloadLink> {
  return getJson<DownloadLink>(`/staff/cases/${path(caseNumber)}/materials/${path(materialId)}/files/${index}`, { auth: true })
}

export function getCalendarYear(year: number): Promise<CalendarYear> {
  return getJson<CalendarYear>(`/admin/calendar/${year}`, { auth: true })
}

export async function saveCalendarYear(year: number, body: { holidays: string[]; workdays: string[] }): Promise<CalendarYear> {
  return (await requestJson<CalendarYear>('PUT', `/admin/calendar/${year}`, { auth: true, body })).data
}

export interface OrganisationRef {
  code: string
  name: string
}

/** The credit code is the last 18 characters of every implementation code (实施编码). */
const CREDIT_CODE_LENGTH = 18

/**
 * The organisation (文化和旅游局 / 厅) that implements items in a region, read from the catalog: any
 * item of the region names it, and its implementation code ends with its credit code. Null when the
 * region has no items.
 */
export async function organisationOfRegion(regionCode: string): Promise<OrganisationRef | null> {
  const { items } = await listItems({ region: regionCode, limit: 1 })
  const first = items[0]
  return first ? { code: first.implementationCode.slice(-CREDIT_CODE_LENGTH), name: first.organisationName } : null
}
