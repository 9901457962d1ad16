import type { CaseStatus } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { Section } from '@/components/section'
import { askToSubscribe, loadSubscriptions, SUBSCRIBE_AVAILABLE } from '@/services/subscribe'
import { DETAIL_STRINGS as S } from './strings'

/** Statuses after which no progress notice (case_progress) is sent about the case: delivered is the last one. */
const FINISHED: readonly CaseStatus[] = ['delivered', 'closed', 'withdrawn']

/**
 * Honest notifications: a one-time grant is spent by the push it allowed, so after 已订阅 the next steps of
 * a case may go unannounced. While the case still has steps ahead and the person has no progress grant
 * left, the case page says so and offers to subscribe again (WeChat opens its dialog only on a tap).
 */
export function ResubscribeCard({ status }: { status: CaseStatus }) {
  const [left, setLeft] = useState<number | null>(null)
  const [state, setState] = useState<'idle' | 'asking' | 'accepted' | 'declined'>('idle')
  const open = SUBSCRIBE_AVAILABLE && !FINISHED.includes(status)

  useEffect(() => {
    if (!open) return
    loadSubscriptions().then(
      (templates) => setLeft(templates.find((t) => t.key === 'case_progress' && !!t.templateId)?.remaining ?? null),
      () => setLeft(null),
    )
  }, [open, status])

  if (!open || left === null || (left > 0 && state === 'idle')) return null
  const subscribe = () => {
    setState('asking')
    askToSubscribe(['case_progress']).then(
      (outcome) => setState(outcome.status === 'answered' && outcome.accepted.length ? 'accepted' : 'declined'),
      () => setState('declined'),
    )
  }
  return (
    <Section title={S.resubscribeTitle}>
      {state === 'accepted' ? (
        <View className='case-note' role='status'>
          {S.resubscribed}
        </View>
      ) : (
        <View>
          <Text className='case-note'>{state === 'declined' ? S.resubscribeDeclined : S.resubscribeText}</Text>
          <View className='case-buttons'>
            <ActionButton variant='secondary' disabled={state === 'asking'} onTap={subscribe}>
              {S.resubscribe}
            </ActionButton>
          </View>
        </View>
      )}
    </Section>
  )
}
