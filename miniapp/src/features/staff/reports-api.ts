// Types only: the schemas (zod) stay out of the staff subpackage.
import type { FailedReportsPage, ReplayResult } from '@ah-tourism/shared/src/reports/api'
import { getJson, requestJson } from '@/services/http'

/** 上报监控: reports upward the provincial platform refused or that were given up, and their replay. */
export function listFailedReports(query: { limit?: number; cursor?: string | null }): Promise<FailedReportsPage> {
  return getJson<FailedReportsPage>('/staff/reports/failed', { auth: true, query: { limit: query.limit, cursor: query.cursor ?? undefined } })
}

export async function replayFailedReport(reportId: string): Promise<ReplayResult> {
  return (await requestJson<ReplayResult>('POST', `/staff/reports/failed/${encodeURIComponent(reportId)}/replay`, { auth: true })).data
}
