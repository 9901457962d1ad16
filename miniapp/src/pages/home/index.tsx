import { Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import { ActionButton } from '@/components/action-button'
import { PhoneLink } from '@/components/phone-link'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { getPublicAssessment } from '@/features/assessment/api'
import { pledgesFrom } from '@/features/assessment/report'
import { openPublicAssessment } from '@/features/assessment/routes'
import { listItems, listScenarios } from '@/features/catalog/api'
import { ItemList } from '@/features/catalog/item-list'
import { PROVINCE, THEMES } from '@/features/catalog/reference'
import { openItemsTab } from '@/features/catalog/routes'
import { MyCasesGlance } from '@/features/cases/my-cases-glance'
import { COMPLAINT_PAGE, openPublicProgress, openSignedIn } from '@/features/feedback/routes'
import { LanguageSwitch } from '@/features/language/language-switch'
import { openVerify } from '@/features/licences/routes'
import { RegionSwitcher } from '@/features/region/region-switcher'
import { ElderHome } from '@/features/preferences/elder-home'
import { ElderOffer } from '@/features/preferences/elder-offer'
import { ElderToggle } from '@/features/preferences/elder-switch'
import { useElderMode } from '@/features/preferences/store'
import { openAgencies, openGuides } from '@/features/registry/routes'
import { openScenario } from '@/features/search/routes'
import { SearchBox } from '@/features/search/search-box'
import { useRemote } from '@/hooks/use-remote'
import { appStore, useAppState } from '@/store/app-store'
import { HOME_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import './index.scss'

const FREQUENT_LIMIT = 6

const loadProvinceReport = () => getPublicAssessment({})

/** 长辈版 has a home of its own (features/preferences/elder-home.tsx); every other page only grows larger. */
export default function HomePage() {
  usePageTitle()
  return useElderMode() ? <ElderHome /> : <StandardHome />
}

function StandardHome() {
  const region = useAppState((state) => state.region)
  const loadFrequent = useCallback(() => listItems({ region: region.code, frequent: true, limit: FREQUENT_LIMIT }), [region.code])
  const { remote, reload } = useRemote(loadFrequent, region.code)
  // The pledges are the province's figures this year; until they load, or if they cannot, the plain words.
  const { remote: assessment } = useRemote(loadProvinceReport, 'province')
  const pledges = pledgesFrom(assessment.status === 'ready' ? assessment.data : null)
  const loadScenarios = useCallback(() => listScenarios(region.code), [region.code])
  const { remote: scenarios, reload: reloadScenarios } = useRemote(loadScenarios, region.code)

  const search = (keyword: string) => {
    appStore.startSearch({ keyword })
    openItemsTab()
  }

  const browseTheme = (theme: string | null) => {
    appStore.startSearch({ theme })
    openItemsTab()
  }

  const renderFrequent = () => {
    if (remote.status === 'loading') return <StatusView kind='loading' compact title={S.loading} />
    if (remote.status === 'error') {
      return <StatusView kind='error' compact title={remote.error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
    }
    if (remote.data.items.length === 0) {
      return <StatusView kind='empty' compact title={S.empty} description={S.emptyHint} actionText={S.allItems} onAction={() => browseTheme(null)} />
    }
    return <ItemList items={remote.data.items} />
  }

  return (
    <View className='home'>
      <View className='home__hero'>
        <View className='home__hero-top'>
          <View className='home__title' role='heading' aria-level={1}>{S.appName}</View>
          <View className='home__hero-actions'>
            <LanguageSwitch variant='compact' tone='light' />
            <ElderToggle />
            <RegionSwitcher tone='light' />
          </View>
        </View>
        <Text className='home__department'>{region.code === PROVINCE.code ? S.department : S.cityDepartment(region.name)}</Text>
        <SearchBox
          tone='light'
          showHot
          value=''
          placeholder={S.searchPlaceholder}
          label={S.searchLabel}
          submitText={S.searchSubmit}
          clearLabel={S.searchClear}
          onSearch={search}
        />
        <View
          className='home__pledges'
          role='link'
          aria-role='link'
          aria-label={S.pledgesLabel(pledges.map((pledge) => pledge.text).join(S.listSeparator))}
          hoverClass='home__pledges--pressed'
          onClick={openPublicAssessment}
        >
          {pledges.map((pledge) => (
            <Text key={pledge.key} className='home__pledge' aria-hidden='true'>
              {pledge.met === false ? '' : '✓ '}
              {pledge.text}
            </Text>
          ))}
          <Text className='home__pledge home__pledge--more' aria-hidden='true'>
            ›
          </Text>
        </View>
      </View>

      <ElderOffer />
      <MyCasesGlance />

      <Section title={S.scenariosTitle} note={S.scenariosNote}>
        {scenarios.status === 'loading' ? <StatusView kind='loading' compact title={S.scenariosLoading} /> : null}
        {scenarios.status === 'error' ? (
          <StatusView kind='error' compact title={scenarios.error.message} actionText={S.retry} actionLabel={S.scenariosRetryLabel} onAction={reloadScenarios} />
        ) : null}
        {scenarios.status === 'ready' ? (
          <View className='home__scenarios'>
            {scenarios.data.scenarios.map((scenario) => (
              <View
                key={scenario.code}
                className='home__scenario'
                hoverClass='home__scenario--pressed'
                onClick={() => openScenario(scenario.code)}
              >
                {/* The whole card takes the tap; its link (the spoken name holds the words shown) is the name. */}
                <Text className='home__scenario-name' role='link' aria-role='link' aria-label={S.scenarioLabel(scenario.name, scenario.steps.length)}>
                  {scenario.name}
                </Text>
                <Text className='home__scenario-steps' aria-hidden='true'>{S.scenarioSteps(scenario.steps.map((step) => step.title))}</Text>
              </View>
            ))}
          </View>
        ) : null}
      </Section>

      <Section title={S.servicesTitle}>
        <View className='home__services'>
          {[
            { key: 'progress', name: S.progress, text: S.progressText, glyph: S.serviceGlyphs.progress, open: openPublicProgress },
            { key: 'verify', name: S.verify, text: S.verifyText, glyph: S.serviceGlyphs.verify, open: openVerify },
            { key: 'complaint', name: S.complaint, text: S.complaintText, glyph: S.serviceGlyphs.complaint, open: () => openSignedIn(COMPLAINT_PAGE) },
            { key: 'assessment', name: S.assessment, text: S.assessmentText, glyph: S.serviceGlyphs.assessment, open: openPublicAssessment },
            { key: 'agencies', name: S.agencies, text: S.agenciesText, glyph: S.serviceGlyphs.agencies, open: openAgencies },
            { key: 'guides', name: S.guides, text: S.guidesText, glyph: S.serviceGlyphs.guides, open: openGuides },
          ].map((service) => (
            <View
              key={service.key}
              className='home__service'
              role='link'
              aria-role='link'
              aria-label={service.name}
              hoverClass='home__service--pressed'
              onClick={service.open}
            >
              <Text className={`home__service-glyph home__service-glyph--${service.key}`} aria-hidden='true'>
                {service.glyph}
              </Text>
              <View className='home__service-text' aria-hidden='true'>
                <Text className='home__service-name'>{service.name}</Text>
                <Text className='home__service-note'>{service.text}</Text>
              </View>
              <Text className='home__service-chevron' aria-hidden='true'>
                ›
              </Text>
            </View>
          ))}
        </View>
      </Section>

      <Section title={S.categoriesTitle}>
        <View className='home__categories'>
          {THEMES.map((theme) => (
            <View
              key={theme.code}
              className='home__category'
              role='button'
              aria-role='button'
              aria-label={theme.name}
              hoverClass='home__category--pressed'
              onClick={() => browseTheme(theme.code)}
            >
              <Text className={`home__category-glyph home__category-glyph--${theme.code}`} aria-hidden='true'>
                {S.themeGlyphs[theme.code] ?? theme.name.slice(0, 1)}
              </Text>
              <Text className='home__category-name'>{theme.name}</Text>
            </View>
          ))}
          <View
            className='home__category'
            role='button'
            aria-role='button'
            aria-label={S.allItems}
            hoverClass='home__category--pressed'
            onClick={() => browseTheme(null)}
          >
            <Text className='home__category-glyph home__category-glyph--all' aria-hidden='true'>{S.allGlyph}</Text>
            <Text className='home__category-name'>{S.allItems}</Text>
          </View>
        </View>
      </Section>

      <Section
        title={S.frequentTitle}
        note={region.name}
        flush
        extra={
          <ActionButton variant='text' size='sm' label={S.frequentMoreLabel} onTap={() => browseTheme(null)}>
            {S.frequentMore} ›
          </ActionButton>
        }
      >
        {renderFrequent()}
      </Section>

      <View className='home__footer'>
        <Text className='home__footer-text'>{S.hotline}</Text>
        <PhoneLink phone={S.hotlineNumber} purpose={S.hotline} />
      </View>
    </View>
  )
}
