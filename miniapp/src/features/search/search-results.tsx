import type { Region } from '@ah-tourism/shared'
import type { SearchGroup, SearchResponse } from '@ah-tourism/shared/src/search/api'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { PhoneLink } from '@/components/phone-link'
import { StatusView } from '@/components/status-view'
import { ItemCard } from '@/features/catalog/item-card'
import { PROVINCE } from '@/features/catalog/reference'
import { openGuide } from '@/features/catalog/routes'
import { SEARCH_STRINGS as S } from './strings'
import './search-results.scss'

export interface SearchResultsProps {
  result: SearchResponse
  /** The groups left after the type and theme chips (the answer itself is across all types). */
  groups: SearchGroup[]
  region: { code: string; name: string }
  regions: Region[]
  hot: string[]
  filtered: boolean
  onSearch: (text: string) => void
  onClearFilters: () => void
}

const regionName = (regions: Region[], code: string) => regions.find((r) => r.code === code)?.name ?? code

/** One item across levels: where the person is (and the province) as full cards, the other regions as links. */
function Group({ group, region, regions }: { group: SearchGroup; region: { code: string; name: string }; regions: Region[] }) {
  const [expanded, setExpanded] = useState(false)
  const near = group.implementations.filter((s) => s.regionCode === region.code || s.regionCode === PROVINCE.code)
  const others = group.implementations.filter((s) => !near.includes(s))
  const showOthers = near.length === 0 || expanded
  const levels = group.levels.map((level) => S.levels[level] ?? level).join(S.listSeparator)
  return (
    <View className='search-group' role='listitem'>
      <View className='search-group__head'>
        <View className='search-group__name' role='heading' aria-level={2}>{group.name}</View>
        <View className='search-group__levels' aria-label={S.handledBy(levels)}>
          {group.levels.map((level) => (
            <Text key={level} className={`search-group__level search-group__level--${level}`} aria-hidden='true'>
              {S.levels[level] ?? level}
            </Text>
          ))}
        </View>
      </View>
      {near.length === 0 ? (
        <Text className='search-group__note'>{region.code === PROVINCE.code ? S.cityOnly : S.notInRegion(region.name)}</Text>
      ) : (
        near.map((summary) => <ItemCard key={summary.implementationCode} item={summary} />)
      )}
      {others.length > 0 && near.length > 0 ? (
        <ActionButton variant='text' size='sm' label={expanded ? S.hideOtherRegions : S.otherRegionsLabel(group.name, others.length)} onTap={() => setExpanded(!expanded)}>
          {expanded ? S.hideOtherRegions : S.otherRegions(others.length)}
        </ActionButton>
      ) : null}
      {showOthers && others.length > 0 ? (
        <View className='search-group__regions' role='list'>
          {others.map((summary) => {
            const name = regionName(regions, summary.regionCode)
            return (
              <View
                key={summary.implementationCode}
                className='search-group__region'
                role='link'
                aria-role='link'
                aria-label={S.regionLink(group.name, name)}
                hoverClass='search-group__region--pressed'
                onClick={() => openGuide(summary.implementationCode)}
              >
                {name}
              </View>
            )
          })}
        </View>
      ) : null}
    </View>
  )
}

/** The answer of a search across levels, or what to do when nothing matched. */
export function SearchResults({ result, groups, region, regions, hot, filtered, onSearch, onClearFilters }: SearchResultsProps) {
  if (groups.length === 0) {
    return (
      <View className='search-results search-results--empty'>
        <StatusView
          kind='empty'
          title={filtered && result.groups.length > 0 ? S.emptyFiltered : S.empty(result.query)}
          description={S.emptyHint}
          actionText={filtered ? S.clearFilters : undefined}
          onAction={filtered ? onClearFilters : undefined}
        />
        {hot.length > 0 ? (
          <View className='search-results__hot' role='group' aria-label={S.hotTitle}>
            <Text className='search-results__hot-title' aria-hidden='true'>{S.hotTitle}</Text>
            {hot.map((text) => (
              <ActionButton key={text} variant='secondary' size='sm' label={S.hotLabel(text)} onTap={() => onSearch(text)}>
                {text}
              </ActionButton>
            ))}
          </View>
        ) : null}
        <View className='search-results__help'>
          <Text className='search-results__help-title'>{S.ask}</Text>
          <View className='search-results__phones'>
            <Text className='search-results__phone-text'>{S.hotline12345}</Text>
            <PhoneLink phone='12345' purpose={S.hotline12345} />
            <Text className='search-results__phone-text'>{S.hotline12301}</Text>
            <PhoneLink phone='12301' purpose={S.hotline12301} />
          </View>
        </View>
      </View>
    )
  }
  return (
    <View className='search-results'>
      {result.understoodAs.length > 0 ? <Text className='search-results__understood'>{S.understood(result.understoodAs.slice(0, 3).join(S.listSeparator))}</Text> : null}
      <View role='list'>
        {groups.map((group) => (
          <Group key={group.basicCode} group={group} region={region} regions={regions} />
        ))}
      </View>
    </View>
  )
}
