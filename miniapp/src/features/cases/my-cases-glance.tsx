import type { CaseGlance } from '@ah-tourism/shared'
import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useRef } from 'react'
import { ActionButton } from '@/components/action-button'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { useRemote } from '@/hooks/use-remote'
import { useSessionUser } from '@/hooks/use-session'
import { getCaseOverview } from './api'
import { CaseCardFrame } from './case-card'
import { caseProgress, needsApplicant } from './progress'
import { openCase, openMineTab } from './routes'
import { CASE_GLANCE_STRINGS as S } from './strings'
import './case-card.scss'
import { caseStatusLabel } from '@/i18n/shared-words'

/** How many of the latest cases show when none waits for the person. */
const LATEST_SHOWN = 2

/**
 * Home's 我的办件 at a glance, signed in only (signed out it renders nothing and asks nothing): the cases
 * waiting for the person (补正, a visit to book, 待评价) with their next step in one line, each opening
 * the case; when none waits, the latest one or two with where they are.
 */
export function MyCasesGlance() {
  const user = useSessionUser()
  return user ? <SignedInGlance key={user.userId} userId={user.userId} /> : null
}

function SignedInGlance({ userId }: { userId: string }) {
  const { remote, reload } = useRemote(getCaseOverview, userId)
  // Back on home after handling a case: read again (the first show is the load above).
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })

  const waiting = remote.status === 'ready' ? remote.data.cases.filter(needsApplicant) : []
  const extra = (
    <ActionButton variant='text' size='sm' label={S.allLabel} onTap={openMineTab}>
      {S.all} ›
    </ActionButton>
  )

  if (remote.status === 'loading') {
    return (
      <Section title={S.latestTitle} extra={extra}>
        <StatusView kind='loading' compact title={S.loading} />
      </Section>
    )
  }
  if (remote.status === 'error') {
    return (
      <Section title={S.latestTitle} extra={extra}>
        <StatusView kind='error' compact title={S.error} description={remote.error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
      </Section>
    )
  }
  if (!remote.data.cases.length) {
    return (
      <Section title={S.latestTitle} extra={extra}>
        <StatusView kind='empty' compact title={S.empty} description={S.emptyHint} />
      </Section>
    )
  }
  const shownCases = waiting.length ? waiting : remote.data.cases.slice(0, LATEST_SHOWN)
  return (
    <Section title={waiting.length ? S.actionTitle : S.latestTitle} note={waiting.length ? S.actionNote(waiting.length) : undefined} flush extra={extra}>
      {waiting.length ? null : <Text className='case-glance__note'>{S.nothingToDo}</Text>}
      <View className='case-list' role='list'>
        {shownCases.map((glance, index) => (
          <View key={glance.caseNumber} className={`case-list__row${index === 0 ? ' case-list__row--first' : ''}`} role='listitem'>
            <GlanceCard glance={glance} waiting={waiting.length > 0} />
          </View>
        ))}
      </View>
    </Section>
  )
}

/** One case: its next step when it waits for the person, otherwise where it is (and what comes next). */
function GlanceCard({ glance, waiting }: { glance: CaseGlance; waiting: boolean }) {
  const progress = caseProgress(glance)
  const main = waiting && progress.next ? S.next(progress.next) : S.now(progress.now)
  const time = progress.daysLeft === null ? null : progress.overdue ? S.overdue : S.daysLeft(progress.daysLeft)
  return (
    <CaseCardFrame
      itemName={glance.itemName}
      status={glance.status}
      statusLabel={caseStatusLabel(glance.status, glance.statusLabel)}
      caseNumber={glance.caseNumber}
      label={S.caseLabel(glance.itemName, caseStatusLabel(glance.status, glance.statusLabel), [main, time].filter(Boolean).join(S.separator), glance.caseNumber)}
      onOpen={() => openCase(glance.caseNumber)}
    >
      <Text className={`case-card__line${waiting ? ' case-card__line--next' : ''}`}>{main}</Text>
      {time ? <Text className='case-card__line case-card__line--muted'>{time}</Text> : null}
    </CaseCardFrame>
  )
}
