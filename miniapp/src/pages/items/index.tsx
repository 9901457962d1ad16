import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { ActionButton } from '@/components/action-button'
import { FilterChips, type ChipOption } from '@/components/filter-chips'
import { SearchBar } from '@/components/search-bar'
import { StatusView } from '@/components/status-view'
import { ItemList } from '@/features/catalog/item-list'
import { ITEM_TYPES, PROVINCE, THEMES } from '@/features/catalog/reference'
import { useItemPages } from '@/features/catalog/use-item-pages'
import { RegionSwitcher } from '@/features/region/region-switcher'
import { useInfiniteScroll } from '@/hooks/use-infinite-scroll'
import { appStore, EMPTY_FILTERS, useAppState } from '@/store/app-store'
import { ITEMS_STRINGS as S } from './strings'
import './index.scss'

const PAGE_SIZE = 10
const LIST_END_ID = 'items-list-end'

const TYPE_OPTIONS: ChipOption[] = [{ value: null, label: S.allTypes }, ...ITEM_TYPES.map((t) => ({ value: t.code, label: t.name }))]
const THEME_OPTIONS: ChipOption[] = [{ value: null, label: S.allThemes }, ...THEMES.map((t) => ({ value: t.code, label: t.name }))]

/** The 办事 tab: every item of the chosen region, filtered and searched, with infinite scroll. */
export default function ItemsPage() {
  const region = useAppState((state) => state.region)
  const filters = useAppState((state) => state.filters)
  const { pages, loadMore, reload } = useItemPages({
    region: region.code,
    keyword: filters.keyword || undefined,
    type: filters.type,
    theme: filters.theme,
    limit: PAGE_SIZE,
  })

  useInfiniteScroll(LIST_END_ID, loadMore, pages.status === 'ready' && pages.hasMore)

  // A region the API does not know (e.g. a stale stored choice) falls back to the province.
  useEffect(() => {
    if (pages.status === 'error' && pages.error?.code === 'CATALOG_REGION_NOT_FOUND' && region.code !== PROVINCE.code) {
      appStore.setRegion({ ...PROVINCE })
      void Taro.showToast({ title: S.regionReset, icon: 'none' })
    }
  }, [pages.status, pages.error, region.code])

  const filtered = Boolean(filters.keyword || filters.type || filters.theme)
  const heading = filters.keyword ? S.resultFor(filters.keyword) : S.regionItems(region.name)

  const renderResults = () => {
    if (pages.status === 'loading') return <StatusView kind='loading' title={S.loading} />
    if (pages.status === 'error') {
      return <StatusView kind='error' title={pages.error?.message ?? ''} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
    }
    if (pages.items.length === 0) {
      return (
        <StatusView
          kind='empty'
          title={S.empty}
          description={S.emptyHint}
          actionText={filtered ? S.clearFilters : undefined}
          onAction={filtered ? () => appStore.setFilters(EMPTY_FILTERS) : undefined}
        />
      )
    }
    return (
      <>
        <ItemList items={pages.items} />
        <View className='items__footer' id={LIST_END_ID} aria-live='polite'>
          {pages.status === 'loading-more' ? <Text className='items__footer-text'>{S.loadingMore}</Text> : null}
          {pages.status === 'more-error' ? (
            <View className='items__footer-error' role='alert'>
              <Text className='items__footer-text'>{pages.error?.message ?? S.moreFailed}</Text>
              <ActionButton variant='secondary' size='sm' label={S.retryMoreLabel} onTap={loadMore}>
                {S.retry}
              </ActionButton>
            </View>
          ) : null}
          {pages.status === 'ready' && pages.hasMore ? (
            <ActionButton variant='text' onTap={loadMore}>
              {S.loadMore}
            </ActionButton>
          ) : null}
          {pages.status === 'ready' && !pages.hasMore ? <Text className='items__footer-text items__footer-text--end'>{S.noMore}</Text> : null}
        </View>
      </>
    )
  }

  return (
    <View className='items'>
      <View className='items__filters'>
        <SearchBar
          value={filters.keyword}
          placeholder={S.searchPlaceholder}
          label={S.searchLabel}
          submitText={S.searchSubmit}
          clearLabel={S.searchClear}
          onSearch={(keyword) => appStore.setFilters({ keyword })}
          onClear={() => appStore.setFilters({ keyword: '' })}
        />
        <View className='items__toolbar'>
          <RegionSwitcher />
          {filtered ? (
            <ActionButton variant='text' size='sm' label={S.clearFiltersLabel} onTap={() => appStore.setFilters(EMPTY_FILTERS)}>
              {S.clearFilters}
            </ActionButton>
          ) : null}
        </View>
        <FilterChips label={S.typeFilter} options={TYPE_OPTIONS} value={filters.type} onChange={(type) => appStore.setFilters({ type })} />
        <FilterChips label={S.themeFilter} options={THEME_OPTIONS} value={filters.theme} onChange={(theme) => appStore.setFilters({ theme })} />
      </View>
      <View className='items__results'>
        <View className='items__heading' role='heading' aria-level={1}>
          <Text>{heading}</Text>
        </View>
        {renderResults()}
      </View>
    </View>
  )
}
