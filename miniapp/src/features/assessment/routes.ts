import Taro from '@tarojs/taro'
import type { FigureKey } from '@ah-tourism/shared'

/**
 * The staff dashboard and its cases live in the `pages/staff` subpackage, the public page in
 * `pages/public`; the chart library is imported only by those pages, so the main package does not carry
 * it. Main-package pages (首页, 我的) import only this file and api.ts from the feature.
 */
export const ASSESSMENT_PAGE = '/pages/staff/assessment/index'
export const ASSESSMENT_CASES_PAGE = '/pages/staff/assessment-cases/index'
export const ASSESSMENT_ITEMS_PAGE = '/pages/staff/assessment-items/index'
export const PUBLIC_ASSESSMENT_PAGE = '/pages/public/assessment/index'

const query = (params: Record<string, string | null | undefined>) =>
  Object.entries(params)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${encodeURIComponent(value!)}`)
    .join('&')

/** A page parameter as text: decoded once (H5 may hand it over decoded already, which stays as it is). */
export function paramText(value: string | undefined): string {
  if (!value) return ''
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

export function assessmentUrl(params: { scope?: string | null; from?: string; to?: string; preset?: string }): string {
  const tail = query(params)
  return tail ? `${ASSESSMENT_PAGE}?${tail}` : ASSESSMENT_PAGE
}

export function assessmentCasesUrl(params: { scope: string; scopeName: string; from: string; to: string; figure: FigureKey }): string {
  return `${ASSESSMENT_CASES_PAGE}?${query(params)}`
}

/** The published items behind a catalog figure: a snapshot of what is published now, so no period. */
export function assessmentItemsUrl(params: { scope: string; scopeName: string; figure: FigureKey }): string {
  return `${ASSESSMENT_ITEMS_PAGE}?${query(params)}`
}

export function publicAssessmentUrl(params: { region?: string | null; from?: string; to?: string } = {}): string {
  const tail = query(params)
  return tail ? `${PUBLIC_ASSESSMENT_PAGE}?${tail}` : PUBLIC_ASSESSMENT_PAGE
}

export function openPublicAssessment(): void {
  void Taro.navigateTo({ url: PUBLIC_ASSESSMENT_PAGE })
}
