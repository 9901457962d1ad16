import Taro from '@tarojs/taro'
import type { ComplaintSummary } from '@ah-tourism/shared'
import { Text } from '@tarojs/components'
import { chinaDateTime } from '@/features/cases/format'
import { lastDay } from '@/features/feedback/format'
import { FEEDBACK_STRINGS as F } from '@/features/staff/feedback-strings'
import { FeedbackCard, FeedbackTag, MarkerRow } from '@/features/staff/feedback-view'
import { complaintUrl } from '@/features/staff/routes'
import { COMPLAINTS_STRINGS as S } from './strings'

/** One complaint: the business complained about, who complained (masked), the channel, status and acceptance deadline. */
export function ComplaintRow({ complaint }: { complaint: ComplaintSummary }) {
  const due = complaint.dueAt && complaint.status === 'received' ? S.acceptBy(lastDay(complaint.dueAt)) : ''
  const overdue = complaint.overdue ? F.overdue : ''
  const label = S.complaintLabel([
    complaint.businessName,
    complaint.statusLabel,
    `${S.complaintNumber}${complaint.complaintNumber}`,
    `${S.complainant}${complaint.complainantName}`,
    `${S.channel}${complaint.channelLabel}`,
    due,
    overdue,
  ])
  return (
    <FeedbackCard title={complaint.businessName} status={complaint.status} statusLabel={complaint.statusLabel} label={label} onOpen={() => void Taro.navigateTo({ url: complaintUrl(complaint.complaintNumber) })}>
      <Text className='case-card__line'>
        {`${S.complaintNumber}：`}
        <Text className='case-card__number'>{complaint.complaintNumber}</Text>
      </Text>
      <Text className='case-card__line'>{`${S.complainant}：${complaint.complainantName}`}</Text>
      <MarkerRow>
        <FeedbackTag tone='muted'>{complaint.channelLabel}</FeedbackTag>
        {due ? <FeedbackTag tone={complaint.overdue ? 'danger' : 'primary'}>{due}</FeedbackTag> : null}
        {complaint.overdue ? <FeedbackTag tone='danger'>{F.overdue}</FeedbackTag> : null}
        <Text className='case-card__line case-card__line--muted'>{`${S.submittedAt}${chinaDateTime(complaint.submittedAt)}`}</Text>
      </MarkerRow>
    </FeedbackCard>
  )
}
