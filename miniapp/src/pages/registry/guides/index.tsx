import type { RegisteredTourGuide } from '@ah-tourism/shared'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { listGuides } from '@/features/registry/api'
import { GuideCard } from '@/features/registry/registry-cards'
import { RegistryHeader } from '@/features/registry/registry-header'
import { RegistryResults } from '@/features/registry/registry-results'
import { initialCity } from '@/features/registry/routes'
import { searchOf } from '@/features/registry/search'
import { REGISTRY_STRINGS as S } from '@/features/registry/strings'
import { useRegistryPages } from '@/features/registry/use-registry-pages'
import { useInfiniteScroll } from '@/hooks/use-infinite-scroll'
import { useAppState, type RegionChoice } from '@/store/app-store'
import { usePageTitle } from '@/i18n/page-title'

const PAGE_SIZE = 15
const LIST_END_ID = 'registry-guides-end'

/**
 * 导游名录: pages/registry/guides/index, no sign-in. A city's guides (those working for its agencies),
 * names masked by the API; searched by surname, full name, employer or the 导游证 number.
 */
export default function GuidesPage() {
  usePageTitle()
  const appRegion = useAppState((state) => state.region)
  const { params } = useRouter()
  const [city, setCity] = useState<RegionChoice>(() => initialCity(params, appRegion))
  const [search, setSearch] = useState('')
  const query = searchOf(search)
  const { pages, loadMore, reload } = useRegistryPages<RegisteredTourGuide>(listGuides, { region: city.code, ...query, limit: PAGE_SIZE })
  useInfiniteScroll(LIST_END_ID, loadMore, pages.status === 'ready' && pages.hasMore)
  const heading = query.number ? S.searchingNumber(query.number) : query.keyword ? S.searchingKeyword(query.keyword) : S.allIn(city.name)

  return (
    <View className='registry-page'>
      <RegistryHeader kind='guides' city={city} onCity={setCity} search={search} onSearch={setSearch} />
      <RegistryResults
        pages={pages}
        heading={heading}
        searching={Boolean(search)}
        emptyHint={S.emptyGuideHint}
        listEndId={LIST_END_ID}
        itemKey={(guide) => guide.number}
        renderItem={(guide) => <GuideCard guide={guide} />}
        onMore={loadMore}
        onReload={reload}
        onClearSearch={() => setSearch('')}
      />
      <Text className='registry-detail__note'>{S.guideNote}</Text>
    </View>
  )
}
