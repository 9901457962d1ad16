import { Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import { ActionButton } from '@/components/action-button'
import { PhoneLink } from '@/components/phone-link'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { PROVINCE } from '@/features/catalog/reference'
import { openItemsTab } from '@/features/catalog/routes'
import { listCases } from '@/features/cases/api'
import { CaseCard } from '@/features/cases/case-card'
import { MINE_TAB, openMineTab } from '@/features/cases/routes'
import { COMPLAINT_PAGE, openPublicProgress, openSignedIn } from '@/features/feedback/routes'
import { LICENCES_PAGE } from '@/features/licences/routes'
import { RegionSwitcher } from '@/features/region/region-switcher'
import { SearchBox } from '@/features/search/search-box'
import { useRemote } from '@/hooks/use-remote'
import { useSessionUser } from '@/hooks/use-session'
import { openLogin } from '@/services/login-route'
import { appStore, useAppState } from '@/store/app-store'
import { ElderToggle } from './elder-switch'
import { setElderMode } from './store'
import { PREFERENCES_STRINGS as S } from './strings'
import './preferences.scss'

/** The latest cases shown on the simple home; the rest are on 我的. */
const CASES_SHOWN = 3

interface Tile {
  key: string
  name: string
  text: string
  glyph: string
  open: () => void
}

const search = (keyword: string) => {
  appStore.startSearch({ keyword })
  openItemsTab()
}

// What the two licence tiles search for: the items' Chinese names, which the catalogue search matches in either language.
const GUIDE_KEYWORD = '导游证' // i18n-exempt: a search query matched against item names, not text shown
const AGENCY_KEYWORD = '旅行社' // i18n-exempt: a search query matched against item names, not text shown

/** The few services most people come for, in plain words, as big tiles. */

const TILES: Tile[] = [
  { key: 'progress', name: S.progress, text: S.progressText, glyph: S.glyphs.progress, open: openPublicProgress },
  { key: 'complaint', name: S.complaint, text: S.complaintText, glyph: S.glyphs.complaint, open: () => openSignedIn(COMPLAINT_PAGE) },
  { key: 'guide', name: S.guideLicence, text: S.guideLicenceText, glyph: S.glyphs.guide, open: () => search(GUIDE_KEYWORD) },
  { key: 'agency', name: S.agencyLicence, text: S.agencyLicenceText, glyph: S.glyphs.agency, open: () => search(AGENCY_KEYWORD) },
  { key: 'licences', name: S.licences, text: S.licencesText, glyph: S.glyphs.licences, open: () => openSignedIn(LICENCES_PAGE) },
]

/** 我的办件 on the simple home: the latest few signed in, a way to sign in otherwise. */
function ElderCases() {
  const user = useSessionUser()
  const userId = user?.userId ?? ''
  const load = useCallback(() => (userId ? listCases({ limit: CASES_SHOWN }) : Promise.resolve({ cases: [], nextCursor: null })), [userId])
  const { remote, reload } = useRemote(load, userId)

  const body = () => {
    if (!user) {
      return <StatusView kind='empty' compact title={S.signInPrompt} actionText={S.signIn} actionLabel={S.signInLabel} onAction={() => openLogin(MINE_TAB)} />
    }
    if (remote.status === 'loading') return <StatusView kind='loading' compact title={S.casesLoading} />
    if (remote.status === 'error') {
      return <StatusView kind='error' compact title={remote.error.message} actionText={S.casesRetry} actionLabel={S.casesRetryLabel} onAction={reload} />
    }
    if (!remote.data.cases.length) return <StatusView kind='empty' compact title={S.casesEmpty} description={S.casesEmptyHint} />
    return (
      <View className='elder-home__cases' role='list'>
        {remote.data.cases.map((summary) => (
          <View key={summary.caseNumber} role='listitem'>
            <CaseCard summary={summary} />
          </View>
        ))}
      </View>
    )
  }

  return (
    <Section
      title={S.casesTitle}
      extra={
        user ? (
          <ActionButton variant='text' onTap={openMineTab}>
            {S.casesAll} ›
          </ActionButton>
        ) : undefined
      }
    >
      {body()}
    </Section>
  )
}

/**
 * 长辈版 home: large type, the region and a search, the most used services as big tiles, 我的办件, and
 * the hotline; none of the dense sections (一件事, pledges, categories, frequent items) of the standard home.
 */
export function ElderHome() {
  const region = useAppState((state) => state.region)
  return (
    <View className='elder-home'>
      <View className='elder-home__hero'>
        <View className='elder-home__hero-top'>
          <View className='elder-home__title' role='heading' aria-level={1}>
            {S.appName}
          </View>
          <ElderToggle />
          <RegionSwitcher tone='light' />
        </View>
        <Text className='elder-home__subtitle'>{region.code === PROVINCE.code ? S.elderSubtitle : S.elderCitySubtitle(region.name)}</Text>
        <SearchBox
          tone='light'
          value=''
          placeholder={S.searchPlaceholder}
          label={S.searchLabel}
          submitText={S.searchSubmit}
          clearLabel={S.searchClear}
          onSearch={search}
        />
      </View>

      <Section title={S.servicesTitle}>
        <View className='elder-home__tiles'>
          {TILES.map((tile) => (
            <View
              key={tile.key}
              className='elder-home__tile'
              role='link'
              aria-role='link'
              aria-label={S.tileLabel(tile.name, tile.text)}
              hoverClass='elder-home__tile--pressed'
              onClick={tile.open}
            >
              <Text className={`elder-home__glyph elder-home__glyph--${tile.key}`} aria-hidden='true'>
                {tile.glyph}
              </Text>
              <View className='elder-home__tile-text' aria-hidden='true'>
                <Text className='elder-home__tile-name'>{tile.name}</Text>
                <Text className='elder-home__tile-note'>{tile.text}</Text>
              </View>
            </View>
          ))}
        </View>
      </Section>

      <ElderCases />

      <View className='elder-home__footer'>
        <Text className='elder-home__footer-text'>{S.hotline}</Text>
        <PhoneLink phone={S.hotlineNumber} purpose={S.hotline} />
        <ActionButton block variant='secondary' label={S.backToStandardLabel} onTap={() => setElderMode(false)}>
          {S.backToStandard}
        </ActionButton>
      </View>
    </View>
  )
}
