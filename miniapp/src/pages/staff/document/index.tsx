import { useRouter } from '@tarojs/taro'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { DocumentScreen } from '@/features/cases/case-documents'
import { backOr, readParam } from '@/features/cases/routes'
import { getStaffCase } from '@/features/staff/api'
import { staffCaseUrl, staffDocumentUrl } from '@/features/staff/routes'
import { usePageTitle } from '@/i18n/page-title'

const loadDocuments = async (caseNumber: string) => (await getStaffCase(caseNumber)).documents

/**
 * 文书: pages/staff/document/index?caseNumber=<办件编号>&documentId=<文书编号> — a document issued on
 * a case of the staff member's organisation, as the applicant received it.
 */
export default function StaffDocumentPage() {
  usePageTitle()
  const { params } = useRouter()
  const caseNumber = readParam(params.caseNumber)
  const documentId = readParam(params.documentId)
  const user = useSignedIn(staffDocumentUrl(caseNumber, documentId))
  if (!user) return <SignInRequired returnUrl={staffDocumentUrl(caseNumber, documentId)} />
  return <DocumentScreen caseNumber={caseNumber} documentId={documentId} load={loadDocuments} onBack={() => backOr(staffCaseUrl(caseNumber))} />
}
