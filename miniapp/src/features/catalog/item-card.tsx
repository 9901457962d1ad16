import type { ItemSummary } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { CATALOG_STRINGS, onlineDepthName, visitsText, workingDaysText } from './labels'
import { itemTypeName } from './reference'
import { openGuide } from './routes'
import './item-card.scss'

/** One item in a list: enough to choose it; a tap opens its service guide. */
export function ItemCard({ item }: { item: ItemSummary }) {
  const zeroVisit = item.visitsRequired === 0
  return (
    <View className='item-card' role='link' aria-role='link' hoverClass='item-card--pressed' onClick={() => openGuide(item.implementationCode)}>
      <View className='item-card__main'>
        <Text className='item-card__name'>{item.name}</Text>
        <Text className='item-card__organisation'>{item.organisationName}</Text>
        <View className='item-card__tags'>
          <Text className='item-card__tag'>{itemTypeName(item.itemType)}</Text>
          <Text className={`item-card__tag${item.onlineDepth === 4 ? ' item-card__tag--good' : ''}`}>{onlineDepthName(item.onlineDepth)}</Text>
          <Text className={`item-card__tag ${zeroVisit ? 'item-card__tag--good' : 'item-card__tag--warn'}`}>{visitsText(item.visitsRequired)}</Text>
          <Text className='item-card__tag'>{CATALOG_STRINGS.promised(workingDaysText(item.promisedWorkingDays))}</Text>
        </View>
      </View>
      <Text className='item-card__chevron' aria-hidden='true'>›</Text>
    </View>
  )
}
