import Taro, { useRouter } from '@tarojs/taro'
import type { ComplaintDetail } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { CaseNotice, DetailRow } from '@/features/cases/case-view'
import { chinaDateTime } from '@/features/cases/format'
import { readParam } from '@/features/cases/routes'
import { getComplaint } from '@/features/feedback/api'
import { EvaluationPrompt, GivenEvaluation } from '@/features/feedback/evaluation-view'
import { onEvaluated } from '@/features/feedback/events'
import { lastDay, plainDate } from '@/features/feedback/format'
import { COMPLAINTS_PAGE, complaintDetailUrl, evaluateComplaintUrl } from '@/features/feedback/routes'
import { useRemote } from '@/hooks/use-remote'
import { COMPLAINT_DETAIL_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '../feedback.scss'
import './index.scss'

/** 2026年11月10日 至 11月12日: the end without its year when it is the same. */
function tripText(start: string, end: string): string {
  if (start === end) return plainDate(start)
  const last = plainDate(end)
  return S.tripValue(plainDate(start), start.slice(0, 4) === end.slice(0, 4) ? last.replace(/^\d{4}年/, '') : last) // i18n-exempt: drops the year from a Chinese date (other languages show it whole)
}

function ComplaintHeader({ complaint: c }: { complaint: ComplaintDetail }) {
  return (
    <View className='case-header'>
      <View className='case-header__top'>
        <View className='case-header__title' role='heading' aria-level={1}>
          {S.heading(c.businessName)}
        </View>
        <Text className={`feedback-status feedback-status--${c.status}`}>{c.statusLabel}</Text>
      </View>
      <Text className='case-header__hint'>{c.statusHint}</Text>
      <DetailRow label={S.complaintNumber}>
        <Text className='complaint-number' userSelect>
          {c.complaintNumber}
        </Text>
      </DetailRow>
      <DetailRow label={S.organisation}>
        <Text>{c.organisationName}</Text>
      </DetailRow>
      <DetailRow label={S.submittedAt}>
        <Text>{chinaDateTime(c.submittedAt)}</Text>
      </DetailRow>
      {c.dueAt ? (
        <DetailRow label={S.acceptBy}>
          <Text className={`complaint-due${c.overdue ? ' complaint-due--overdue' : ''}`}>{c.overdue ? S.overdue : S.acceptByValue(lastDay(c.dueAt))}</Text>
        </DetailRow>
      ) : null}
    </View>
  )
}

function ComplaintContent({ complaint: c }: { complaint: ComplaintDetail }) {
  return (
    <Section title={S.content}>
      <DetailRow label={S.business}>
        <Text>{c.business.name}</Text>
      </DetailRow>
      <DetailRow label={S.kind}>
        <Text>{c.business.kindLabel}</Text>
      </DetailRow>
      {c.business.creditCode ? (
        <DetailRow label={S.creditCode}>
          <Text className='complaint-number'>{c.business.creditCode}</Text>
        </DetailRow>
      ) : null}
      <DetailRow label={S.trip}>
        <Text>{tripText(c.tripStart, c.tripEnd)}</Text>
      </DetailRow>
      <DetailRow label={S.account}>
        <Text className='complaint-text'>{c.account}</Text>
      </DetailRow>
      {c.amount !== undefined ? (
        <DetailRow label={S.amount}>
          <Text>{S.amountValue(c.amount.toLocaleString('zh-CN'))}</Text>
        </DetailRow>
      ) : null}
      <DetailRow label={S.request}>
        <Text className='complaint-text'>{c.request}</Text>
      </DetailRow>
    </Section>
  )
}

/** 处理记录, newest first: what was done, by which organisation, when, and any note (e.g. the reason for 不予受理). */
function ComplaintHistory({ history }: { history: ComplaintDetail['history'] }) {
  if (!history.length) return null
  return (
    <Section title={S.history}>
      <View className='case-history' role='list'>
        {[...history].reverse().map((step, index) => (
          <View key={`${step.at}-${index}`} className='case-history__step' role='listitem'>
            <View className={`case-history__dot${index === 0 ? ' case-history__dot--latest' : ''}`} aria-hidden='true' />
            <View className='case-history__body'>
              <Text className='case-history__action'>{step.label}</Text>
              <Text className='case-history__meta'>{`${chinaDateTime(step.at)} · ${step.organisationName}`}</Text>
              {step.note ? <Text className='case-history__opinion'>{step.note}</Text> : null}
            </View>
          </View>
        ))}
      </View>
    </Section>
  )
}

/**
 * 投诉详情: pages/feedback/complaint-detail/index?complaintNumber=<投诉编号> (&submitted=1 straight after
 * filing). Status and what it means, the organisation handling it, the 5-working-day acceptance
 * deadline, the outcome, 评价处理情况 once closed, the complaint as filed, and the history.
 */
export default function ComplaintDetailPage() {
  usePageTitle()
  const { params } = useRouter()
  const complaintNumber = readParam(params.complaintNumber)
  const user = useSignedIn(complaintDetailUrl(complaintNumber))
  const userId = user?.userId ?? ''
  const load = useCallback(() => (userId ? getComplaint(complaintNumber) : Promise.resolve(null)), [userId, complaintNumber])
  const { remote, reload, replace } = useRemote(load, `${userId}:${complaintNumber}`)
  const [notice, setNotice] = useState<string | null>(params.submitted === '1' ? S.submitted : null)

  // Back from the evaluate page: show the evaluation just given.
  useEffect(
    () =>
      onEvaluated(complaintNumber, () => {
        load().then(
          (complaint) => {
            if (complaint) replace(complaint)
            setNotice(S.evaluated)
          },
          () => reload(),
        )
      }),
    [complaintNumber, load, reload, replace],
  )

  const toList = () => void Taro.redirectTo({ url: COMPLAINTS_PAGE })

  if (!complaintNumber) return <StatusView kind='error' title={S.missingNumber} actionText={S.toComplaints} onAction={toList} />
  if (!user) return <SignInRequired returnUrl={complaintDetailUrl(complaintNumber)} description={S.signInHint} />
  if (remote.status === 'loading' || (remote.status === 'ready' && !remote.data)) return <StatusView kind='loading' title={S.loading} />
  if (remote.status === 'error') {
    const { error } = remote
    return error.status === 404 ? (
      <StatusView kind='empty' title={error.message} actionText={S.toComplaints} onAction={toList} />
    ) : (
      <StatusView kind='error' title={error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
    )
  }
  const complaint = remote.data!
  const evaluation = complaint.evaluation

  return (
    <View className='case-page'>
      {notice ? <CaseNotice tone='success' message={notice} onClose={() => setNotice(null)} /> : null}
      <ComplaintHeader complaint={complaint} />

      {complaint.outcomeLabel ? (
        <Section title={S.outcome}>
          <Text className='complaint-outcome'>{complaint.outcomeLabel}</Text>
        </Section>
      ) : null}

      {evaluation?.canEvaluate ? (
        <EvaluationPrompt
          title={S.evaluateTitle}
          text={evaluation.given ? S.evaluateOwnText : S.evaluateText}
          buttonText={S.evaluate}
          onEvaluate={() => void Taro.navigateTo({ url: evaluateComplaintUrl(complaint.complaintNumber) })}
        />
      ) : null}
      {evaluation?.given ? <GivenEvaluation evaluation={evaluation.given} /> : null}

      <ComplaintContent complaint={complaint} />
      <ComplaintHistory history={complaint.history} />
    </View>
  )
}
