import type { MyLicence } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { StatusBadge, validityText } from '@/features/licences/licence-view'
import { STATUS_TONES } from '@/features/licences/strings'
import { LICENCES_STRINGS as S } from './strings'

/** A licence in 我的证照: type, number, holder, validity and its state; a tap opens it in full. */
export function LicenceCard({ item, onOpen }: { item: MyLicence; onOpen: () => void }) {
  const { licence } = item
  // 已过期 comes as the label of a licence that is still 有效 in the register.
  const tone = item.usable ? 'good' : item.status === 'valid' ? 'warn' : STATUS_TONES[item.status]
  return (
    <View
      className={`licence-card${item.usable ? '' : ' licence-card--unusable'}`}
      hoverClass='licence-card--pressed'
      onClick={onOpen}
    >
      <View className='licence-card__top'>
        {/* The whole card takes the tap; the link (its spoken name starts with the words shown) is the type. */}
        <Text className='licence-card__type' role='link' aria-role='link' aria-label={S.cardLabel(licence.typeName, licence.number, licence.holder.name, item.statusLabel)}>
          {licence.typeName}
        </Text>
        <StatusBadge label={item.statusLabel} tone={tone} />
      </View>
      <Text className='licence-card__number'>{licence.number}</Text>
      <Text className='licence-card__line'>{S.line(S.holder, licence.holder.name)}</Text>
      <Text className='licence-card__line'>{S.line(S.validity, validityText(licence))}</Text>
    </View>
  )
}
