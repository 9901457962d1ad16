import { useRouter } from '@tarojs/taro'
import type { StaffCaseDetail } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { CaseDeadlines } from '@/features/cases/case-deadlines'
import { DocumentList } from '@/features/cases/case-documents'
import { CaseFields } from '@/features/cases/case-fields'
import { CaseMaterials } from '@/features/cases/case-materials'
import { CASE_VIEW_STRINGS } from '@/features/cases/strings'
import { ApplicantSection, CaseHeader, CaseHistory, CaseNotice, DetailRow } from '@/features/cases/case-view'
import { chinaDateTime, chinaTimeRange } from '@/features/cases/format'
import { backOr, readParam } from '@/features/cases/routes'
import { GuideVersionSection } from '@/features/cases/guide-version'
import { useCasePage, withGuide } from '@/features/cases/use-case-page'
import { staffLicenceUrl } from '@/features/licences/routes'
import { getStaffCase, getStaffDownloadLink } from '@/features/staff/api'
import { INBOX_PAGE, staffCaseUrl, staffDocumentUrl } from '@/features/staff/routes'
import { SupervisionBanner } from '@/features/staff/supervision-banner'
import { ActionPanel } from './action-panel'
import { CASE_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/components/form-field/index.scss'
import './index.scss'

const backToInbox = () => backOr(INBOX_PAGE)

/** 智慧审批: the verdict, then each rule checked with ✓/✗, its label and what was found. */
function SmartApprovalSection({ result }: { result: NonNullable<StaffCaseDetail['smartApproval']> }) {
  const approved = result.outcome === 'approved'
  return (
    <Section title={S.smartApproval} note={S.smartApprovalNote(chinaDateTime(result.checkedAt))}>
      <View className={`staff-case__verdict staff-case__verdict--${approved ? 'approved' : 'manual'}`} role='status'>
        {approved ? S.smartApproved : S.smartManual}
      </View>
      <View className='staff-case__rules' role='list'>
        {result.rules.map((rule, index) => (
          <View key={`${rule.kind}-${index}`} className='staff-case__rule' role='listitem' aria-label={rule.passed ? S.rulePassedLabel(rule.label, rule.detail) : S.ruleFailedLabel(rule.label, rule.detail)}>
            <Text className={`staff-case__rule-mark staff-case__rule-mark--${rule.passed ? 'passed' : 'failed'}`} aria-hidden='true'>
              {rule.passed ? '✓' : '✗'}
            </Text>
            <View className='staff-case__rule-body'>
              <Text className='staff-case__rule-label'>{rule.label}</Text>
              <Text className='staff-case__rule-detail'>{rule.detail}</Text>
            </View>
          </View>
        ))}
      </View>
    </Section>
  )
}

/**
 * 办件办理: pages/staff/case/index?caseNumber=<办件编号> — a case of the staff member's organisation
 * (provincial staff: any organisation's, read-only): status and deadlines, the applicant in full,
 * the application, materials with their pre-review state, the guide's conditions, documents and the
 * history with who did what, the smart-approval check and any visit the applicant booked; at the bottom only the actions this person may take now.
 */
export default function StaffCasePage() {
  usePageTitle()
  const { params } = useRouter()
  const caseNumber = readParam(params.caseNumber ?? params.no)
  const user = useSignedIn(staffCaseUrl(caseNumber))
  const userId = user?.userId ?? ''
  const load = useCallback(() => getStaffCase(caseNumber).then(withGuide), [caseNumber])
  const { remote, reload, notice, clearNotice, changed, stale } = useCasePage(load, `${userId}:${caseNumber}`)

  if (!caseNumber) return <StatusView kind='error' title={S.missingNumber} actionText={S.toInbox} onAction={backToInbox} />
  if (!user) return <SignInRequired returnUrl={staffCaseUrl(caseNumber)} />
  if (remote.status === 'loading') return <StatusView kind='loading' title={S.loading} />
  if (remote.status === 'error') {
    const { error } = remote
    const final = error.code === 'CASE_NOT_FOUND' || error.code === 'COMMON_NOT_FOUND' || error.code === 'AUTH_FORBIDDEN'
    return final ? (
      <StatusView kind='empty' title={error.message} actionText={S.toInbox} onAction={backToInbox} />
    ) : (
      <StatusView kind='error' title={error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
    )
  }

  const { detail, item } = remote.data

  const done = (next: StaffCaseDetail, label: string) => changed({ detail: next, item }, S.done(label))

  return (
    <View className='case-page staff-case'>
      {detail.readOnly ? <SupervisionBanner text={S.readOnly} /> : null}
      {detail.nationalCaseNumber ? <SupervisionBanner text={S.imported} /> : null}
      {notice ? <CaseNotice tone={notice.tone} message={notice.message} onClose={clearNotice} /> : null}
      <CaseHeader summary={detail}>
        <DetailRow label={CASE_VIEW_STRINGS.channel}>
          <Text>{detail.enteredBy ? CASE_VIEW_STRINGS.enteredBy(detail.enteredBy) : detail.channelLabel}</Text>
        </DetailRow>
        {detail.nationalCaseNumber ? (
          <DetailRow label={S.nationalCaseNumber}>
            <Text>{detail.nationalCaseNumber}</Text>
          </DetailRow>
        ) : null}
        {detail.claimed !== undefined ? <Text className='case-header__hint'>{CASE_VIEW_STRINGS.claimed[detail.claimed ? 'true' : 'false']}</Text> : null}
      </CaseHeader>
      <CaseDeadlines deadlines={detail.deadlines} status={detail.status} />
      {detail.smartApproval ? <SmartApprovalSection result={detail.smartApproval} /> : null}
      {detail.visit ? (
        <Section title={S.visit}>
          <DetailRow label={S.visitTime}>
            <Text>{chinaTimeRange(detail.visit.startsAt, detail.visit.endsAt)}</Text>
          </DetailRow>
          <DetailRow label={S.visitPlace}>
            <Text>{detail.visit.place}</Text>
          </DetailRow>
        </Section>
      ) : null}

      <ApplicantSection applicant={detail.applicant} note={S.logged} full />

      <CaseFields fields={detail.fields} item={item} />
      <CaseMaterials staff materials={detail.materials} link={detail.readOnly ? undefined : (materialId, index) => getStaffDownloadLink(detail.caseNumber, materialId, index)} />

      <Section title={S.conditions} note={S.conditionsNote}>
        {detail.conditions.length ? (
          <View className='staff-case__conditions' role='list'>
            {detail.conditions.map((condition, index) => (
              <View key={condition} className='staff-case__condition' role='listitem'>
                {`${index + 1}. ${condition}`}
              </View>
            ))}
          </View>
        ) : (
          <Text className='case-note'>{S.noConditions}</Text>
        )}
      </Section>

      <DocumentList documents={detail.documents} documentUrl={(documentId) => staffDocumentUrl(detail.caseNumber, documentId)} licenceUrl={staffLicenceUrl} />
      <CaseHistory history={detail.history} />
      <GuideVersionSection implementationCode={detail.implementationCode} version={detail.guideVersion} item={item} />

      {detail.readOnly || detail.nationalCaseNumber ? null : <ActionPanel key={detail.version} detail={detail} onDone={done} onStale={stale} />}
    </View>
  )
}
