import type { CaseSummary, DraftSummary } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { chinaDate, chinaDateTime } from './format'
import { openApply, openCase } from './routes'
import { CASE_LIST_STRINGS as S } from './strings'
import './case-card.scss'
import { caseStatusLabel } from '@/i18n/shared-words'

/** The status as a coloured tag; the wording comes from the API (shared/src/cases/status.ts). */
export function StatusTag({ status, label }: { status: string; label: string }) {
  return <Text className={`status-tag status-tag--${status}`}>{label}</Text>
}

export interface CaseCardFrameProps {
  itemName: string
  status: string
  statusLabel: string
  caseNumber: string
  /** The spoken name of the whole card (it is one link). */
  label: string
  onOpen: () => void
  children?: ReactNode
}

/**
 * A case as a tappable card: item, status and number, then whatever the list adds. The whole card takes the
 * tap; the link (one tab stop, named by `label`) is its first part, whose words the name repeats, so voice
 * control users can say what they see; the details the list adds follow it as text.
 */
export function CaseCardFrame({ itemName, status, statusLabel, caseNumber, label, onOpen, children }: CaseCardFrameProps) {
  return (
    <View className='case-card' hoverClass='case-card--pressed' onClick={onOpen}>
      <View className='case-card__link' role='link' aria-role='link' aria-label={label}>
        <View className='case-card__top'>
          <Text className='case-card__name'>{itemName}</Text>
          <StatusTag status={status} label={statusLabel} />
        </View>
        <Text className='case-card__line'>
          {S.labelPrefix(S.caseNumber)}
          <Text className='case-card__number'>{caseNumber}</Text>
        </Text>
      </View>
      {children}
    </View>
  )
}

/** One of the applicant's cases; a tap opens its detail. */
export function CaseCard({ summary }: { summary: CaseSummary }) {
  return (
    <CaseCardFrame
      itemName={summary.itemName}
      status={summary.status}
      statusLabel={caseStatusLabel(summary.status, summary.statusLabel)}
      caseNumber={summary.caseNumber}
      label={S.caseLabel(summary.itemName, caseStatusLabel(summary.status, summary.statusLabel), summary.caseNumber)}
      onOpen={() => openCase(summary.caseNumber)}
    >
      <Text className='case-card__line'>{summary.organisationName}</Text>
      <Text className='case-card__line case-card__line--muted'>{S.labelled(S.submittedAt, chinaDateTime(summary.submittedAt))}</Text>
    </CaseCardFrame>
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
