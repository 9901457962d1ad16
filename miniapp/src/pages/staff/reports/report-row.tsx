import type { FailedReport } from '@ah-tourism/shared/src/reports/api'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { chinaDateTime } from '@/features/cases/format'
import { FeedbackTag, MarkerRow } from '@/features/staff/feedback-view'
import { STAFF_FEATURE_STRINGS as SF, spokenLabel } from '@/features/staff/strings'
import { REPORTS_STRINGS as S } from './strings'

/** One failed report: what (kind, case or guide, step), why, since when, and 重新上报. */
export function ReportRow({ report, busy, onReplay }: { report: FailedReport; busy: boolean; onReplay: () => void }) {
  const what = `${report.recordLabel} ${report.subject} ${report.summary}`
  const label = spokenLabel([report.recordLabel, report.subject, report.summary, report.stateLabel, SF.labelValue(S.reason, report.reason), SF.labelValue(S.since, chinaDateTime(report.since)), S.attempts(report.attempts)])
  return (
    <View className='case-card'>
      <View aria-label={label}>
        <View className='case-card__top'>
          <Text className='case-card__name'>{report.summary}</Text>
          <FeedbackTag tone={report.state === 'refused' ? 'danger' : 'muted'}>{report.stateLabel}</FeedbackTag>
        </View>
        <View>
          <Text className='case-card__line case-card__line--muted'>
            {report.recordLabel} · {report.subject}
          </Text>
        </View>
        <View>
          <Text className='case-card__line'>
            {report.refusalCode ? SF.parenthetical(SF.labelValue(S.reason, report.reason), report.refusalCode) : SF.labelValue(S.reason, report.reason)}
          </Text>
        </View>
        <MarkerRow>
          <Text className='case-card__line case-card__line--muted'>
            {SF.labelValue(S.since, chinaDateTime(report.since))}
          </Text>
          <Text className='case-card__line case-card__line--muted'>{S.attempts(report.attempts)}</Text>
        </MarkerRow>
        <View className='report-row__changed'>
          <Text className='case-card__line case-card__line--muted'>
            {SF.labelValue(S.changedAt, chinaDateTime(report.changedAt))}
          </Text>
        </View>
      </View>
      <ActionButton variant='secondary' size='sm' label={S.replayLabel(what)} disabled={busy} onTap={onReplay}>
        {busy ? S.replaying : S.replay}
      </ActionButton>
    </View>
  )
}
