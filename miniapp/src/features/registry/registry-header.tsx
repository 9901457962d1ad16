import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { SearchBar } from '@/components/search-bar'
import { RegionSwitcher } from '@/features/region/region-switcher'
import type { RegionChoice } from '@/store/app-store'
import { switchRegistry } from './routes'
import { REGISTRY_STRINGS as S } from './strings'
import './registry.scss'

export interface RegistryHeaderProps {
  kind: 'agencies' | 'guides'
  city: RegionChoice
  onCity: (city: RegionChoice) => void
  search: string
  onSearch: (text: string) => void
}

/** Title, what the registry is for, the city (the page's own, starting from the app's region) and the search box. */
export function RegistryHeader({ kind, city, onCity, search, onSearch }: RegistryHeaderProps) {
  const agencies = kind === 'agencies'
  const title = agencies ? S.agenciesTitle : S.guidesTitle
  return (
    <View className='registry-header'>
      <View className='registry-header__top'>
        <View className='registry-header__title' role='heading' aria-level={1}>
          {title}
        </View>
        <ActionButton variant='text' size='sm' label={agencies ? S.toGuidesLabel : S.toAgenciesLabel} onTap={() => switchRegistry(agencies ? 'guides' : 'agencies', city)}>
          {agencies ? S.toGuides : S.toAgencies} ›
        </ActionButton>
      </View>
      <Text className='registry-header__intro'>{agencies ? S.agenciesIntro : S.guidesIntro}</Text>
      <View className='registry-header__city'>
        <RegionSwitcher value={city} onChange={onCity} hint={S.cityHint} />
      </View>
      <SearchBar
        value={search}
        placeholder={agencies ? S.agencySearchPlaceholder : S.guideSearchPlaceholder}
        label={S.searchLabel(title)}
        submitText={S.searchSubmit}
        clearLabel={S.searchClear}
        onSearch={onSearch}
        onClear={() => onSearch('')}
      />
    </View>
  )
}
