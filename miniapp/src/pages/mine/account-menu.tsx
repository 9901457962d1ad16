import { Text, View } from '@tarojs/components'
import { MINE_STRINGS as S } from './strings'

export interface MenuEntry {
  key: string
  name: string
  /** A count or state after the name, e.g. "3条未读". */
  badge?: string
  onTap: () => void
}

/** The account's pages as a list of large rows (消息, 消息订阅, 工作人员绑定, 人员管理…). */
export function AccountMenu({ entries, label }: { entries: MenuEntry[]; label: string }) {
  if (!entries.length) return null
  return (
    <View className='mine__list' role='list' aria-label={label}>
      {entries.map((entry, index) => (
        <View key={entry.key} role='listitem'>
          <View
            className={`mine__row mine__row--link${index === entries.length - 1 ? ' mine__row--last' : ''}`}
            role='link'
            aria-role='link'
            aria-label={entry.badge ? S.nameAndBadge(entry.name, entry.badge) : entry.name}
            hoverClass='mine__row--pressed'
            onClick={entry.onTap}
          >
            <Text className='mine__row-name'>{entry.name}</Text>
            <View className='mine__row-end' aria-hidden='true'>
              {entry.badge ? <Text className='mine__row-badge'>{entry.badge}</Text> : null}
              <Text className='mine__row-chevron'>›</Text>
            </View>
          </View>
        </View>
      ))}
    </View>
  )
}
