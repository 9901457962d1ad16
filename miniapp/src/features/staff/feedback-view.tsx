import type { EvaluationLevel } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Section } from '@/components/section'
import { StatusTag } from '@/features/cases/case-card'
import { chinaDateTime } from '@/features/cases/format'
import { FEEDBACK_STRINGS as S } from './feedback-strings'
import '@/features/cases/case-view.scss'
import './feedback-view.scss'

export type TagTone = 'good' | 'warn' | 'danger' | 'primary' | 'muted'

/** A small coloured marker (已超期, 已回访, an evaluation level…). */
export function FeedbackTag({ tone, children }: { tone: TagTone; children: ReactNode }) {
  return <Text className={`feedback-tag feedback-tag--${tone}`}>{children}</Text>
}

/** 非常满意/满意 green, 基本满意 blue, the two bad levels red. */
export function levelTone(level: EvaluationLevel): TagTone {
  if (level === 'dissatisfied' || level === 'very_dissatisfied') return 'danger'
  return level === 'basically_satisfied' ? 'primary' : 'good'
}

export function LevelTag({ level, label }: { level: EvaluationLevel; label: string }) {
  return <FeedbackTag tone={levelTone(level)}>{label}</FeedbackTag>
}

export interface FeedbackCardProps {
  title: string
  status: string
  statusLabel: string
  /** The spoken name of the whole card (it is one link). */
  label: string
  onOpen: () => void
  children?: ReactNode
}

/**
 * A task, complaint or consultation in a staff list: a tappable card with its title and status. The whole
 * card takes the tap; the link (one tab stop, named by `label`, which starts with the title) is the title,
 * so the spoken name holds the words it shows; status and details follow as text.
 */
export function FeedbackCard({ title, status, statusLabel, label, onOpen, children }: FeedbackCardProps) {
  return (
    <View className='case-card' hoverClass='case-card--pressed' onClick={onOpen}>
      <View className='case-card__top'>
        <View className='case-card__name' role='link' aria-role='link' aria-label={label}>
          {title}
        </View>
        <StatusTag status={status} label={statusLabel} />
      </View>
      {children}
    </View>
  )
}

/** The markers at the bottom of a card (deadline, 已超期, 已回访…), wrapping on narrow screens. */
export function MarkerRow({ children }: { children: ReactNode }) {
  return <View className='feedback-markers'>{children}</View>
}

export interface HistoryEntry {
  at: string
  label: string
  /** Who acted: a staff member's name or an organisation. */
  by?: string
  note?: string
}

/** 处理记录, newest first: what was done, when, by whom, and what they wrote. */
export function FeedbackHistory({ entries, title = S.history }: { entries: HistoryEntry[]; title?: string }) {
  return (
    <Section title={title}>
      {entries.length ? (
        <View className='case-history' role='list'>
          {[...entries].reverse().map((entry, index) => (
            <View key={`${entry.at}-${index}`} className='case-history__step' role='listitem'>
              <View className={`case-history__dot${index === 0 ? ' case-history__dot--latest' : ''}`} aria-hidden='true' />
              <View className='case-history__body'>
                <Text className='case-history__action'>{entry.label}</Text>
                <Text className='case-history__meta'>{[chinaDateTime(entry.at), entry.by].filter(Boolean).join(' · ')}</Text>
                {entry.note ? <Text className='case-history__opinion'>{S.historyNote(entry.note)}</Text> : null}
              </View>
            </View>
          ))}
        </View>
      ) : (
        <Text className='case-note'>{S.noHistory}</Text>
      )}
    </Section>
  )
}

/** A form's problems the API reported that belong to no field on screen. */
export function ProblemBox({ title, messages }: { title: string; messages: string[] }) {
  if (!messages.length) return null
  return (
    <View className='feedback-problem' role='alert'>
      <Text className='feedback-problem__title'>{title}</Text>
      {messages.map((message) => (
        <Text key={message} className='feedback-problem__text'>
          {message}
        </Text>
      ))}
    </View>
  )
}
