/** The staff pages live in the `pages/staff` subpackage. */
export const INBOX_PAGE = '/pages/staff/inbox/index'
export const STAFF_CASE_PAGE = '/pages/staff/case/index'
export const STAFF_DOCUMENT_PAGE = '/pages/staff/document/index'
export const CALENDAR_PAGE = '/pages/staff/calendar/index'

export function staffCaseUrl(caseNumber: string): string {
  return `${STAFF_CASE_PAGE}?caseNumber=${encodeURIComponent(caseNumber)}`
}

export function staffDocumentUrl(caseNumber: string, documentId: string): string {
  return `${STAFF_DOCUMENT_PAGE}?caseNumber=${encodeURIComponent(caseNumber)}&documentId=${encodeURIComponent(documentId)}`
}

// The staff side of the feedback loop (好差评 rectification, complaints, consultations, statistics, recording on behalf).
export const RECTIFICATIONS_PAGE = '/pages/staff/rectifications/index'
export const RECTIFICATION_PAGE = '/pages/staff/rectification/index'
export const COMPLAINTS_PAGE = '/pages/staff/complaints/index'
export const COMPLAINT_PAGE = '/pages/staff/complaint/index'
export const CONSULTATIONS_PAGE = '/pages/staff/consultations/index'
export const STATS_PAGE = '/pages/staff/stats/index'
export const RECORD_PAGE = '/pages/staff/record/index'

export function rectificationUrl(subjectId: string): string {
  return `${RECTIFICATION_PAGE}?subjectId=${encodeURIComponent(subjectId)}`
}

export function complaintUrl(complaintNumber: string): string {
  return `${COMPLAINT_PAGE}?complaintNumber=${encodeURIComponent(complaintNumber)}`
}

// List maintenance (清单维护): the organisation's implementation entries and one entry's draft.
export const LISTS_PAGE = '/pages/staff/lists/index'
/** 导入全国旅游监管服务平台办件 (单位管理员). */
export const NATIONAL_IMPORT_PAGE = '/pages/staff/national-import/index'
export const LIST_EDIT_PAGE = '/pages/staff/list-edit/index'

export function listEditUrl(implementationCode: string): string {
  return `${LIST_EDIT_PAGE}?code=${encodeURIComponent(implementationCode)}`
}

// 上报监控: reports upward to the provincial platform that failed, for administrators.
export const REPORTS_PAGE = '/pages/staff/reports/index'
