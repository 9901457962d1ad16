import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { FilterChips, type ChipOption } from '@/components/filter-chips'
import { StatusView } from '@/components/status-view'
import { getFacets, searchCatalog } from '@/features/catalog/api'
import { ItemList } from '@/features/catalog/item-list'
import { ITEM_TYPES, PROVINCE, THEMES } from '@/features/catalog/reference'
import { useItemPages } from '@/features/catalog/use-item-pages'
import { RegionSwitcher } from '@/features/region/region-switcher'
import { useRegions } from '@/features/region/use-regions'
import { hotSearches } from '@/features/search/hot'
import { SearchBox } from '@/features/search/search-box'
import { SearchResults } from '@/features/search/search-results'
import { useInfiniteScroll } from '@/hooks/use-infinite-scroll'
import { useRemote } from '@/hooks/use-remote'
import { appStore, EMPTY_FILTERS, useAppState } from '@/store/app-store'
import { ITEMS_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import './index.scss'

const PAGE_SIZE = 10
const LIST_END_ID = 'items-list-end'

/** Only the chips that lead somewhere: the codes present (until they are known, every chip). */
const typeOptions = (present: Set<string> | null): ChipOption[] => [
  { value: null, label: S.allTypes },
  ...ITEM_TYPES.filter((t) => !present || present.has(t.code)).map((t) => ({ value: t.code, label: t.name })),
]
const themeOptions = (present: Set<string> | null): ChipOption[] => [
  { value: null, label: S.allThemes },
  ...THEMES.filter((t) => !present || present.has(t.code)).map((t) => ({ value: t.code, label: t.name })),
]

/** The 办事 tab: every item of the chosen region, filtered and searched, with infinite scroll. */
export default function ItemsPage() {
  usePageTitle()
  const region = useAppState((state) => state.region)
  const filters = useAppState((state) => state.filters)
  const searching = Boolean(filters.keyword)
  // A keyword searches across levels (the province and every city); without one, the region's list.
  const { pages, loadMore, reload } = useItemPages({
    region: region.code,
    type: filters.type,
    theme: filters.theme,
    limit: PAGE_SIZE,
  })

  useInfiniteScroll(LIST_END_ID, loadMore, !searching && pages.status === 'ready' && pages.hasMore)

  const loadSearch = useCallback(() => (filters.keyword ? searchCatalog(filters.keyword, region.code) : Promise.resolve(null)), [filters.keyword, region.code])
  const { remote: found, reload: searchAgain } = useRemote(loadSearch, searching ? `${filters.keyword}|${region.code}` : '')
  const loadFacets = useCallback(() => getFacets(region.code), [region.code])
  const { remote: facets } = useRemote(loadFacets, region.code)
  const { state: regions } = useRegions(searching)
  const [hot, setHot] = useState<string[]>([])
  useEffect(() => {
    if (searching) void hotSearches().then(setHot)
  }, [searching])

  // The chips: in a search, the types and themes of what was found; otherwise those the region has.
  const present = useMemo(() => {
    if (searching) {
      if (found.status !== 'ready' || !found.data) return { types: null, themes: null }
      return { types: new Set(found.data.groups.map((g) => g.itemType)), themes: new Set(found.data.groups.flatMap((g) => g.themes)) }
    }
    if (facets.status !== 'ready') return { types: null, themes: null }
    return { types: new Set(facets.data.types.map((f) => f.code)), themes: new Set(facets.data.themes.map((f) => f.code)) }
  }, [searching, found, facets])

  // A chosen chip that no longer leads anywhere (another region, another search) is let go.
  useEffect(() => {
    if (filters.type && present.types && !present.types.has(filters.type)) appStore.setFilters({ type: null })
    if (filters.theme && present.themes && !present.themes.has(filters.theme)) appStore.setFilters({ theme: null })
  }, [present, filters.type, filters.theme])

  // A region the API does not know (e.g. a stale stored choice) falls back to the province.
  useEffect(() => {
    if (pages.status === 'error' && pages.error?.code === 'CATALOG_REGION_NOT_FOUND' && region.code !== PROVINCE.code) {
      appStore.setRegion({ ...PROVINCE })
      void Taro.showToast({ title: S.regionReset, icon: 'none' })
    }
  }, [pages.status, pages.error, region.code])

  const filtered = Boolean(filters.keyword || filters.type || filters.theme)
  const heading = filters.keyword ? S.resultFor(filters.keyword) : S.regionItems(region.name)

  const renderSearch = () => {
    if (found.status === 'loading' || (found.status === 'ready' && !found.data)) return <StatusView kind='loading' title={S.searching} />
    if (found.status === 'error') {
      return <StatusView kind='error' title={found.error.message} actionText={S.retry} actionLabel={S.retrySearchLabel} onAction={searchAgain} />
    }
    if (!found.data) return null
    const groups = found.data.groups.filter((g) => (!filters.type || g.itemType === filters.type) && (!filters.theme || g.themes.includes(filters.theme)))
    return (
      <SearchResults
        result={found.data}
        groups={groups}
        region={region}
        regions={regions.status === 'ready' ? regions.regions : []}
        hot={hot}
        filtered={Boolean(filters.type || filters.theme)}
        onSearch={(keyword) => appStore.setFilters({ keyword })}
        onClearFilters={() => appStore.setFilters({ type: null, theme: null })}
      />
    )
  }

  const renderResults = () => {
    if (searching) return renderSearch()
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
        <SearchBox
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
        <FilterChips label={S.typeFilter} options={typeOptions(present.types)} value={filters.type} onChange={(type) => appStore.setFilters({ type })} />
        <FilterChips label={S.themeFilter} options={themeOptions(present.themes)} value={filters.theme} onChange={(theme) => appStore.setFilters({ theme })} />
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
