import Taro from '@tarojs/taro'
import { ensureSignedIn } from '@/services/session'

/** The case pages live in the `pages/cases` subpackage; 我的 is a tab. */
export const APPLY_PAGE = '/pages/cases/apply/index'
export const CASE_PAGE = '/pages/cases/detail/index'
export const SUBMITTED_PAGE = '/pages/cases/submitted/index'
export const DOCUMENT_PAGE = '/pages/cases/document/index'
export const MINE_TAB = '/pages/mine/index'
/** 线上线下联合办理: the hall window's entry of a walk-in application, and the person's claim of it. */
export const INTAKE_PAGE = '/pages/cases/intake/index'
export const CLAIM_PAGE = '/pages/cases/claim/index'

export function applyUrl(implementationCode: string): string {
  return `${APPLY_PAGE}?code=${encodeURIComponent(implementationCode)}`
}

export function caseUrl(caseNumber: string): string {
  return `${CASE_PAGE}?caseNumber=${encodeURIComponent(caseNumber)}`
}

/** One of the applicant's documents (一次性告知书, 受理通知书, 决定书…). */
export function documentUrl(caseNumber: string, documentId: string): string {
  return `${DOCUMENT_PAGE}?caseNumber=${encodeURIComponent(caseNumber)}&documentId=${encodeURIComponent(documentId)}`
}

export function submittedUrl(caseNumber: string): string {
  return `${SUBMITTED_PAGE}?caseNumber=${encodeURIComponent(caseNumber)}`
}

/** Applying needs a user: signed out, the login page comes first and continues to the form. */
export function openApply(implementationCode: string): void {
  const url = applyUrl(implementationCode)
  void ensureSignedIn(url).then((signedIn) => {
    if (signedIn) void Taro.navigateTo({ url })
  })
}

export function openCase(caseNumber: string): void {
  void Taro.navigateTo({ url: caseUrl(caseNumber) })
}

/** Back to the page that opened this one; a page opened by link (the only one in the stack) goes to `url` instead. */
export function backOr(url: string): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.redirectTo({ url })
}

export function openMineTab(): void {
  void Taro.switchTab({ url: MINE_TAB })
}

/** Query values arrive still encoded on weapp and decoded in H5. */
export function readParam(raw: string | undefined): string {
  if (!raw) return ''
  try {
    return decodeURIComponent(raw).trim()
  } catch {
    return raw.trim()
  }
}
