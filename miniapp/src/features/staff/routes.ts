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
