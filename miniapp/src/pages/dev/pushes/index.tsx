import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import { ActionButton } from '@/components/action-button'
import { StatusView } from '@/components/status-view'
import { chinaDateTime } from '@/features/cases/format'
import { useRemote } from '@/hooks/use-remote'
import { WECHAT_STANDIN } from '@/services/config'
import { listStandInPushes, type StandInPush } from './pushes'
import { PUSHES_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import './index.scss'

function PushCard({ push }: { push: StandInPush }) {
  return (
    <View className='push'>
      <View className='push__top'>
        <Text className='push__title'>{push.templateTitle ?? S.unknownTemplate(push.templateId)}</Text>
        <Text className='push__time'>{push.at ? chinaDateTime(push.at) : S.unknownTime}</Text>
      </View>
      <Text className='push__meta'>{S.line(S.recipient, push.openid)}</Text>
      <View className='push__fields'>
        {push.fields.map(([key, value]) => (
          <Text key={key} className='push__field'>{`${key}: ${value}`}</Text>
        ))}
      </View>
      {push.page ? <Text className='push__meta'>{S.line(S.page, push.page)}</Text> : null}
    </View>
  )
}

/**
 * 微信推送记录（本地模拟）: pages/dev/pushes/index, local builds only. The subscribe messages the
 * functions sent to the local WeChat API stand-in (GET <stand-in>/__control/messages), newest first.
 */
export default function DevPushesPage() {
  usePageTitle()
  const load = useCallback(() => listStandInPushes(), [])
  const { remote, reload } = useRemote(load, WECHAT_STANDIN)

  usePullDownRefresh(() => {
    reload()
    void Taro.stopPullDownRefresh()
  })

  const renderList = () => {
    if (!WECHAT_STANDIN) return <StatusView kind='empty' compact title={S.notConfigured} description={S.notConfiguredHint} />
    if (remote.status === 'loading') return <StatusView kind='loading' compact title={S.loading} />
    if (remote.status === 'error') {
      return <StatusView kind='error' compact title={remote.error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
    }
    if (!remote.data.length) {
      return <StatusView kind='empty' compact title={S.empty} description={S.emptyHint} actionText={S.refresh} actionLabel={S.refreshLabel} onAction={reload} />
    }
    return (
      <View className='pushes__list' role='list'>
        {remote.data.map((push) => (
          <View key={push.id} className='pushes__row' role='listitem'>
            <PushCard push={push} />
          </View>
        ))}
      </View>
    )
  }

  return (
    <View className='pushes'>
      <View className='pushes__header'>
        <View className='pushes__heading'>
          <View className='pushes__title' role='heading' aria-level={1}>
            {S.title}
          </View>
          {WECHAT_STANDIN ? (
            <ActionButton variant='secondary' size='sm' label={S.refreshLabel} onTap={reload}>
              {S.refresh}
            </ActionButton>
          ) : null}
        </View>
        <Text className='pushes__text'>{S.text}</Text>
        {remote.status === 'ready' && remote.data.length ? <Text className='pushes__count'>{S.count(remote.data.length)}</Text> : null}
      </View>
      {renderList()}
    </View>
  )
}
