// Types only: the assessment schemas (zod) stay out of the mini-program's packages.
import type { AssessmentCases, AssessmentItems, AssessmentReport, FigureKey } from '@ah-tourism/shared'
import { getJson } from '@/services/http'

/** 网上考核: a report for a scope and whole months, the cases behind a figure, the public report. */

export interface AssessmentQuery {
  /** `province`, `city:<region code>`, `organisation:<credit code>`; absent: the caller's organisation. */
  scope?: string | null
  from: string
  to: string
}

export function getAssessment(query: AssessmentQuery): Promise<AssessmentReport> {
  return getJson<AssessmentReport>('/staff/assessment', { auth: true, query: { scope: query.scope, from: query.from, to: query.to } })
}

export interface AssessmentCasesQuery extends AssessmentQuery {
  figure: FigureKey
  which: 'failing' | 'all'
}

export const CASES_PAGE_SIZE = 20

export function listAssessmentCases(query: AssessmentCasesQuery, cursor: string | null): Promise<AssessmentCases> {
  return getJson<AssessmentCases>('/staff/assessment/cases', {
    auth: true,
    query: { scope: query.scope, from: query.from, to: query.to, figure: query.figure, which: query.which, cursor, limit: CASES_PAGE_SIZE },
  })
}

/** The published items behind a catalog figure of a scope (all of them at once, at most 1000). */
export function listAssessmentItems(query: { scope: string; figure: FigureKey; which: 'failing' | 'all' }): Promise<AssessmentItems> {
  return getJson<AssessmentItems>('/staff/assessment/items', { auth: true, query: { scope: query.scope, figure: query.figure, which: query.which } })
}

/** No sign-in: the province (no region) or one city, and its cities as children. */
export function getPublicAssessment(query: { region?: string | null; from?: string; to?: string }): Promise<AssessmentReport> {
  return getJson<AssessmentReport>('/public/assessment', { query: { region: query.region, from: query.from, to: query.to } })
}

/** The CSV of a report: path and query, for the download (export.ts / export.h5.ts). */
export const EXPORT_PATH = '/staff/assessment/export'
