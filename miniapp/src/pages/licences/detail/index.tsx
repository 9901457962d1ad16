import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { backOr, readParam } from '@/features/cases/routes'
import { listMyLicences } from '@/features/licences/api'
import { LicenceContent, LicenceHistory, StatusBadge } from '@/features/licences/licence-view'
import { QrCode } from '@/features/licences/qr-code'
import { LICENCES_PAGE, licenceUrl } from '@/features/licences/routes'
import { LICENCE_STRINGS as L, STATUS_TONES } from '@/features/licences/strings'
import { WhyUnusable } from '@/features/licences/why-unusable'
import { useRemote } from '@/hooks/use-remote'
import { PresentView } from './present-view'
import { DETAIL_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/features/licences/licence-view.scss'
import './index.scss'

const toLicences = () => backOr(LICENCES_PAGE)

/**
 * 电子证照: pages/licences/detail/index?licenceId=<证照标识> (also where a 证照变更 message leads) — one
 * of the user's licences in full: why it cannot be used (if so) first, its QR code with 出示 (full
 * screen), what it says, and the history of its changes.
 */
export default function LicenceDetailPage() {
  usePageTitle()
  const { params } = useRouter()
  const licenceId = readParam(params.licenceId)
  const user = useSignedIn(licenceUrl(licenceId))
  const userId = user?.userId ?? ''
  const load = useCallback(async () => (userId ? ((await listMyLicences()).find((item) => item.licence.licenceId === licenceId) ?? null) : null), [userId, licenceId])
  const { remote, reload } = useRemote(load, `${userId}:${licenceId}`)
  const [presenting, setPresenting] = useState(false)

  if (!licenceId) return <StatusView kind='error' title={S.missingId} actionText={S.toLicences} onAction={toLicences} />
  if (!user) return <SignInRequired returnUrl={licenceUrl(licenceId)} />
  if (remote.status === 'loading') return <StatusView kind='loading' title={S.loading} />
  if (remote.status === 'error') return <StatusView kind='error' title={remote.error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
  const item = remote.data
  if (!item) return <StatusView kind='empty' title={S.notFound} description={S.notFoundHint} actionText={S.toLicences} onAction={toLicences} />

  const { licence } = item
  if (presenting) return <PresentView item={item} onExit={() => setPresenting(false)} />
  const tone = item.usable ? 'good' : item.status === 'valid' ? 'warn' : STATUS_TONES[item.status]
  return (
    <View className='licence-page'>
      <View className='licence-page__header'>
        <View className='licence-page__top'>
          <View className='licence-page__title' role='heading' aria-level={1}>
            {licence.typeName}
          </View>
          <StatusBadge label={item.statusLabel} tone={tone} />
        </View>
        <Text className='licence-page__number' userSelect>
          {licence.number}
        </Text>
      </View>

      <WhyUnusable item={item} />

      <Section title={S.qrTitle}>
        <QrCode value={item.token} label={L.qrLabel(licence.typeName, licence.number)} />
        <Text className='licence-page__note'>{S.qrNote}</Text>
        <ActionButton block label={S.presentLabel} onTap={() => setPresenting(true)}>
          {S.present}
        </ActionButton>
      </Section>

      <Section title={S.content}>
        <LicenceContent licence={licence} />
        {licence.holder.kind === 'person' ? <Text className='case-note'>{L.holderMasked}</Text> : null}
      </Section>

      <LicenceHistory history={item.history} />
    </View>
  )
}
