import { useRouter } from '@tarojs/taro'
import type { RectificationDetail } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { RECTIFICATION_STATUSES, type EvaluationDimension, type EvaluationLevel } from '@ah-tourism/shared/src/feedback/model'
import { useCallback } from 'react'
import { PhoneLink } from '@/components/phone-link'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { StatusTag } from '@/features/cases/case-card'
import { CaseNotice, DetailRow } from '@/features/cases/case-view'
import { chinaDate, chinaDateTime } from '@/features/cases/format'
import { backOr, readParam } from '@/features/cases/routes'
import { useCasePage } from '@/features/cases/use-case-page'
import { getRectification } from '@/features/staff/feedback-api'
import { lastDay } from '@/features/feedback/format'
import { FEEDBACK_STRINGS as F } from '@/features/staff/feedback-strings'
import { FeedbackHistory, FeedbackTag, LevelTag, MarkerRow } from '@/features/staff/feedback-view'
import { RECTIFICATIONS_PAGE, rectificationUrl } from '@/features/staff/routes'
import { CallBackForm, CompleteForm, DecideAppealForm, RespondForm, type RectificationFormProps } from './action-forms'
import { EVALUATION_DIMENSION_NAMES, EVALUATION_LEVEL_NAMES } from '@/features/staff/labels'
import { STAFF_FEATURE_STRINGS as SF } from '@/features/staff/strings'
import { RECTIFICATION_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/components/form-field/index.scss'
import './index.scss'

const backToList = () => backOr(RECTIFICATIONS_PAGE)

const FORMS: Record<RectificationDetail['actions'][number], (props: RectificationFormProps) => JSX.Element> = {
  call_back: CallBackForm,
  respond: RespondForm,
  complete: CompleteForm,
  decide_appeal: DecideAppealForm,
}

function EvaluationSection({ detail }: { detail: RectificationDetail }) {
  const { evaluation } = detail
  const dimensions = Object.entries(evaluation.dimensions) as [EvaluationDimension, EvaluationLevel][]
  return (
    <Section title={S.evaluation}>
      <DetailRow label={S.level}>
        <LevelTag level={evaluation.level} label={evaluation.levelLabel} />
      </DetailRow>
      {dimensions.length ? (
        <DetailRow label={S.dimensions}>
          <View className='rectification__dimensions' role='list'>
            {dimensions.map(([key, level]) => (
              <View key={key} className='rectification__dimension' role='listitem'>{SF.labelValue(EVALUATION_DIMENSION_NAMES[key] ?? key, EVALUATION_LEVEL_NAMES[level] ?? level)}</View>
            ))}
          </View>
        </DetailRow>
      ) : null}
      {evaluation.tagLabels.length ? (
        <DetailRow label={S.tags}>
          <MarkerRow>
            {evaluation.tagLabels.map((tag) => (
              <FeedbackTag key={tag} tone='muted'>
                {tag}
              </FeedbackTag>
            ))}
          </MarkerRow>
        </DetailRow>
      ) : null}
      <DetailRow label={S.comment}>
        <Text className={evaluation.comment ? '' : 'rectification__muted'}>{evaluation.comment || S.noComment}</Text>
      </DetailRow>
      <DetailRow label={S.channel}>
        <Text>{evaluation.channelLabel}</Text>
      </DetailRow>
      <DetailRow label={S.evaluatedAt}>
        <Text>{chinaDateTime(evaluation.at)}</Text>
      </DetailRow>
    </Section>
  )
}

function ProgressSections({ detail }: { detail: RectificationDetail }) {
  const { response, appeal } = detail
  return (
    <>
      {detail.callBacks.length ? (
        <Section title={S.callBacks} note={S.callBackCount(detail.callBacks.length)}>
          <View className='case-history' role='list'>
            {detail.callBacks.map((callBack, index) => (
              <View key={`${callBack.at}-${index}`} className='rectification__call-back' role='listitem'>
                <Text className='case-history__action'>{callBack.reached ? S.callBackReached(callBack.methodLabel) : S.callBackNotReached(callBack.methodLabel)}</Text>
                <Text className='case-history__meta'>{`${chinaDateTime(callBack.at)} · ${callBack.by}`}</Text>
                <Text className='case-history__opinion'>{callBack.note}</Text>
              </View>
            ))}
          </View>
        </Section>
      ) : null}
      {response?.outcomeLabel ? (
        <Section title={S.response}>
          <DetailRow label={S.outcome}>
            <Text>{response.outcomeLabel}</Text>
          </DetailRow>
          {response.response ? (
            <DetailRow label={S.responseText}>
              <Text>{response.response}</Text>
            </DetailRow>
          ) : null}
          {response.rectifyBy ? (
            <DetailRow label={S.rectifyBy}>
              <Text>{chinaDate(`${response.rectifyBy}T04:00:00Z`)}</Text>
            </DetailRow>
          ) : null}
          {response.respondedAt ? (
            <DetailRow label={S.respondedAt}>
              <Text>{chinaDateTime(response.respondedAt)}</Text>
            </DetailRow>
          ) : null}
          {response.completedAt ? (
            <DetailRow label={S.completedAt}>
              <Text>{chinaDateTime(response.completedAt)}</Text>
            </DetailRow>
          ) : null}
        </Section>
      ) : null}
      {appeal ? (
        <Section title={S.appeal}>
          <DetailRow label={S.appealReason}>
            <Text>{appeal.reason}</Text>
          </DetailRow>
          <DetailRow label={S.appealedAt}>
            <Text>{chinaDateTime(appeal.at)}</Text>
          </DetailRow>
          <DetailRow label={S.appealDecision}>
            <Text>{appeal.decision ? S.decisions[appeal.decision] : S.pendingDecision}</Text>
          </DetailRow>
          {appeal.note ? (
            <DetailRow label={S.appealNote}>
              <Text>{appeal.note}</Text>
            </DetailRow>
          ) : null}
          {appeal.decidedAt ? (
            <DetailRow label={S.decidedAt}>
              <Text>{chinaDateTime(appeal.decidedAt)}</Text>
            </DetailRow>
          ) : null}
        </Section>
      ) : null}
    </>
  )
}

/**
 * 差评整改: pages/staff/rectification/index?subjectId=<办件编号或投诉编号> — a bad review and its task: the
 * evaluation, the evaluator (masked name, the mobile to call back), the deadline, call-backs, the
 * answer, any appeal and the history; then a form for each action the API allows this person now
 * (记录回访, 答复, 整改完成, and for provincial administrators 复核), sent with the version on screen.
 */
export default function RectificationPage() {
  usePageTitle()
  const { params } = useRouter()
  const subjectId = readParam(params.subjectId).toUpperCase()
  const user = useSignedIn(rectificationUrl(subjectId))
  const userId = user?.userId ?? ''
  const load = useCallback(() => getRectification(subjectId), [subjectId])
  const { remote, reload, notice, clearNotice, changed, stale } = useCasePage(load, `${userId}:${subjectId}`)

  if (!subjectId) return <StatusView kind='error' title={S.missingId} actionText={S.toList} onAction={backToList} />
  if (!user) return <SignInRequired returnUrl={rectificationUrl(subjectId)} />
  if (remote.status === 'loading') return <StatusView kind='loading' title={S.loading} />
  if (remote.status === 'error') {
    const { error } = remote
    const final = error.code === 'RECTIFICATION_NOT_FOUND' || error.code === 'COMMON_NOT_FOUND' || error.code === 'AUTH_FORBIDDEN'
    return final ? (
      <StatusView kind='empty' title={error.message} actionText={S.toList} onAction={backToList} />
    ) : (
      <StatusView kind='error' title={error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
    )
  }

  const detail = remote.data
  // The API shows the mobile to the responsible organisation only, and only while the task is open.
  const own = user.staff?.organisationCode === detail.organisationCode
  const done = (next: RectificationDetail, message: string) => changed(next, message)

  return (
    <View className='case-page rectification'>
      {notice ? <CaseNotice tone={notice.tone} message={notice.message} onClose={clearNotice} /> : null}
      <View className='case-header'>
        <View className='case-header__top'>
          <View className='case-header__title' role='heading' aria-level={1}>
            {detail.itemName}
          </View>
          <StatusTag status={detail.status} label={detail.statusLabel} />
        </View>
        <DetailRow label={detail.subjectKind === 'complaint' ? S.complaintNumber : S.caseNumber}>
          <Text className='case-header__number' userSelect>
            {detail.subjectId}
          </Text>
        </DetailRow>
        <DetailRow label={S.organisation}>
          <Text>{detail.organisationName}</Text>
        </DetailRow>
        <DetailRow label={S.createdAt}>
          <Text>{chinaDateTime(detail.createdAt)}</Text>
        </DetailRow>
        <DetailRow label={S.deadline}>
          <MarkerRow>
            <Text>{F.due(lastDay(detail.dueAt))}</Text>
            {detail.overdue ? <FeedbackTag tone='danger'>{F.overdue}</FeedbackTag> : null}
            <FeedbackTag tone={detail.calledBack ? 'good' : 'muted'}>{detail.calledBack ? F.calledBack : F.notCalledBack}</FeedbackTag>
          </MarkerRow>
        </DetailRow>
      </View>

      <EvaluationSection detail={detail} />

      <Section title={S.evaluator}>
        <DetailRow label={S.evaluatorName}>
          <Text>{detail.evaluatorName}</Text>
        </DetailRow>
        <DetailRow label={S.evaluatorMobile}>
          {detail.evaluatorMobile ? (
            <PhoneLink phone={detail.evaluatorMobile} purpose={S.evaluatorPurpose} />
          ) : (
            <Text className='rectification__muted'>{RECTIFICATION_STATUSES[detail.status].open && own ? S.noMobile : S.mobileHidden}</Text>
          )}
        </DetailRow>
        <Text className='case-note'>{S.evaluatorNote}</Text>
      </Section>

      <ProgressSections detail={detail} />
      <FeedbackHistory entries={detail.history} />

      {detail.actions.length ? (
        detail.actions.map((action) => {
          const Form = FORMS[action]
          return <Form key={`${action}-${detail.version}`} detail={detail} onDone={done} onStale={stale} />
        })
      ) : (
        <Section title={S.actions}>
          <StatusView kind='empty' compact title={S.noActions} description={S.noActionsHint} />
        </Section>
      )}
    </View>
  )
}
