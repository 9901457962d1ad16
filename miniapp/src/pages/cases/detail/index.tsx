import Taro, { useRouter } from '@tarojs/taro'
import type { CaseDetail } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useRef } from 'react'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { getCase, getDownloadLink } from '@/features/cases/api'
import { CaseDeadlines } from '@/features/cases/case-deadlines'
import { CaseProgressBar } from '@/features/cases/case-progress'
import { DocumentList } from '@/features/cases/case-documents'
import { CaseFields } from '@/features/cases/case-fields'
import { CaseMaterials } from '@/features/cases/case-materials'
import { ApplicantSection, CaseHeader, CaseHistory, CaseNotice, DetailRow } from '@/features/cases/case-view'
import { CASE_VIEW_STRINGS } from '@/features/cases/strings'
import { caseUrl, documentUrl, openMineTab, readParam } from '@/features/cases/routes'
import { chinaTimeRange } from '@/features/cases/format'
import { GuideVersionSection } from '@/features/cases/guide-version'
import { useCasePage, withGuide } from '@/features/cases/use-case-page'
import { EvaluationPrompt, GivenEvaluation } from '@/features/feedback/evaluation-view'
import { onEvaluated } from '@/features/feedback/events'
import { evaluateCaseUrl } from '@/features/feedback/routes'
import { licenceUrl } from '@/features/licences/routes'
import { SupplementCard } from './supplement-card'
import { DETAIL_STRINGS as S } from './strings'
import { ResubscribeCard } from './resubscribe-card'
import { VisitCard } from './visit-card'
import { WithdrawPanel } from './withdraw-panel'
import { usePageTitle } from '@/i18n/page-title'
import '@/components/form-field/index.scss'
import './index.scss'
import { caseStatusHint } from '@/i18n/shared-words'

/**
 * 办件详情: pages/cases/detail/index?caseNumber=<办件编号> (`no` is accepted too, as message links
 * may carry it), the applicant's own case only: it leads with a step bar (where the case is, who holds it,
 * what is next, the working days left), then status, the running deadlines, the history, the documents
 * issued and the application. While a supplement is asked for, the one-time
 * notice's materials can be uploaded again and resubmitted; until a decision, the case can be withdrawn.
 * A negative-list item shows its one on-site visit, booked (or moved) here. A finished case invites
 * 评价本次服务 (once); an evaluation given shows with, for a bad review, the organisation's answer.
 */
export default function CaseDetailPage() {
  usePageTitle()
  const { params } = useRouter()
  const caseNumber = readParam(params.caseNumber ?? params.no)
  // Opened from a message while signed out: sign in first and come back here, not a 重试 that repeats the 401.
  const user = useSignedIn(caseUrl(caseNumber))
  const load = useCallback(() => getCase(caseNumber).then(withGuide), [caseNumber])
  const { remote, reload, notice, clearNotice, changed, stale } = useCasePage(load, `${user?.userId ?? ''}:${caseNumber}`)
  const changedRef = useRef(changed)
  changedRef.current = changed

  // Back from the evaluate page: show the evaluation just given.
  useEffect(
    () =>
      onEvaluated(caseNumber, () => {
        load().then(
          (data) => changedRef.current(data, S.evaluated),
          () => reload(),
        )
      }),
    [caseNumber, load, reload],
  )

  if (!caseNumber) return <StatusView kind='error' title={S.missingNumber} actionText={S.toMine} onAction={openMineTab} />
  if (!user) return <SignInRequired returnUrl={caseUrl(caseNumber)} />
  if (remote.status === 'loading') return <StatusView kind='loading' title={S.loading} />
  if (remote.status === 'error') {
    const { error } = remote
    if (error.code === 'AUTH_REQUIRED') return <SignInRequired returnUrl={caseUrl(caseNumber)} />
    return error.code === 'CASE_NOT_FOUND' || error.code === 'COMMON_NOT_FOUND' ? (
      <StatusView kind='empty' title={error.message} actionText={S.toMine} onAction={openMineTab} />
    ) : (
      <StatusView kind='error' title={error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
    )
  }

  const { detail, item } = remote.data
  const { applicant, evaluation } = detail
  // In the guide's order, as the applicant saw them when applying.
  const guideOrder = (item?.guide.materials ?? []).map((m) => m.id)
  const rank = (id: string) => (guideOrder.includes(id) ? guideOrder.indexOf(id) : guideOrder.length)
  const materials = [...detail.materials].sort((a, b) => rank(a.materialId) - rank(b.materialId))

  const answered = (next: CaseDetail, message: string) => changed({ detail: next, item }, message)

  return (
    <View className='case-page'>
      {notice ? <CaseNotice tone={notice.tone} message={notice.message} onClose={clearNotice} /> : null}
      <CaseHeader summary={detail} hint={caseStatusHint(detail.status, detail.statusHint)}>
        {detail.channel === 'hall_window' ? (
          <DetailRow label={CASE_VIEW_STRINGS.channel}>
            <Text>{detail.channelLabel}</Text>
          </DetailRow>
        ) : null}
      </CaseHeader>
      <CaseProgressBar detail={detail} />

      {evaluation?.canEvaluate ? (
        <EvaluationPrompt
          title={S.evaluateTitle}
          text={evaluation.given ? S.evaluateOwnText : S.evaluateText}
          buttonText={S.evaluate}
          onEvaluate={() => void Taro.navigateTo({ url: evaluateCaseUrl(detail.caseNumber) })}
        />
      ) : null}

      {detail.supplement && detail.actions.includes('resubmit') ? (
        <SupplementCard key={`supplement-${detail.version}`} detail={detail} item={item} onResubmitted={(next) => answered(next, S.resubmitted)} onStale={stale} />
      ) : null}

      {detail.visit ? (
        <VisitCard
          key={`visit-${detail.version}-${detail.visit.booking?.slotId ?? ''}`}
          caseNumber={detail.caseNumber}
          status={detail.status}
          visit={detail.visit}
          onBooked={(booking) => answered({ ...detail, visit: { ...detail.visit!, booking } }, S.visitBooked(chinaTimeRange(booking.startsAt, booking.endsAt)))}
          onStale={stale}
        />
      ) : null}

      <CaseDeadlines deadlines={detail.deadlines} status={detail.status} />
      <ResubscribeCard status={detail.status} />
      <CaseHistory history={detail.history} />
      <DocumentList documents={detail.documents} documentUrl={(documentId) => documentUrl(detail.caseNumber, documentId)} licenceUrl={licenceUrl} />
      {evaluation?.given ? <GivenEvaluation evaluation={evaluation.given} /> : null}

      <ApplicantSection
        applicant={{ kind: applicant.kind, name: applicant.name, idNumber: applicant.idNumberMasked, mobile: applicant.mobileMasked, agentName: applicant.agentName }}
        note={S.masked}
      />

      <CaseFields fields={detail.fields} item={item} />
      <CaseMaterials materials={materials} link={(materialId, index) => getDownloadLink(detail.caseNumber, materialId, index)} />
      <GuideVersionSection implementationCode={detail.implementationCode} version={detail.guideVersion} item={item} />

      {detail.actions.includes('withdraw') ? (
        <WithdrawPanel key={`withdraw-${detail.version}`} detail={detail} onWithdrawn={(next) => answered(next, S.withdrawn)} onStale={stale} />
      ) : null}
    </View>
  )
}
