import type { ItemSummary } from '@ah-tourism/shared'
import { View } from '@tarojs/components'
import { ItemCard } from './item-card'
import './item-card.scss'

/** A list of item cards, exposed as a list to screen readers. */
export function ItemList({ items }: { items: ItemSummary[] }) {
  return (
    <View className='item-list' role='list'>
      {items.map((item, index) => (
        <View key={item.implementationCode} className={`item-list__row${index === 0 ? ' item-list__row--first' : ''}`} role='listitem'>
          <ItemCard item={item} />
        </View>
      ))}
    </View>
  )
}
