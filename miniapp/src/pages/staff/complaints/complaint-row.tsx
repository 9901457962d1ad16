import Taro from '@tarojs/taro'
import type { ComplaintSummary } from '@ah-tourism/shared'
import { Text } from '@tarojs/components'
import { chinaDateTime } from '@/features/cases/format'
import { lastDay } from '@/features/feedback/format'
import { FEEDBACK_STRINGS as F } from '@/features/staff/feedback-strings'
import { FeedbackCard, FeedbackTag, MarkerRow } from '@/features/staff/feedback-view'
import { complaintUrl } from '@/features/staff/routes'
import { STAFF_FEATURE_STRINGS as SF, spokenLabel } from '@/features/staff/strings'
import { COMPLAINTS_STRINGS as S } from './strings'

/** One complaint: the business complained about, who complained (masked), the channel, status and acceptance deadline. */
export function ComplaintRow({ complaint }: { complaint: ComplaintSummary }) {
  const due = complaint.dueAt && complaint.status === 'received' ? S.acceptBy(lastDay(complaint.dueAt)) : ''
  const overdue = complaint.overdue ? F.overdue : ''
  const label = spokenLabel([
    complaint.businessName,
    complaint.statusLabel,
    SF.labelThenValue(S.complaintNumber, complaint.complaintNumber),
    SF.labelThenValue(S.complainant, complaint.complainantName),
    SF.labelThenValue(S.channel, complaint.channelLabel),
    due,
    overdue,
  ])
  return (
    <FeedbackCard title={complaint.businessName} status={complaint.status} statusLabel={complaint.statusLabel} label={label} onOpen={() => void Taro.navigateTo({ url: complaintUrl(complaint.complaintNumber) })}>
      <Text className='case-card__line'>
        {SF.labelColon(S.complaintNumber)}
        <Text className='case-card__number'>{complaint.complaintNumber}</Text>
      </Text>
      <Text className='case-card__line'>{SF.labelValue(S.complainant, complaint.complainantName)}</Text>
      <MarkerRow>
        <FeedbackTag tone='muted'>{complaint.channelLabel}</FeedbackTag>
        {due ? <FeedbackTag tone={complaint.overdue ? 'danger' : 'primary'}>{due}</FeedbackTag> : null}
        {complaint.overdue ? <FeedbackTag tone='danger'>{F.overdue}</FeedbackTag> : null}
        <Text className='case-card__line case-card__line--muted'>{SF.labelThenValue(S.submittedAt, chinaDateTime(complaint.submittedAt))}</Text>
      </MarkerRow>
    </FeedbackCard>
  )
}
