import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { declineOffer, setElderMode, useElderOffer } from './store'
import { PREFERENCES_STRINGS as S } from './strings'
import './preferences.scss'

/**
 * The first-run offer on home: "切换到长辈版？字更大、更简单", answered once (either way) and never shown
 * again on this phone. A card in the page rather than a dialog, so nothing is blocked while it waits.
 */
export function ElderOffer() {
  const offer = useElderOffer()
  if (!offer) return null
  return (
    <View className='elder-offer' role='region' aria-label={S.offerLabel}>
      <View className='elder-offer__text'>
        <Text className='elder-offer__title'>{S.offerTitle}</Text>
        <Text className='elder-offer__body'>{S.offerText}</Text>
      </View>
      <View className='elder-offer__actions'>
        <ActionButton className='elder-offer__action' onTap={() => setElderMode(true)}>
          {S.offerAccept}
        </ActionButton>
        <ActionButton className='elder-offer__action' variant='secondary' label={S.offerDeclineLabel} onTap={declineOffer}>
          {S.offerDecline}
        </ActionButton>
      </View>
      <Text className='elder-offer__note'>{S.offerLater}</Text>
    </View>
  )
}
