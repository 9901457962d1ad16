import Taro, { useRouter } from '@tarojs/taro'
import type { CaseSummary } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { StatusView } from '@/components/status-view'
import { listScenarios } from '@/features/catalog/api'
import { ItemCard } from '@/features/catalog/item-card'
import { HOME_TAB } from '@/features/catalog/routes'
import { PROVINCE } from '@/features/catalog/reference'
import { listCases } from '@/features/cases/api'
import { caseUrl } from '@/features/cases/routes'
import { RegionSwitcher } from '@/features/region/region-switcher'
import { useRemote } from '@/hooks/use-remote'
import { currentSession } from '@/services/session'
import { useAppState } from '@/store/app-store'
import { SCENARIO_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import './index.scss'
import { caseStatusLabel } from '@/i18n/shared-words'

/** The person's latest case per item (basic code: the first 10 characters of the implementation code). */
function latestCaseByItem(cases: CaseSummary[]): Map<string, CaseSummary> {
  const latest = new Map<string, CaseSummary>()
  for (const summary of cases) {
    const basicCode = summary.implementationCode.slice(0, 10)
    const known = latest.get(basicCode)
    if (!known || known.submittedAt < summary.submittedAt) latest.set(basicCode, summary)
  }
  return latest
}

/** 一件事: the items a real goal needs, in order, with why; each step's item as the chosen city implements it. */
export default function ScenarioPage() {
  usePageTitle()
  const { params } = useRouter()
  const code = params.code ?? ''
  const region = useAppState((state) => state.region)
  const load = useCallback(() => listScenarios(region.code), [region.code])
  const { remote, reload } = useRemote(load, region.code)
  const [cases, setCases] = useState<Map<string, CaseSummary>>(new Map())

  // Signed in: where the person's own cases of these items stand (signed out, nothing is asked).
  useEffect(() => {
    if (!currentSession()) return
    listCases({ limit: 50 }).then(
      (page) => setCases(latestCaseByItem(page.cases)),
      () => setCases(new Map()),
    )
  }, [])

  if (remote.status === 'loading') return <StatusView kind='loading' title={S.loading} />
  if (remote.status === 'error') return <StatusView kind='error' title={remote.error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
  const scenario = remote.data.scenarios.find((s) => s.code === code)
  if (!scenario) return <StatusView kind='empty' title={S.notFound} actionText={S.backHome} onAction={() => void Taro.switchTab({ url: HOME_TAB })} />
  const needsCity = scenario.steps.some((step) => !step.implementation)

  return (
    <View className='scenario'>
      <View className='scenario__header'>
        <View className='scenario__title' role='heading' aria-level={1}>{scenario.name}</View>
        <Text className='scenario__summary'>{scenario.summary}</Text>
        <Text className='scenario__intro'>{S.intro}</Text>
        <RegionSwitcher hint={S.regionHint} />
        {needsCity && region.code === PROVINCE.code ? (
          <View className='scenario__notice' role='note'>{S.chooseCity}</View>
        ) : null}
      </View>
      <View className='scenario__steps' role='list'>
        {scenario.steps.map((step, index) => {
          const mine = cases.get(step.basicCode)
          return (
            <View key={step.basicCode} className='scenario__step' role='listitem'>
              <View className='scenario__step-head'>
                <Text className='scenario__step-number' aria-hidden='true'>{index + 1}</Text>
                <View className='scenario__step-title' role='heading' aria-level={2} aria-label={S.stepLabel(index + 1, scenario.steps.length, step.title)}>
                  {step.title}
                </View>
              </View>
              <Text className='scenario__why'>{step.why}</Text>
              {step.implementation ? (
                <ItemCard item={step.implementation} />
              ) : (
                <Text className='scenario__needs-city'>
                  {region.code === PROVINCE.code ? S.needsCityTag : S.notHere(region.name)}
                </Text>
              )}
              {mine ? (
                <View
                  className='scenario__mine'
                  role='link'
                  aria-role='link'
                  aria-label={S.myCaseLabel(caseStatusLabel(mine.status, mine.statusLabel), mine.caseNumber)}
                  onClick={() => void Taro.navigateTo({ url: caseUrl(mine.caseNumber) })}
                >
                  <Text aria-hidden='true'>{S.myCase(caseStatusLabel(mine.status, mine.statusLabel), mine.caseNumber)} ›</Text>
                </View>
              ) : null}
            </View>
          )
        })}
      </View>
    </View>
  )
}
