import { useRouter } from '@tarojs/taro'
import { getCase } from '@/features/cases/api'
import { DocumentScreen } from '@/features/cases/case-documents'
import { backOr, caseUrl, readParam } from '@/features/cases/routes'
import { usePageTitle } from '@/i18n/page-title'

const loadDocuments = async (caseNumber: string) => (await getCase(caseNumber)).documents

/**
 * 文书: pages/cases/document/index?caseNumber=<办件编号>&documentId=<文书编号> — one document of the
 * applicant's case (一次性告知书, 受理通知书, 决定书…) as issued.
 */
export default function CaseDocumentPage() {
  usePageTitle()
  const { params } = useRouter()
  const caseNumber = readParam(params.caseNumber)
  return <DocumentScreen caseNumber={caseNumber} documentId={readParam(params.documentId)} load={loadDocuments} onBack={() => backOr(caseUrl(caseNumber))} />
}
