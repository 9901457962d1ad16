import type { Evaluation } from '@ah-tourism/shared'
import { EVALUATION_DIMENSIONS, EVALUATION_LEVELS, isBadReview, type EvaluationDimension } from '@ah-tourism/shared/src/feedback/model'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { Section } from '@/components/section'
import { DetailRow } from '@/features/cases/case-view'
import { chinaDate, chinaDateTime } from '@/features/cases/format'
import { plainDate } from './format'
import { FEEDBACK_STRINGS as S } from './strings'
import './evaluation-view.scss'

type Rectification = NonNullable<Evaluation['rectification']>

export interface EvaluationPromptProps {
  title: string
  text: string
  buttonText: string
  onEvaluate: () => void
}

/** The invitation to evaluate, once the case or complaint is finished and not yet evaluated. */
export function EvaluationPrompt({ title, text, buttonText, onEvaluate }: EvaluationPromptProps) {
  return (
    <View className='evaluation-prompt' role='region' aria-label={title}>
      <View className='evaluation-prompt__title' role='heading' aria-level={2}>
        {title}
      </View>
      <Text className='evaluation-prompt__text'>{text}</Text>
      <ActionButton block onTap={onEvaluate}>
        {buttonText}
      </ActionButton>
    </View>
  )
}

/** 单位答复: how the organisation answered a bad review — status, outcome, its words, and the promised date for 限期整改. */
export function RectificationBlock({ rectification }: { rectification: Rectification | undefined }) {
  // Green once settled; amber while the organisation is still on it (回访, 答复, 整改, 复核).
  const settled = rectification?.status === 'resolved' || rectification?.status === 'appeal_upheld'
  return (
    <View className='rectification' role='region' aria-label={S.response}>
      <View className='rectification__title' role='heading' aria-level={3}>
        {S.response}
      </View>
      {rectification ? (
        <>
          <DetailRow label={S.responseStatus}>
            <Text className={`rectification__status rectification__status--${settled ? 'done' : 'open'}`}>{rectification.statusLabel}</Text>
          </DetailRow>
          {rectification.outcomeLabel ? (
            <DetailRow label={S.responseOutcome}>
              <Text>{rectification.outcomeLabel}</Text>
            </DetailRow>
          ) : null}
          {rectification.response ? (
            <DetailRow label={S.responseText}>
              <Text className='rectification__text'>{rectification.response}</Text>
            </DetailRow>
          ) : null}
          {rectification.outcome === 'by_date' && rectification.rectifyBy ? (
            <DetailRow label={S.rectifyBy}>
              <Text className='rectification__strong'>{plainDate(rectification.rectifyBy)}</Text>
            </DetailRow>
          ) : null}
          {rectification.respondedAt ? (
            <DetailRow label={S.responseAt}>
              <Text>{chinaDateTime(rectification.respondedAt)}</Text>
            </DetailRow>
          ) : null}
          {rectification.completedAt ? (
            <DetailRow label={S.completedAt}>
              <Text>{chinaDate(rectification.completedAt)}</Text>
            </DetailRow>
          ) : null}
          {!rectification.response ? <Text className='rectification__pending'>{S.responsePending}</Text> : null}
        </>
      ) : (
        <Text className='rectification__pending'>{S.responsePending}</Text>
      )}
    </View>
  )
}

/** An evaluation as given: level, dimensions, tags, comment, channel and time; for a bad review, the organisation's answer. */
export function GivenEvaluation({ evaluation, title = S.given }: { evaluation: Evaluation; title?: string }) {
  const bad = isBadReview(evaluation.level)
  const dimensions = (Object.entries(evaluation.dimensions ?? {}) as [EvaluationDimension, Evaluation['level']][]).filter(([, level]) => !!level)
  return (
    <Section title={title}>
      <View className='given-evaluation'>
        <View className='given-evaluation__level'>
          <Text className={`given-evaluation__badge given-evaluation__badge--${bad ? 'bad' : 'good'}`}>{evaluation.levelLabel}</Text>
          <Text className='given-evaluation__stars' aria-hidden='true'>
            {'★'.repeat(EVALUATION_LEVELS[evaluation.level]?.score ?? 0)}
          </Text>
        </View>
        {dimensions.length ? (
          <View className='given-evaluation__dimensions' role='list' aria-label={S.dimensions}>
            {dimensions.map(([dimension, level]) => (
              <View key={dimension} className='given-evaluation__dimension' role='listitem'>
                <Text className='given-evaluation__dimension-name'>{EVALUATION_DIMENSIONS[dimension] ?? dimension}</Text>
                <Text className='given-evaluation__dimension-level'>{EVALUATION_LEVELS[level]?.label ?? level}</Text>
              </View>
            ))}
          </View>
        ) : null}
        {evaluation.tagLabels.length ? (
          <View className='given-evaluation__tags' role='list' aria-label={S.tagsGiven}>
            {evaluation.tagLabels.map((label) => (
              <View key={label} className={`given-evaluation__tag given-evaluation__tag--${bad ? 'bad' : 'good'}`} role='listitem'>
                {label}
              </View>
            ))}
          </View>
        ) : null}
        {evaluation.comment ? (
          <DetailRow label={S.commentGiven}>
            <Text className='given-evaluation__comment'>{evaluation.comment}</Text>
          </DetailRow>
        ) : null}
        <DetailRow label={S.channel}>
          <Text>{evaluation.channelLabel}</Text>
        </DetailRow>
        <DetailRow label={S.givenAt}>
          <Text>{chinaDateTime(evaluation.at)}</Text>
        </DetailRow>
      </View>
      {bad ? <RectificationBlock rectification={evaluation.rectification} /> : null}
    </Section>
  )
}
