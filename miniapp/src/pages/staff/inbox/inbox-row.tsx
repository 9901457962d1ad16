import Taro from '@tarojs/taro'
import type { StaffCaseSummary } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { CaseCardFrame } from '@/features/cases/case-card'
import { DeadlineBadge, listDeadline } from '@/features/cases/case-deadlines'
import { chinaDateTime } from '@/features/cases/format'
import { staffCaseUrl } from '@/features/staff/routes'
import { STAFF_FEATURE_STRINGS as SF, spokenLabel } from '@/features/staff/strings'
import { INBOX_STRINGS as S } from './strings'

/** One case of the inbox: item, number, applicant (masked), status and what is left of its deadline. */
export function InboxRow({ summary }: { summary: StaffCaseSummary }) {
  const deadline = listDeadline(summary.deadline, summary.status)?.text ?? ''
  return (
    <CaseCardFrame
      itemName={summary.itemName}
      status={summary.status}
      statusLabel={summary.statusLabel}
      caseNumber={summary.caseNumber}
      label={spokenLabel([
        summary.itemName,
        summary.statusLabel,
        S.caseNumberPart(summary.caseNumber),
        S.applicantPart(summary.applicantName),
        deadline,
        summary.channelLabel ? S.sourcePart(summary.channelLabel) : '',
      ])}
      onOpen={() => void Taro.navigateTo({ url: staffCaseUrl(summary.caseNumber) })}
    >
      <Text className='case-card__line'>{SF.labelValue(S.applicant, summary.applicantName)}</Text>
      {summary.channelLabel ? <Text className='case-card__line case-card__line--muted'>{S.source(summary.channelLabel)}</Text> : null}
      <View className='inbox-row__bottom'>
        <DeadlineBadge deadline={summary.deadline} status={summary.status} />
        <Text className='case-card__line case-card__line--muted'>{SF.labelThenValue(S.submittedAt, chinaDateTime(summary.submittedAt))}</Text>
      </View>
    </CaseCardFrame>
  )
}
