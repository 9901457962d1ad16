import Taro, { useRouter } from '@tarojs/taro'
import type { EvaluationRequest, EvaluationState, FieldIssue } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { getCase } from '@/features/cases/api'
import { DetailRow } from '@/features/cases/case-view'
import { backOr, caseUrl, openMineTab, readParam } from '@/features/cases/routes'
import { evaluateCase, evaluateComplaint, getComplaint } from '@/features/feedback/api'
import { EvaluationForm } from '@/features/feedback/evaluation-form'
import { announceEvaluated } from '@/features/feedback/events'
import { complaintDetailUrl, evaluateCaseUrl, evaluateComplaintUrl } from '@/features/feedback/routes'
import { useRemote } from '@/hooks/use-remote'
import { useRetryKey } from '@/hooks/use-retry-key'
import { toApiError } from '@/services/api-error'
import { KEY_REFUSED } from '@/services/retry-key'
import { EVALUATE_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '../feedback.scss'

interface Subject {
  heading: string
  organisationName: string
  evaluation?: EvaluationState
}

/** Answers that mean this page has nothing left to do: the form gives way to a way back. */
const FINAL_CODES = new Set(['EVALUATION_ALREADY_GIVEN', 'EVALUATION_NOT_OPEN'])

/**
 * 服务评价: pages/feedback/evaluate/index?caseNumber=<办件编号> or ?complaintNumber=<投诉编号>. What
 * is evaluated (item or complaint, organisation), then the 好差评 form; once recorded, back to the case
 * or complaint, which shows the evaluation.
 */
export default function EvaluatePage() {
  usePageTitle()
  const { params } = useRouter()
  const caseNumber = readParam(params.caseNumber)
  const complaintNumber = caseNumber ? '' : readParam(params.complaintNumber)
  const subjectId = caseNumber || complaintNumber
  const returnUrl = caseNumber ? evaluateCaseUrl(caseNumber) : evaluateComplaintUrl(complaintNumber)
  const detailUrl = caseNumber ? caseUrl(caseNumber) : complaintDetailUrl(complaintNumber)
  const user = useSignedIn(returnUrl)
  const userId = user?.userId ?? ''

  const load = useCallback(async (): Promise<Subject | null> => {
    if (!userId || !subjectId) return null
    if (caseNumber) {
      const detail = await getCase(caseNumber)
      return { heading: detail.itemName, organisationName: detail.organisationName, evaluation: detail.evaluation }
    }
    const detail = await getComplaint(complaintNumber)
    return { heading: S.complaintAbout(detail.businessName), organisationName: detail.organisationName, evaluation: detail.evaluation }
  }, [userId, subjectId, caseNumber, complaintNumber])
  const { remote, reload } = useRemote(load, `${userId}:${subjectId}`)
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<{ code: string; message: string; details: FieldIssue[] } | null>(null)
  // One key per evaluation: a retry after a timeout gets the evaluation recorded, not “已评价过”.
  const retry = useRetryKey()

  const goBack = () => backOr(detailUrl)

  const submit = async (request: EvaluationRequest) => {
    if (submitting) return
    setSubmitting(true)
    setError(null)
    try {
      const key = retry.for({ subjectId, request })
      await (caseNumber ? evaluateCase(caseNumber, request, key) : evaluateComplaint(complaintNumber, request, key))
      retry.done()
      announceEvaluated(subjectId)
      void Taro.showToast({ title: S.done, icon: 'success' })
      goBack()
    } catch (caught) {
      const failure = toApiError(caught)
      if (KEY_REFUSED.has(failure.code)) retry.done()
      setError({ code: failure.code, message: failure.message, details: failure.details })
      // The case moved on meanwhile (evaluated elsewhere): the page it came from should show it.
      if (FINAL_CODES.has(failure.code)) announceEvaluated(subjectId)
      setSubmitting(false)
    }
  }

  if (!subjectId) return <StatusView kind='error' title={S.missingSubject} actionText={S.toMine} onAction={openMineTab} />
  if (!user) return <SignInRequired returnUrl={returnUrl} description={S.signInHint} />
  if (remote.status === 'loading') return <StatusView kind='loading' title={S.loading} />
  if (remote.status === 'error') {
    const { error: failure } = remote
    return failure.status === 404 ? (
      <StatusView kind='empty' title={failure.message} actionText={S.toMine} onAction={openMineTab} />
    ) : (
      <StatusView kind='error' title={failure.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
    )
  }
  const subject = remote.data
  if (!subject) return <StatusView kind='loading' title={S.loading} />
  // One recorded for them at the window or on the line leaves their own evaluation open.
  if (subject.evaluation?.given && !subject.evaluation.canEvaluate) return <StatusView kind='empty' title={S.alreadyGiven} actionText={S.back} onAction={goBack} />
  if (subject.evaluation && !subject.evaluation.canEvaluate) return <StatusView kind='empty' title={S.notOpen} actionText={S.back} onAction={goBack} />

  return (
    <View className='feedback-page'>
      <View className='feedback-header'>
        <View className='feedback-header__title' role='heading' aria-level={1}>
          {subject.heading}
        </View>
        <DetailRow label={caseNumber ? S.caseNumber : S.complaintNumber}>
          <Text userSelect>{subjectId}</Text>
        </DetailRow>
        <DetailRow label={S.organisation}>
          <Text>{subject.organisationName}</Text>
        </DetailRow>
      </View>
      <View className='feedback-body'>
        <EvaluationForm title={caseNumber ? S.caseTitle : S.complaintTitle} submitting={submitting} error={error} onSubmit={submit} />
        {error && FINAL_CODES.has(error.code) ? (
          <View className='feedback-body__back'>
            <ActionButton block variant='secondary' onTap={goBack}>
              {S.back}
            </ActionButton>
          </View>
        ) : null}
      </View>
    </View>
  )
}
