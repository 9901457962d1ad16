import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { StatusView } from '@/components/status-view'
import { HOME_TAB } from '@/features/catalog/routes'
import { getCase } from '@/features/cases/api'
import { StatusTag } from '@/features/cases/case-card'
import { chinaDateTime } from '@/features/cases/format'
import { caseUrl, openMineTab, readParam } from '@/features/cases/routes'
import { useRemote } from '@/hooks/use-remote'
import { toApiError } from '@/services/api-error'
import { APPLICANT_TEMPLATE_KEYS, askToSubscribe, prepareSubscriptions, SUBSCRIBE_AVAILABLE } from '@/services/subscribe'
import { SUBMITTED_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import './index.scss'
import { caseStatusLabel } from '@/i18n/shared-words'

/**
 * After a submission: pages/cases/submitted/index?caseNumber=<办件编号>. The apply page is replaced
 * by this one (redirectTo), so "back" cannot return to the submitted form.
 */
export default function SubmittedPage() {
  usePageTitle()
  const { params } = useRouter()
  const caseNumber = readParam(params.caseNumber)
  const load = useCallback(() => getCase(caseNumber), [caseNumber])
  const { remote, reload } = useRemote(load, caseNumber)
  const [subscribe, setSubscribe] = useState<{ state: 'idle' | 'asking' | 'accepted' | 'declined'; error?: string }>({ state: 'idle' })

  // The templates are fetched now, so the tap below can open WeChat's dialog at once.
  useEffect(() => prepareSubscriptions(), [])

  // Straight from the tap: WeChat shows its subscribe dialog only in response to one.
  const askForProgress = () => {
    if (subscribe.state === 'asking') return
    setSubscribe({ state: 'asking' })
    askToSubscribe(APPLICANT_TEMPLATE_KEYS).then(
      (outcome) => {
        if (outcome.status !== 'answered') setSubscribe({ state: 'idle' })
        else setSubscribe({ state: outcome.accepted.length ? 'accepted' : 'declined' })
      },
      (error: unknown) => setSubscribe({ state: 'idle', error: toApiError(error).message }),
    )
  }

  if (!caseNumber) return <StatusView kind='error' title={S.missingNumber} actionText={S.toMine} onAction={openMineTab} />

  return (
    <View className='submitted'>
      <View className='submitted__card'>
        <View className='submitted__mark' aria-hidden='true'>
          <Text>✓</Text>
        </View>
        <View className='submitted__title' role='heading' aria-level={1}>
          {S.title}
        </View>
        <Text className='submitted__text'>{S.text}</Text>
        <View className='submitted__number-box'>
          <Text className='submitted__label'>{S.caseNumber}</Text>
          <Text className='submitted__number' userSelect aria-label={`${S.caseNumber} ${caseNumber}`}>
            {caseNumber}
          </Text>
          <Text className='submitted__note'>{S.caseNumberNote}</Text>
        </View>
        {remote.status === 'ready' ? (
          <View className='submitted__facts'>
            <View className='submitted__fact'>
              <Text className='submitted__label'>{S.item}</Text>
              <Text className='submitted__value'>{remote.data.itemName}</Text>
            </View>
            <View className='submitted__fact'>
              <Text className='submitted__label'>{S.organisation}</Text>
              <Text className='submitted__value'>{remote.data.organisationName}</Text>
            </View>
            <View className='submitted__fact'>
              <Text className='submitted__label'>{S.submittedAt}</Text>
              <Text className='submitted__value'>{chinaDateTime(remote.data.submittedAt)}</Text>
            </View>
            <View className='submitted__fact'>
              <Text className='submitted__label'>{S.status}</Text>
              <StatusTag status={remote.data.status} label={caseStatusLabel(remote.data.status, remote.data.statusLabel)} />
            </View>
          </View>
        ) : remote.status === 'loading' ? (
          <View className='submitted__facts submitted__facts--loading' role='status'>
            <Text className='submitted__note'>{S.loadingFacts}</Text>
          </View>
        ) : (
          <View className='submitted__facts' role='alert'>
            <Text className='submitted__note'>{S.factsFailed(remote.error.message)}</Text>
            <ActionButton variant='text' label={S.retryLabel} onTap={reload}>
              {S.retry}
            </ActionButton>
          </View>
        )}
      </View>
      {SUBSCRIBE_AVAILABLE ? (
        <View className='submitted__subscribe'>
          <View className='submitted__subscribe-title' role='heading' aria-level={2}>
            {S.subscribeTitle}
          </View>
          <Text className='submitted__text'>{S.subscribeText}</Text>
          {subscribe.state === 'accepted' || subscribe.state === 'declined' ? (
            <View className={`submitted__subscribe-result submitted__subscribe-result--${subscribe.state}`} role='status'>
              {subscribe.state === 'accepted' ? S.subscribed : S.notSubscribed}
            </View>
          ) : (
            <ActionButton block disabled={subscribe.state === 'asking'} onTap={askForProgress}>
              {subscribe.state === 'asking' ? S.subscribing : S.subscribe}
            </ActionButton>
          )}
          {subscribe.error ? (
            <View className='submitted__subscribe-error' role='alert'>
              {subscribe.error}
            </View>
          ) : null}
        </View>
      ) : null}
      <View className='submitted__actions'>
        <ActionButton block variant={SUBSCRIBE_AVAILABLE ? 'secondary' : 'primary'} onTap={() => void Taro.redirectTo({ url: caseUrl(caseNumber) })}>
          {S.toDetail}
        </ActionButton>
        <ActionButton block variant='secondary' onTap={openMineTab}>
          {S.toMine}
        </ActionButton>
        <ActionButton block variant='text' onTap={() => void Taro.switchTab({ url: HOME_TAB })}>
          {S.toHome}
        </ActionButton>
      </View>
    </View>
  )
}
