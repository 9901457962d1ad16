import Taro, { useDidShow } from '@tarojs/taro'
import type { SubscriptionTemplate } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import type { TemplateKey } from '@ah-tourism/shared/src/notifications/templates'
import { useCallback, useRef, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { SUBSCRIPTIONS_PAGE } from '@/features/account/routes'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { useRemote } from '@/hooks/use-remote'
import { toApiError } from '@/services/api-error'
import { DEV_LOGIN, IS_WEAPP } from '@/services/config'
import { APPLICANT_TEMPLATE_KEYS, askToSubscribe, loadSubscriptions, STAFF_TEMPLATE_KEYS, SUBSCRIBE_AVAILABLE } from '@/services/subscribe'
import { SUBSCRIPTIONS_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import './index.scss'

function stateOf(template: SubscriptionTemplate): { text: string; on: boolean } {
  if (template.kind === 'once') {
    const n = template.remaining ?? 0
    return { text: S.remaining(n), on: n > 0 }
  }
  return { text: template.active ? S.on : S.off, on: template.active }
}

function TemplateRow({ template }: { template: SubscriptionTemplate }) {
  const state = stateOf(template)
  return (
    <View className='template' aria-label={S.templateLabel(template.title, state.text, template.description)}>
      <View className='template__top'>
        <Text className='template__title'>{template.title}</Text>
        <Text className={`template__state${state.on ? ' template__state--on' : ''}`}>{state.text}</Text>
      </View>
      <Text className='template__description'>{template.description}</Text>
    </View>
  )
}

/**
 * 消息订阅: pages/account/subscriptions/index — the subscribe-message templates this user can receive
 * (from GET /me/subscriptions, with their ids) and their state, and the buttons that ask for them.
 */
export default function SubscriptionsPage() {
  usePageTitle()
  const user = useSignedIn(SUBSCRIPTIONS_PAGE)
  const userId = user?.userId ?? ''
  const load = useCallback(() => (userId ? loadSubscriptions() : Promise.resolve([] as SubscriptionTemplate[])), [userId])
  const { remote, reload } = useRemote(load, userId)
  const [latest, setLatest] = useState<SubscriptionTemplate[] | null>(null)
  const [asking, setAsking] = useState<'applicant' | 'staff' | null>(null)
  const [result, setResult] = useState<string | null>(null)
  const shown = useRef(false)

  useDidShow(() => {
    if (!shown.current) {
      shown.current = true
      return
    }
    setLatest(null)
    reload()
  })

  if (!user) return <SignInRequired returnUrl={SUBSCRIPTIONS_PAGE} />
  if (remote.status === 'loading') return <StatusView kind='loading' title={S.loading} />
  if (remote.status === 'error') return <StatusView kind='error' title={remote.error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />

  const templates = latest ?? remote.data
  const applicant = templates.filter((t) => APPLICANT_TEMPLATE_KEYS.includes(t.key))
  const staff = templates.filter((t) => STAFF_TEMPLATE_KEYS.includes(t.key))

  // Called straight from the tap: WeChat opens its dialog only in response to one.
  const ask = (group: 'applicant' | 'staff', keys: TemplateKey[]) => {
    if (asking) return
    setAsking(group)
    setResult(null)
    askToSubscribe(keys).then(
      (outcome) => {
        setAsking(null)
        if (outcome.status !== 'answered') return
        setLatest(outcome.templates)
        setResult(outcome.accepted.length ? S.accepted(outcome.accepted.length) : S.declined)
      },
      (error: unknown) => {
        setAsking(null)
        void Taro.showToast({ title: toApiError(error).message, icon: 'none' })
      },
    )
  }

  const renderGroup = (group: 'applicant' | 'staff', list: SubscriptionTemplate[], keys: TemplateKey[]) => (
    <Section title={group === 'applicant' ? S.applicant : S.staff} note={group === 'applicant' ? S.applicantNote : S.staffNote}>
      <View className='subscriptions__templates' role='list'>
        {list.map((template) => (
          <View key={template.key} role='listitem'>
            <TemplateRow template={template} />
          </View>
        ))}
      </View>
      {SUBSCRIBE_AVAILABLE ? (
        <ActionButton block disabled={asking !== null} onTap={() => ask(group, keys)}>
          {asking === group ? S.asking : group === 'applicant' ? S.applicantAsk : S.staffAsk}
        </ActionButton>
      ) : null}
    </Section>
  )

  return (
    <View className='subscriptions'>
      <View className='subscriptions__header'>
        <View className='subscriptions__title' role='heading' aria-level={1}>
          {S.title}
        </View>
        <Text className='subscriptions__text'>{S.text}</Text>
        {!IS_WEAPP && DEV_LOGIN ? <Text className='subscriptions__note'>{S.simulated}</Text> : null}
        {!SUBSCRIBE_AVAILABLE ? <Text className='subscriptions__note'>{S.unavailable}</Text> : null}
      </View>
      {result ? (
        <View className='subscriptions__result' role='status'>
          {result}
        </View>
      ) : null}
      {!templates.length ? <StatusView kind='empty' compact title={S.empty} /> : null}
      {user.staff && staff.length ? renderGroup('staff', staff, STAFF_TEMPLATE_KEYS) : null}
      {applicant.length ? renderGroup('applicant', applicant, APPLICANT_TEMPLATE_KEYS) : null}
    </View>
  )
}
