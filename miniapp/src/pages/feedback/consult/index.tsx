import Taro, { useRouter } from '@tarojs/taro'
import type { Consultation, ConsultationRequest } from '@ah-tourism/shared'
import { consultationRequestSchema } from '@ah-tourism/shared/src/feedback/api'
import { DEFAULT_CONSULTATION_WORKING_DAYS } from '@ah-tourism/shared/src/feedback/model'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { describedBy, FormField } from '@/components/form-field'
import { TextArea } from '@/components/form-field/text-area'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { getItem } from '@/features/catalog/api'
import { guideUrl, ITEMS_TAB } from '@/features/catalog/routes'
import { DetailRow } from '@/features/cases/case-view'
import { chinaDateTime } from '@/features/cases/format'
import { backOr, readParam } from '@/features/cases/routes'
import { askConsultation } from '@/features/feedback/api'
import { lastDay, lengthOf } from '@/features/feedback/format'
import { consultUrl, CONSULTATIONS_PAGE } from '@/features/feedback/routes'
import { check, issuesFrom } from '@/features/feedback/validate'
import { useRemote } from '@/hooks/use-remote'
import { useRetryKey } from '@/hooks/use-retry-key'
import { toApiError } from '@/services/api-error'
import { KEY_REFUSED } from '@/services/retry-key'
import { CONSULT_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/components/form-field/index.scss'
import '../feedback.scss'

const QUESTION_MAX = 500
const QUESTION_ID = 'f-consult-question'

/** 咨询已提交: what happens next, and by when the organisation answers. */
function Submitted({ consultation, onGuide }: { consultation: Consultation; onGuide: () => void }) {
  return (
    <View className='feedback-page'>
      <View className='feedback-done' role='status'>
        <View className='feedback-done__mark' aria-hidden='true'>
          <Text>✓</Text>
        </View>
        <View className='feedback-done__title' role='heading' aria-level={1}>
          {S.doneTitle}
        </View>
        <Text className='feedback-done__text'>{S.doneText}</Text>
        <View className='feedback-done__facts'>
          <DetailRow label={S.organisation}>
            <Text>{consultation.organisationName}</Text>
          </DetailRow>
          <DetailRow label={S.askedAt}>
            <Text>{chinaDateTime(consultation.askedAt)}</Text>
          </DetailRow>
          <DetailRow label={S.dueBy}>
            <Text className='feedback-done__strong'>{S.dueByValue(lastDay(consultation.dueAt))}</Text>
          </DetailRow>
        </View>
      </View>
      <View className='feedback-body feedback-buttons'>
        <ActionButton block onTap={() => void Taro.redirectTo({ url: CONSULTATIONS_PAGE })}>
          {S.toConsultations}
        </ActionButton>
        <ActionButton block variant='secondary' onTap={onGuide}>
          {S.backToGuide}
        </ActionButton>
      </View>
    </View>
  )
}

/**
 * 我要咨询: pages/feedback/consult/index?code=<实施编码>, from the guide. One question about the item
 * (POST /consultations); the item's organisation answers within its working days.
 */
export default function ConsultPage() {
  usePageTitle()
  const { params } = useRouter()
  const code = readParam(params.code)
  const user = useSignedIn(consultUrl(code))
  const load = useCallback(() => getItem(code), [code])
  const { remote, reload } = useRemote(load, code)
  const [question, setQuestion] = useState('')
  const [issue, setIssue] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<Consultation | null>(null)
  // One key per question: a retry after a timeout asks nothing twice.
  const retry = useRetryKey()

  const goItems = () => void Taro.switchTab({ url: ITEMS_TAB })
  const goGuide = () => backOr(guideUrl(code))

  const submit = async () => {
    if (busy) return
    setProblem(null)
    const checked = check<ConsultationRequest>(consultationRequestSchema, { implementationCode: code, question })
    if (!checked.data) {
      setIssue(checked.issues.question ?? null)
      setProblem(checked.issues.question ? S.fix : Object.values(checked.issues).join(S.problemSeparator))
      return
    }
    setBusy(true)
    try {
      setDone(await askConsultation(checked.data, retry.for(checked.data)))
      retry.done()
    } catch (caught) {
      const error = toApiError(caught)
      if (KEY_REFUSED.has(error.code)) retry.done()
      const issues = issuesFrom(error.details)
      setIssue(issues.question ?? null)
      setProblem(error.message)
    }
    setBusy(false)
  }

  if (!code) return <StatusView kind='error' title={S.missingCode} actionText={S.toItems} onAction={goItems} />
  if (!user) return <SignInRequired returnUrl={consultUrl(code)} description={S.signInHint} />
  if (done) return <Submitted consultation={done} onGuide={goGuide} />
  if (remote.status === 'loading') return <StatusView kind='loading' title={S.loading} />
  if (remote.status === 'error') {
    const { error } = remote
    return error.status === 404 || error.code === 'COMMON_VALIDATION_FAILED' ? (
      <StatusView kind='empty' title={error.message} actionText={S.toItems} onAction={goItems} />
    ) : (
      <StatusView kind='error' title={error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
    )
  }
  const item = remote.data
  const used = lengthOf(question)

  return (
    <View className='feedback-page'>
      <View className='feedback-header'>
        <View className='feedback-header__title' role='heading' aria-level={1}>
          {item.name}
        </View>
        <DetailRow label={S.organisation}>
          <Text>{item.organisation.name}</Text>
        </DetailRow>
        <Text className='feedback-header__text'>{S.intro(DEFAULT_CONSULTATION_WORKING_DAYS)}</Text>
      </View>
      <View className='feedback-body feedback-card'>
        <FormField id={QUESTION_ID} label={S.question} required hint={S.questionHint} error={issue ?? undefined}>
          <TextArea
            id={QUESTION_ID}
            value={question}
            label={S.question}
            placeholder={S.questionPlaceholder}
            maxLength={QUESTION_MAX}
            invalid={!!issue}
            describedBy={describedBy(QUESTION_ID, true, !!issue)}
            onChange={(value) => {
              setQuestion(value)
              setIssue(null)
            }}
          />
          <Text className={`feedback-counter${used > QUESTION_MAX ? ' feedback-counter--over' : ''}`} aria-label={S.counterLabel(used, QUESTION_MAX)} aria-live='polite'>
            {S.counter(used, QUESTION_MAX)}
          </Text>
        </FormField>
        {problem ? (
          <View className='feedback-problem' role='alert'>
            {problem}
          </View>
        ) : null}
        <ActionButton block disabled={busy} onTap={() => void submit()}>
          {busy ? S.submitting : S.submit}
        </ActionButton>
      </View>
    </View>
  )
}
