import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { ActionButton } from '@/components/action-button'
import { ListFooter } from '@/components/list-footer'
import { StatusView } from '@/components/status-view'
import type { CursorPages } from '@/hooks/use-cursor-pages'
import { REGISTRY_STRINGS as S } from './strings'
import './registry.scss'

export interface RegistryResultsProps<T> {
  pages: CursorPages<T>
  heading: string
  /** The search in force, if any: offers to show the whole city again. */
  searching: boolean
  emptyHint: string
  listEndId: string
  itemKey: (item: T) => string
  renderItem: (item: T) => ReactNode
  onMore: () => void
  onReload: () => void
  onClearSearch: () => void
}

/** Loading, error (with 重试; 429 says when to try again), empty, or the list with 加载更多 at its end. */
export function RegistryResults<T>({ pages, heading, searching, emptyHint, listEndId, itemKey, renderItem, onMore, onReload, onClearSearch }: RegistryResultsProps<T>) {
  const body = () => {
    if (pages.status === 'loading') return <StatusView kind='loading' title={S.loading} />
    if (pages.status === 'error') {
      return (
        <StatusView
          kind='error'
          title={pages.error?.message ?? ''}
          description={pages.error?.status === 429 ? S.rateLimitedHint : undefined}
          actionText={S.retry}
          actionLabel={S.retryLabel}
          onAction={onReload}
        />
      )
    }
    if (pages.items.length === 0) {
      return <StatusView kind='empty' title={S.empty} description={emptyHint} actionText={searching ? S.clearSearch : undefined} actionLabel={S.clearSearchLabel} onAction={searching ? onClearSearch : undefined} />
    }
    return (
      <>
        <View role='list'>
          {pages.items.map((item, index) => (
            <View key={itemKey(item)} role='listitem' className={`registry-results__row${index === 0 ? ' registry-results__row--first' : ''}`}>
              {renderItem(item)}
            </View>
          ))}
        </View>
        <ListFooter id={listEndId} pages={pages} onMore={onMore} strings={S} />
      </>
    )
  }
  return (
    <View className='registry-results'>
      <View className='registry-results__heading' role='heading' aria-level={2}>
        <Text>{heading}</Text>
        {searching ? (
          <ActionButton variant='text' size='sm' label={S.clearSearchLabel} onTap={onClearSearch}>
            {S.clearSearch}
          </ActionButton>
        ) : null}
      </View>
      {body()}
    </View>
  )
}
