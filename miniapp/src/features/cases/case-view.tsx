import { Text, View } from '@tarojs/components'
import { useEffect, type ReactNode } from 'react'
import { Section } from '@/components/section'
import { scrollToId } from '@/services/scroll'
import { StatusTag } from './case-card'
import { chinaDateTime } from './format'
import { CASE_VIEW_STRINGS as S } from './strings'
import './case-view.scss'
import { caseStatusLabel, transitionLabel } from '@/i18n/shared-words'

/** A label and its value side by side (办件编号, 受理单位…); the value wraps, the label does not. */
export function DetailRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='detail-row'>
      <Text className='detail-row__label'>{label}</Text>
      <View className='detail-row__value'>{children}</View>
    </View>
  )
}

export interface CaseHeading {
  itemName: string
  caseNumber: string
  status: string
  statusLabel: string
  organisationName: string
  submittedAt: string
}

/** The top of a case page: the item as the page heading, the status, a hint and the case's numbers. */
export function CaseHeader({ summary, hint, children }: { summary: CaseHeading; hint?: string; children?: ReactNode }) {
  return (
    <View className='case-header'>
      <View className='case-header__top'>
        <View className='case-header__title' role='heading' aria-level={1}>
          {summary.itemName}
        </View>
        <StatusTag status={summary.status} label={caseStatusLabel(summary.status, summary.statusLabel)} />
      </View>
      {hint ? <Text className='case-header__hint'>{hint}</Text> : null}
      <DetailRow label={S.caseNumber}>
        <Text className='case-header__number' userSelect>
          {summary.caseNumber}
        </Text>
      </DetailRow>
      <DetailRow label={S.organisation}>
        <Text>{summary.organisationName}</Text>
      </DetailRow>
      <DetailRow label={S.submittedAt}>
        <Text>{chinaDateTime(summary.submittedAt)}</Text>
      </DetailRow>
      {children}
    </View>
  )
}

export interface HistoryStep {
  at: string
  action: string
  actionLabel: string
  to: string
  by: 'applicant' | 'staff' | 'system'
  /** Staff view only: who acted and what they wrote. */
  actorName?: string
  opinion?: string
}

/** 办理记录, newest first: the action and the status it led to, when and by whom, and any opinion. */
export function CaseHistory({ history }: { history: HistoryStep[] }) {
  return (
    <Section title={S.history}>
      <View className='case-history' role='list'>
        {[...history].reverse().map((step, index) => (
          <View key={`${step.at}-${index}`} className='case-history__step' role='listitem'>
            <View className={`case-history__dot${index === 0 ? ' case-history__dot--latest' : ''}`} aria-hidden='true' />
            <View className='case-history__body'>
              <Text className='case-history__action'>{`${transitionLabel(step.action, step.actionLabel)} · ${caseStatusLabel(step.to, step.to)}`}</Text>
              <Text className='case-history__meta'>{`${chinaDateTime(step.at)} · ${step.actorName ?? S.by[step.by]}`}</Text>
              {step.opinion ? <Text className='case-history__opinion'>{S.opinion(step.opinion)}</Text> : null}
            </View>
          </View>
        ))}
      </View>
    </Section>
  )
}

const NOTICE_ID = 'case-notice'

/** A message about the case at the top of its page (what just happened, or why it was reloaded), scrolled into view. */
export function CaseNotice({ tone, message, onClose }: { tone: 'success' | 'warning'; message: string; onClose?: () => void }) {
  useEffect(() => scrollToId(NOTICE_ID), [message])
  return (
    <View className={`case-notice case-notice--${tone}`} id={NOTICE_ID} role={tone === 'warning' ? 'alert' : 'status'}>
      <Text className='case-notice__text'>{message}</Text>
      {onClose ? (
        <View className='case-notice__close' role='button' aria-role='button' aria-label={S.closeNotice} onClick={onClose}>
          <Text aria-hidden='true'>✕</Text>
        </View>
      ) : null}
    </View>
  )
}

export interface ApplicantView {
  kind: 'person' | 'enterprise'
  name: string
  /** Masked for the applicant, in full for staff. */
  idNumber: string
  mobile?: string
  agentName?: string
}

/** 申请人: who applied, through whom, and a line on how the numbers are treated. */
export function ApplicantSection({ applicant, note, full = false }: { applicant: ApplicantView; note: string; full?: boolean }) {
  return (
    <Section title={S.applicant}>
      <DetailRow label={S.applicantKind}>
        <Text>{S.kindNames[applicant.kind]}</Text>
      </DetailRow>
      <DetailRow label={S.applicantName[applicant.kind]}>
        <Text>{applicant.name}</Text>
      </DetailRow>
      <DetailRow label={S.idNumber[applicant.kind]}>
        <Text className='case-header__number' userSelect={full}>
          {applicant.idNumber}
        </Text>
      </DetailRow>
      {applicant.mobile ? (
        <DetailRow label={S.mobile}>
          <Text userSelect={full}>{applicant.mobile}</Text>
        </DetailRow>
      ) : null}
      {applicant.agentName ? (
        <DetailRow label={S.agent[applicant.kind]}>
          <Text>{applicant.agentName}</Text>
        </DetailRow>
      ) : null}
      <Text className='case-note'>{note}</Text>
    </Section>
  )
}
