import Taro from '@tarojs/taro'
import type { MyLicence } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { StatusBadge } from '@/features/licences/licence-view'
import { QrCode } from '@/features/licences/qr-code'
import { LICENCE_STRINGS as L } from '@/features/licences/strings'
import { IS_WEAPP } from '@/services/config'
import { DETAIL_STRINGS as S } from './strings'

const clock = (now: Date) => [now.getHours(), now.getMinutes(), now.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':')

/** On the phone, the screen at full brightness and kept on while the code is shown; restored after. */
function useBrightScreen(): void {
  useEffect(() => {
    if (!IS_WEAPP) return undefined
    let previous: number | null = null
    Taro.getScreenBrightness()
      .then(({ value }) => {
        previous = value
        return Taro.setScreenBrightness({ value: 1 })
      })
      .catch(() => undefined)
    Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined)
    return () => {
      if (previous !== null) Taro.setScreenBrightness({ value: previous }).catch(() => undefined)
      Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined)
    }
  }, [])
}

/**
 * 出示: the licence's QR code as large as the screen allows over everything else, with who holds it,
 * its number, its state, and a running clock (a screenshot shows a stale time).
 */
export function PresentView({ item, onExit }: { item: MyLicence; onExit: () => void }) {
  const [now, setNow] = useState(() => new Date())
  useBrightScreen()
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000)
    return () => clearInterval(timer)
  }, [])
  const { licence } = item
  return (
    <View className='licence-present' role='dialog' aria-modal='true' aria-label={S.presentTitle}>
      <View className='licence-present__head'>
        <View className='licence-present__type' role='heading' aria-level={1}>
          {licence.typeName}
        </View>
        <StatusBadge label={item.statusLabel} tone={item.usable ? 'good' : 'danger'} />
      </View>
      <Text className='licence-present__holder'>{licence.holder.name}</Text>
      <Text className='licence-present__number'>{licence.number}</Text>
      <QrCode value={item.token} label={L.qrLabel(licence.typeName, licence.number)} large />
      <Text className='licence-present__time' aria-live='off'>
        {S.presentTime(clock(now))}
      </Text>
      <Text className='licence-present__hint'>{item.usable ? S.presentHint : L.unusable[item.status === 'valid' ? 'expired' : item.status]}</Text>
      <ActionButton block onTap={onExit}>
        {S.presentExit}
      </ActionButton>
    </View>
  )
}
