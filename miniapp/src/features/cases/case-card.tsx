import type { CaseSummary, DraftSummary } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { chinaDate, chinaDateTime } from './format'
import { openApply, openCase } from './routes'
import { CASE_LIST_STRINGS as S } from './strings'
import './case-card.scss'

/** The status as a coloured tag; the wording comes from the API (shared/src/cases/status.ts). */
export function StatusTag({ status, label }: { status: string; label: string }) {
  return <Text className={`status-tag status-tag--${status}`}>{label}</Text>
}

/** One of the applicant's cases; a tap opens its detail. */
export function CaseCard({ summary }: { summary: CaseSummary }) {
  return (
    <View
      className='case-card'
      role='link'
      aria-role='link'
      aria-label={S.caseLabel(summary.itemName, summary.statusLabel, summary.caseNumber)}
      hoverClass='case-card--pressed'
      onClick={() => openCase(summary.caseNumber)}
    >
      <View className='case-card__top'>
        <Text className='case-card__name'>{summary.itemName}</Text>
        <StatusTag status={summary.status} label={summary.statusLabel} />
      </View>
      <Text className='case-card__line'>
        {`${S.caseNumber}：`}
        <Text className='case-card__number'>{summary.caseNumber}</Text>
      </Text>
      <Text className='case-card__line'>{summary.organisationName}</Text>
      <Text className='case-card__line case-card__line--muted'>{`${S.submittedAt}：${chinaDateTime(summary.submittedAt)}`}</Text>
    </View>
  )
}

/** An unfinished application; a tap continues it. */
export function DraftCard({ draft }: { draft: DraftSummary }) {
  return (
    <View
      className='case-card'
      role='link'
      aria-role='link'
      aria-label={S.draftLabel(draft.itemName)}
      hoverClass='case-card--pressed'
      onClick={() => openApply(draft.implementationCode)}
    >
      <View className='case-card__top'>
        <Text className='case-card__name'>{draft.itemName}</Text>
        <Text className='status-tag status-tag--draft'>{S.draftTag}</Text>
      </View>
      <Text className='case-card__line case-card__line--muted'>{S.draftSaved(chinaDateTime(draft.updatedAt))}</Text>
      <Text className='case-card__line case-card__line--muted'>{S.draftExpires(chinaDate(draft.expiresAt))}</Text>
      <Text className='case-card__action'>{S.continueDraft} ›</Text>
    </View>
  )
}
