import type { Deadline } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { Section } from '@/components/section'
import { chinaDate } from './format'
import { CASE_VIEW_STRINGS as S } from './strings'
import './case-view.scss'

export type DeadlineTone = 'normal' | 'near' | 'overdue' | 'paused'

/** The status in which each clock is paused rather than stopped (补正, 特别程序). */
const PAUSED_IN: Record<Deadline['kind'], string> = { pre_review: 'supplement_requested', completion: 'special_procedure' }

/** One day or less left is near: amber; past the deadline: red. */
export function deadlineView(deadline: Deadline): { text: string; tone: DeadlineTone } {
  if (deadline.overdue) return { text: S.overdue, tone: 'overdue' }
  if (deadline.paused) {
    return { text: deadline.remainingWorkingDays !== undefined && !deadline.dueAt ? S.pausedWithDays(deadline.remainingWorkingDays) : S.paused, tone: 'paused' }
  }
  const days = deadline.remainingWorkingDays ?? 0
  return { text: S.remaining(days), tone: days <= 1 ? 'near' : 'normal' }
}

/** The last day of a deadline: `dueAt` is the first moment after it. */
function dueDate(deadline: Deadline): string {
  return deadline.dueAt && !deadline.paused ? S.dueBy(chinaDate(new Date(Date.parse(deadline.dueAt) - 60_000).toISOString())) : ''
}

/** The clocks that mean something now: running ones, and one paused by 补正 or a special procedure (not those a later step stopped). */
export function currentDeadlines(deadlines: Deadline[], status: string): Deadline[] {
  return deadlines.filter((deadline) => !deadline.paused || PAUSED_IN[deadline.kind] === status)
}

/**
 * A case's deadline as a list shows it. Lists leave paused deadlines out, so without one a case in
 * 补正 or a special procedure reads 已暂停计时, and any other case has nothing to show.
 */
export function listDeadline(deadline: Deadline | undefined, status: string): { text: string; tone: DeadlineTone } | null {
  if (deadline) return deadlineView(deadline)
  return Object.values(PAUSED_IN).includes(status) ? { text: S.paused, tone: 'paused' } : null
}

/** What is left of a deadline as a coloured tag. */
export function DeadlineBadge({ deadline, status }: { deadline?: Deadline; status: string }) {
  const view = listDeadline(deadline, status)
  return view ? <Text className={`deadline deadline--${view.tone}`}>{view.text}</Text> : null
}

/** 办理时限: each current clock with what is left and its last day; nothing when none runs. */
export function CaseDeadlines({ deadlines, status }: { deadlines: Deadline[]; status: string }) {
  const shown = currentDeadlines(deadlines, status)
  if (!shown.length) return null
  return (
    <Section title={S.deadlines}>
      <View role='list'>
        {shown.map((deadline) => {
          const { text } = deadlineView(deadline)
          const due = dueDate(deadline)
          return (
            <View key={deadline.kind} className='case-deadline' role='listitem' aria-label={[deadline.label, text, due].filter(Boolean).join(S.listSeparator)}>
              <View className='case-deadline__top' aria-hidden='true'>
                <Text className='case-deadline__label'>{deadline.label}</Text>
                <DeadlineBadge deadline={deadline} status={status} />
              </View>
              {due ? (
                <Text className='case-deadline__due' aria-hidden='true'>
                  {due}
                </Text>
              ) : null}
            </View>
          )
        })}
      </View>
    </Section>
  )
}
