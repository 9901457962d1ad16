import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useRef } from 'react'
import { ActionButton } from '@/components/action-button'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { openItemsTab } from '@/features/catalog/routes'
import { listMyLicences } from '@/features/licences/api'
import { LICENCES_PAGE, licenceUrl, openVerify } from '@/features/licences/routes'
import { useRemote } from '@/hooks/use-remote'
import { LicenceCard } from './licence-card'
import { LICENCES_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import './index.scss'

/**
 * 我的证照: pages/licences/index — the electronic licences of the signed-in user (and of the
 * enterprises they applied for), each a card with type, number, holder, validity and state; a tap
 * opens the licence with its QR code.
 */
export default function LicencesPage() {
  usePageTitle()
  const user = useSignedIn(LICENCES_PAGE)
  const userId = user?.userId ?? ''
  const { remote, reload } = useRemote(() => (userId ? listMyLicences() : Promise.resolve([])), `licences:${userId}`)
  const shown = useRef(false)

  // Back from a licence (or from signing in again): the states may have changed.
  useDidShow(() => {
    if (!shown.current) {
      shown.current = true
      return
    }
    if (userId) reload()
  })

  usePullDownRefresh(() => {
    reload()
    void Taro.stopPullDownRefresh()
  })

  if (!user) return <SignInRequired returnUrl={LICENCES_PAGE} />
  if (remote.status === 'loading') return <StatusView kind='loading' title={S.loading} />
  if (remote.status === 'error') return <StatusView kind='error' title={remote.error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />

  const licences = remote.data
  return (
    <View className='licences'>
      <View className='licences__header'>
        <View className='licences__title' role='heading' aria-level={1}>
          {S.title}
        </View>
        <Text className='licences__intro'>{S.intro}</Text>
      </View>
      {licences.length ? (
        <View className='licences__list' role='list'>
          {licences.map((item) => (
            <View key={item.licence.licenceId} role='listitem'>
              <LicenceCard item={item} onOpen={() => void Taro.navigateTo({ url: licenceUrl(item.licence.licenceId) })} />
            </View>
          ))}
        </View>
      ) : (
        <StatusView kind='empty' title={S.empty} description={S.emptyHint} actionText={S.toItems} onAction={openItemsTab} />
      )}
      <View className='licences__end'>
        <ActionButton block variant='secondary' onTap={openVerify}>
          {S.verify}
        </ActionButton>
      </View>
    </View>
  )
}
