import type { AssessmentReport, AssessmentScope } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { FilterChips } from '@/components/filter-chips'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { getPublicAssessment } from '@/features/assessment/api'
import { initialPeriod, PeriodPicker, type Period } from '@/features/assessment/period-picker'
import { ReportView } from '@/features/assessment/report-view'
import { ASSESSMENT_STRINGS as A } from '@/features/assessment/strings'
import { openPublicProgress } from '@/features/feedback/routes'
import { useRegions } from '@/features/region/use-regions'
import { useRemote } from '@/hooks/use-remote'
import { PUBLIC_ASSESSMENT_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import './index.scss'

const PROVINCE = 'province'
const REGION_CODE = /^\d{6}$/

/**
 * 网上考核公开: pages/public/assessment/index, no sign-in. The province's figures (本年 unless chosen)
 * with each city beside it in the chart; a city's own figures by choosing it above or tapping its bar
 * or row. No cases are shown here (GET /public/assessment answers figures only).
 */
export default function PublicAssessmentPage() {
  usePageTitle()
  const { params } = useRouter()
  const [region, setRegion] = useState<string>(params.region && REGION_CODE.test(params.region) ? params.region : PROVINCE)
  const [period, setPeriod] = useState<Period>(() => initialPeriod({ from: params.from ?? undefined, to: params.to ?? undefined }))
  const { state: regions } = useRegions(true)

  const load = useCallback(
    () => getPublicAssessment({ region: region === PROVINCE ? null : region, from: period.from, to: period.to }),
    [region, period.from, period.to],
  )
  const { remote, reload } = useRemote<AssessmentReport>(load, `${region}:${period.from}:${period.to}`)

  const cities = regions.status === 'ready' ? regions.regions.filter((r) => r.level === 'city') : []
  const openCity = (scope: AssessmentScope) => {
    if (scope.kind === 'city') setRegion(scope.code)
  }

  const renderReport = () => {
    if (remote.status === 'loading') return <StatusView kind='loading' compact title={A.loading} />
    if (remote.status === 'error') return <StatusView kind='error' compact title={remote.error.message} actionText={A.retry} actionLabel={A.retryLabel} onAction={reload} />
    return <ReportView report={remote.data} onOpenChild={openCity} />
  }

  return (
    <View className='public-assessment'>
      <View className='public-assessment__header'>
        <View className='public-assessment__title' role='heading' aria-level={1}>
          {S.title}
        </View>
        <Text className='public-assessment__intro'>{S.intro}</Text>
      </View>
      <Section title={S.filters}>
        <FilterChips
          label={S.region}
          options={[{ value: PROVINCE, label: S.province }, ...cities.map((city) => ({ value: city.code, label: city.shortName || city.name }))]}
          value={region}
          onChange={(value) => setRegion(value ?? PROVINCE)}
        />
        {regions.status === 'error' ? <Text className='public-assessment__note'>{S.regionsFailed}</Text> : null}
        <PeriodPicker value={period} onChange={setPeriod} />
      </Section>
      {renderReport()}
      <View className='public-assessment__footer'>
        <ActionButton variant='text' label={S.progressLinkLabel} onTap={openPublicProgress}>
          {S.progressLink} ›
        </ActionButton>
      </View>
    </View>
  )
}
