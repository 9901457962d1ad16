import { Text, View } from '@tarojs/components'
import { PhoneLink } from '@/components/phone-link'
import { MINE_STRINGS as S } from './strings'
import './index.scss'

/** Placeholder: sign-in, cases and evaluations arrive in later issues. */
export default function MinePage() {
  return (
    <View className='mine'>
      <View className='mine__card'>
        <View className='mine__avatar' aria-hidden='true'>
          <Text>皖</Text>
        </View>
        <View className='mine__title' role='heading' aria-level={1}>{S.placeholderTitle}</View>
        <Text className='mine__text'>{S.placeholderText}</Text>
      </View>
      <View className='mine__list' role='list'>
        {S.upcoming.map((entry, index) => (
          <View key={entry} className={`mine__row${index === S.upcoming.length - 1 ? ' mine__row--last' : ''}`} role='listitem'>
            <Text className='mine__row-name'>{entry}</Text>
            <Text className='mine__row-tag'>{S.upcomingTag}</Text>
          </View>
        ))}
      </View>
      <View className='mine__contact'>
        <Text className='mine__contact-text'>{S.hotline}</Text>
        <PhoneLink phone={S.hotlineNumber} purpose={S.hotline} />
        <Text className='mine__department'>{S.department}</Text>
      </View>
    </View>
  )
}
