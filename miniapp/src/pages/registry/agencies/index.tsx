import type { RegisteredTravelAgency } from '@ah-tourism/shared'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { listAgencies } from '@/features/registry/api'
import { AgencyCard } from '@/features/registry/registry-cards'
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
const LIST_END_ID = 'registry-agencies-end'

/**
 * 旅行社名录: pages/registry/agencies/index, no sign-in. One city at a time (starting from the app's
 * region), searched by a name fragment or the licence number; 加载更多 and scrolling follow the cursor.
 */
export default function AgenciesPage() {
  usePageTitle()
  const appRegion = useAppState((state) => state.region)
  const { params } = useRouter()
  const [city, setCity] = useState<RegionChoice>(() => initialCity(params, appRegion))
  const [search, setSearch] = useState('')
  const query = searchOf(search)
  const { pages, loadMore, reload } = useRegistryPages<RegisteredTravelAgency>(listAgencies, { region: city.code, ...query, limit: PAGE_SIZE })
  useInfiniteScroll(LIST_END_ID, loadMore, pages.status === 'ready' && pages.hasMore)
  const heading = query.number ? S.searchingNumber(query.number) : query.keyword ? S.searchingKeyword(query.keyword) : S.allIn(city.name)

  return (
    <View className='registry-page'>
      <RegistryHeader kind='agencies' city={city} onCity={setCity} search={search} onSearch={setSearch} />
      <RegistryResults
        pages={pages}
        heading={heading}
        searching={Boolean(search)}
        emptyHint={S.emptyAgencyHint}
        listEndId={LIST_END_ID}
        itemKey={(agency) => agency.number}
        renderItem={(agency) => <AgencyCard agency={agency} />}
        onMore={loadMore}
        onReload={reload}
        onClearSearch={() => setSearch('')}
      />
    </View>
  )
}
