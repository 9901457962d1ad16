import { useRouter } from '@tarojs/taro'
import type { ComplaintDetail } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import { PhoneLink } from '@/components/phone-link'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { StatusTag } from '@/features/cases/case-card'
import { CaseNotice, DetailRow } from '@/features/cases/case-view'
import { chinaDateTime } from '@/features/cases/format'
import { backOr, readParam } from '@/features/cases/routes'
import { useCasePage } from '@/features/cases/use-case-page'
import { getComplaint } from '@/features/staff/feedback-api'
import { lastDay } from '@/features/feedback/format'
import { FEEDBACK_STRINGS as F } from '@/features/staff/feedback-strings'
import { FeedbackHistory, FeedbackTag, LevelTag, MarkerRow } from '@/features/staff/feedback-view'
import { COMPLAINTS_PAGE, complaintUrl } from '@/features/staff/routes'
import { ComplaintActionPanel } from './action-panel'
import { COMPLAINT_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/components/form-field/index.scss'
import './index.scss'

const backToList = () => backOr(COMPLAINTS_PAGE)

function ComplaintBody({ detail }: { detail: ComplaintDetail }) {
  const given = detail.evaluation?.given
  return (
    <>
      <Section title={S.business}>
        <DetailRow label={S.businessName}>
          <Text>{detail.business.name}</Text>
        </DetailRow>
        <DetailRow label={S.businessKind}>
          <Text>{detail.business.kindLabel}</Text>
        </DetailRow>
        {detail.business.creditCode ? (
          <DetailRow label={S.creditCode}>
            <Text className='case-header__number'>{detail.business.creditCode}</Text>
          </DetailRow>
        ) : null}
        <DetailRow label={S.trip}>
          <Text>{detail.tripStart === detail.tripEnd ? detail.tripStart : S.tripRange(detail.tripStart, detail.tripEnd)}</Text>
        </DetailRow>
        <DetailRow label={S.account}>
          <Text>{detail.account}</Text>
        </DetailRow>
        {detail.amount !== undefined ? (
          <DetailRow label={S.amount}>
            <Text>{S.yuan(detail.amount.toLocaleString('zh-CN'))}</Text>
          </DetailRow>
        ) : null}
        <DetailRow label={S.request}>
          <Text>{detail.request}</Text>
        </DetailRow>
        {detail.outcomeLabel ? (
          <DetailRow label={S.outcome}>
            <Text>{detail.outcomeLabel}</Text>
          </DetailRow>
        ) : null}
      </Section>

      <Section title={S.complainant}>
        <DetailRow label={S.complainantName}>
          <Text>{detail.complainantName}</Text>
        </DetailRow>
        <DetailRow label={S.channel}>
          <Text>{detail.channelLabel}</Text>
        </DetailRow>
        <DetailRow label={S.contact}>
          {detail.contactMobile ? <PhoneLink phone={detail.contactMobile} purpose={S.contactPurpose} /> : <Text className='complaint__muted'>{S.noContact}</Text>}
        </DetailRow>
        <Text className='case-note'>{S.contactNote}</Text>
      </Section>

      {detail.status === 'closed' ? (
        <Section title={S.evaluation}>
          {given ? (
            <>
              <DetailRow label={S.evaluationLevel}>
                <LevelTag level={given.level} label={given.levelLabel} />
              </DetailRow>
              {given.comment ? (
                <DetailRow label={S.evaluationComment}>
                  <Text>{given.comment}</Text>
                </DetailRow>
              ) : null}
            </>
          ) : (
            <Text className='case-note'>{S.notEvaluated}</Text>
          )}
        </Section>
      ) : null}

      <FeedbackHistory entries={detail.history.map((step) => ({ at: step.at, label: step.label, by: step.organisationName, note: step.note }))} />
    </>
  )
}

/**
 * 投诉处理: pages/staff/complaint/index?complaintNumber=<投诉编号> — a tourism complaint as its handling
 * organisation sees it: the business, the trip, what happened and what is asked, the complainant with
 * the contact number, the history, and the actions the API allows now (受理, 不予受理, 转办, 记录调解, 办结).
 */
export default function ComplaintPage() {
  usePageTitle()
  const { params } = useRouter()
  const complaintNumber = readParam(params.complaintNumber ?? params.no).toUpperCase()
  const user = useSignedIn(complaintUrl(complaintNumber))
  const userId = user?.userId ?? ''
  const load = useCallback(() => getComplaint(complaintNumber), [complaintNumber])
  const { remote, reload, notice, clearNotice, changed, stale } = useCasePage(load, `${userId}:${complaintNumber}`)

  if (!complaintNumber) return <StatusView kind='error' title={S.missingNumber} actionText={S.toList} onAction={backToList} />
  if (!user) return <SignInRequired returnUrl={complaintUrl(complaintNumber)} />
  if (remote.status === 'loading') return <StatusView kind='loading' title={S.loading} />
  if (remote.status === 'error') {
    const { error } = remote
    const final = error.code === 'COMPLAINT_NOT_FOUND' || error.code === 'COMMON_NOT_FOUND' || error.code === 'AUTH_FORBIDDEN'
    return final ? (
      <StatusView kind='empty' title={error.message} actionText={S.toList} onAction={backToList} />
    ) : (
      <StatusView kind='error' title={error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
    )
  }

  const detail = remote.data

  return (
    <View className='case-page complaint'>
      {notice ? <CaseNotice tone={notice.tone} message={notice.message} onClose={clearNotice} /> : null}
      <View className='case-header'>
        <View className='case-header__top'>
          <View className='case-header__title' role='heading' aria-level={1}>
            {detail.businessName}
          </View>
          <StatusTag status={detail.status} label={detail.statusLabel} />
        </View>
        <Text className='case-header__hint'>{detail.statusHint}</Text>
        <DetailRow label={S.complaintNumber}>
          <Text className='case-header__number' userSelect>
            {detail.complaintNumber}
          </Text>
        </DetailRow>
        <DetailRow label={S.organisation}>
          <Text>{detail.organisationName}</Text>
        </DetailRow>
        <DetailRow label={S.submittedAt}>
          <Text>{chinaDateTime(detail.submittedAt)}</Text>
        </DetailRow>
        {detail.dueAt && detail.status === 'received' ? (
          <DetailRow label={S.acceptBy}>
            <MarkerRow>
              <Text>{F.due(lastDay(detail.dueAt))}</Text>
              {detail.overdue ? <FeedbackTag tone='danger'>{F.overdue}</FeedbackTag> : null}
            </MarkerRow>
          </DetailRow>
        ) : null}
      </View>

      <ComplaintBody detail={detail} />

      <ComplaintActionPanel key={detail.version} detail={detail} onDone={(next, label) => changed(next, S.done(label))} onStale={stale} />
    </View>
  )
}
