import Taro from '@tarojs/taro'
import { ensureSignedIn } from '@/services/session'

/**
 * The feedback pages live in the `pages/feedback` subpackage; the public progress query (no sign-in)
 * in `pages/public`. Main-package pages (首页, 我的) import only this file from the feature.
 */
export const EVALUATE_PAGE = '/pages/feedback/evaluate/index'
export const CONSULT_PAGE = '/pages/feedback/consult/index'
export const CONSULTATIONS_PAGE = '/pages/feedback/consultations/index'
export const COMPLAINT_PAGE = '/pages/feedback/complaint/index'
export const COMPLAINT_DETAIL_PAGE = '/pages/feedback/complaint-detail/index'
export const COMPLAINTS_PAGE = '/pages/feedback/complaints/index'
export const PUBLIC_PROGRESS_PAGE = '/pages/public/progress/index'

export function evaluateCaseUrl(caseNumber: string): string {
  return `${EVALUATE_PAGE}?caseNumber=${encodeURIComponent(caseNumber)}`
}

export function evaluateComplaintUrl(complaintNumber: string): string {
  return `${EVALUATE_PAGE}?complaintNumber=${encodeURIComponent(complaintNumber)}`
}

export function consultUrl(implementationCode: string): string {
  return `${CONSULT_PAGE}?code=${encodeURIComponent(implementationCode)}`
}

export function complaintDetailUrl(complaintNumber: string): string {
  return `${COMPLAINT_DETAIL_PAGE}?complaintNumber=${encodeURIComponent(complaintNumber)}`
}

/** Pages that need a user: signed out, the login page comes first and continues there. */
export function openSignedIn(url: string): void {
  void ensureSignedIn(url).then((signedIn) => {
    if (signedIn) void Taro.navigateTo({ url })
  })
}

export function openPublicProgress(): void {
  void Taro.navigateTo({ url: PUBLIC_PROGRESS_PAGE })
}
