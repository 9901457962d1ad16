import Taro from '@tarojs/taro'
import type { RectificationSummary } from '@ah-tourism/shared'
import { Text } from '@tarojs/components'
import { lastDay } from '@/features/feedback/format'
import { FEEDBACK_STRINGS as F } from '@/features/staff/feedback-strings'
import { FeedbackCard, FeedbackTag, LevelTag, MarkerRow } from '@/features/staff/feedback-view'
import { rectificationUrl } from '@/features/staff/routes'
import { STAFF_FEATURE_STRINGS as SF, spokenLabel } from '@/features/staff/strings'
import { FEEDBACK_CHANNEL_NAMES } from '@/features/staff/labels'
import { RECTIFICATIONS_STRINGS as S } from './strings'

/** One task: the item, the level and tags of the review, its channel, status, deadline and whether the evaluator was called back. */
export function RectificationRow({ task, supervised }: { task: RectificationSummary; supervised: boolean }) {
  const channel = (FEEDBACK_CHANNEL_NAMES as Record<string, string>)[task.channel] ?? task.channel
  const due = F.due(lastDay(task.dueAt))
  const label = spokenLabel([
    task.itemName,
    task.subjectId,
    supervised ? task.organisationName : '',
    task.levelLabel,
    task.statusLabel,
    task.tagLabels.join(SF.enumerationSeparator),
    SF.labelThenValue(S.channel, channel),
    due,
    task.overdue ? F.overdue : '',
    task.calledBack ? F.calledBack : '',
  ])
  return (
    <FeedbackCard title={task.itemName} status={task.status} statusLabel={task.statusLabel} label={label} onOpen={() => void Taro.navigateTo({ url: rectificationUrl(task.subjectId) })}>
      <Text className='case-card__line case-card__line--muted'>{task.subjectId}</Text>
      {supervised ? <Text className='case-card__line'>{task.organisationName}</Text> : null}
      <MarkerRow>
        <LevelTag level={task.level} label={task.levelLabel} />
        {task.tagLabels.map((tag) => (
          <FeedbackTag key={tag} tone='muted'>
            {tag}
          </FeedbackTag>
        ))}
      </MarkerRow>
      <MarkerRow>
        <FeedbackTag tone='primary'>{channel}</FeedbackTag>
        <Text className='case-card__line case-card__line--muted'>{due}</Text>
        {task.overdue ? <FeedbackTag tone='danger'>{F.overdue}</FeedbackTag> : null}
        {task.calledBack ? <FeedbackTag tone='good'>{F.calledBack}</FeedbackTag> : null}
      </MarkerRow>
    </FeedbackCard>
  )
}
