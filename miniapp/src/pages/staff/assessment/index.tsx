import type { AssessmentReport, AssessmentScope, Figure, SessionUser } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { FilterChips } from '@/components/filter-chips'
import { FormField } from '@/components/form-field'
import { SelectInput } from '@/components/form-field/select-input'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { assessmentAccess } from '@/features/assessment/access'
import { getAssessment } from '@/features/assessment/api'
import { exportCsv } from '@/features/assessment/export'
import { initialPeriod, PeriodPicker, type Period } from '@/features/assessment/period-picker'
import { opensItems } from '@/features/assessment/report'
import { ReportView } from '@/features/assessment/report-view'
import { ASSESSMENT_PAGE, assessmentCasesUrl, assessmentItemsUrl, assessmentUrl, paramText } from '@/features/assessment/routes'
import { ASSESSMENT_STRINGS as A } from '@/features/assessment/strings'
import { openMineTab } from '@/features/cases/routes'
import { useRegions } from '@/features/region/use-regions'
import type { OrganisationRef } from '@/features/staff/api'
import { OrganisationPicker } from '@/features/staff/organisation-picker'
import { useRemote } from '@/hooks/use-remote'
import { toApiError } from '@/services/api-error'
import { ASSESSMENT_PAGE_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/components/form-field/index.scss'
import '@/features/cases/case-view.scss'
import './index.scss'

type ScopeChoice = 'own' | 'province' | 'city' | 'byCity' | 'byOrganisation'

/** The scope a chip stands for, when it needs nothing more chosen. */
function directScope(choice: ScopeChoice, user: SessionUser): string | null | undefined {
  if (choice === 'province') return 'province'
  if (choice === 'own') return user.staff ? null : undefined
  // The city an organisation lies in: its region code with the county digits zeroed (340102 → 340100).
  if (choice === 'city') return user.staff ? `city:${user.staff.regionCode.slice(0, 4)}00` : undefined
  return undefined
}

/**
 * 网上考核: pages/staff/assessment/index — the plan's figures for a scope and a period (本年 unless
 * chosen), grouped under its headings, each opening the cases behind it; a chosen figure month by month
 * and across the cities or organisations one level down (tapping one opens its report, as a new page so
 * 返回 comes back); CSV export. Opened with `scope`, `from`, `to` from a drill-down.
 */
export default function AssessmentPage() {
  usePageTitle()
  const { params } = useRouter()
  const user = useSignedIn(ASSESSMENT_PAGE)
  const access = assessmentAccess(user)
  const fromLink = paramText(params.scope) || null
  const [period, setPeriod] = useState<Period>(() =>
    initialPeriod({ from: params.from ?? undefined, to: params.to ?? undefined, preset: params.preset ?? undefined }),
  )
  const [choice, setChoice] = useState<ScopeChoice>(fromLink ? 'own' : user?.staff ? 'own' : 'province')
  const [picked, setPicked] = useState<string | null>(null)
  const [organisation, setOrganisation] = useState<OrganisationRef | null>(null)
  const [exporting, setExporting] = useState(false)
  const { state: regions } = useRegions(access === 'province' && choice === 'byCity')

  // A drill-down link names its scope; otherwise the chips (and what was picked for 按市 / 按单位) do.
  const scope: string | null | undefined = fromLink ?? (user ? (choice === 'byCity' || choice === 'byOrganisation' ? picked ?? undefined : directScope(choice, user)) : undefined)
  const ready = !!access && scope !== undefined
  const query = { scope, from: period.from, to: period.to }
  const load = useCallback(() => (ready ? getAssessment(query) : new Promise<AssessmentReport>(() => undefined)), [ready, query.scope, query.from, query.to])
  const { remote, reload } = useRemote(load, `${user?.userId ?? ''}:${ready}:${scope ?? ''}:${period.from}:${period.to}`)

  if (!user) return <SignInRequired returnUrl={ASSESSMENT_PAGE} />
  if (!access) return <StatusView kind='empty' title={S.notAllowed} description={S.notAllowedHint} actionText={S.toMine} onAction={openMineTab} />

  const openFigure = (report: AssessmentReport, figure: Figure) =>
    void Taro.navigateTo({
      url: opensItems(figure.key)
        ? assessmentItemsUrl({ scope: report.scope.query, scopeName: report.scope.name, figure: figure.key })
        : assessmentCasesUrl({ scope: report.scope.query, scopeName: report.scope.name, from: report.from, to: report.to, figure: figure.key }),
    })
  const openChild = (child: AssessmentScope) => void Taro.navigateTo({ url: assessmentUrl({ scope: child.query, from: period.from, to: period.to, preset: period.preset }) })

  const runExport = async (report: AssessmentReport) => {
    if (exporting) return
    setExporting(true)
    try {
      const outcome = await exportCsv({ scope: report.scope.query, from: report.from, to: report.to }, report.scope.name)
      if (outcome !== 'cancelled') void Taro.showToast({ title: S.exported, icon: 'success' })
    } catch (error) {
      void Taro.showModal({ title: S.exportFailed, content: toApiError(error).message, showCancel: false })
    } finally {
      setExporting(false)
    }
  }

  const scopeOptions: { value: ScopeChoice; label: string }[] =
    access === 'province'
      ? [
          ...(user.staff ? [{ value: 'own' as const, label: S.scopes.own }] : []),
          { value: 'province', label: S.scopes.province },
          { value: 'byCity', label: S.scopes.byCity },
          { value: 'byOrganisation', label: S.scopes.byOrganisation },
        ]
      : [
          { value: 'own', label: S.scopes.own },
          { value: 'city', label: S.scopes.city },
        ]

  const renderScopePicker = () => {
    if (fromLink) return null
    return (
      <>
        <FilterChips
          label={S.scope}
          options={scopeOptions}
          value={choice}
          onChange={(value) => {
            if (!value) return
            setChoice(value as ScopeChoice)
            setPicked(null)
            setOrganisation(null)
          }}
        />
        {choice === 'byCity' ? (
          <FormField id='f-assessment-city' label={S.city} required>
            {regions.status === 'ready' ? (
              <SelectInput
                id='f-assessment-city'
                value={picked?.slice(5) ?? ''}
                label={S.city}
                placeholder={S.cityPlaceholder}
                options={regions.regions.filter((region) => region.level === 'city').map((region) => ({ value: region.code, label: region.name }))}
                onChange={(code) => setPicked(code ? `city:${code}` : null)}
              />
            ) : (
              <Text className='case-note'>{regions.status === 'error' ? regions.error.message : S.regionsLoading}</Text>
            )}
          </FormField>
        ) : null}
        {choice === 'byOrganisation' ? (
          <FormField id='f-assessment-organisation' label={S.organisation} required>
            <OrganisationPicker
              id='f-assessment-organisation'
              label={S.organisationLabel}
              value={organisation}
              onChange={(chosen) => {
                setOrganisation(chosen)
                setPicked(chosen ? `organisation:${chosen.code}` : null)
              }}
            />
          </FormField>
        ) : null}
      </>
    )
  }

  const renderReport = () => {
    if (!ready) return <StatusView kind='empty' compact title={S.chooseFirst} />
    if (remote.status === 'loading') return <StatusView kind='loading' compact title={A.loading} />
    if (remote.status === 'error') return <StatusView kind='error' compact title={remote.error.message} actionText={A.retry} actionLabel={A.retryLabel} onAction={reload} />
    const report = remote.data
    return (
      <ReportView
        report={report}
        onOpenFigure={(figure) => openFigure(report, figure)}
        onOpenChild={openChild}
        actions={
          <View className='assessment-page__actions'>
            <ActionButton variant='secondary' size='sm' label={S.exportLabel(report.scope.name)} disabled={exporting} onTap={() => void runExport(report)}>
              {exporting ? S.exporting : S.export}
            </ActionButton>
          </View>
        }
      />
    )
  }

  return (
    <View className='case-page assessment-page'>
      <View className='case-header'>
        <View className='case-header__title' role='heading' aria-level={1}>
          {S.title}
        </View>
        <Text className='case-header__hint'>{S.text}</Text>
      </View>
      <Section title={S.filters}>
        {renderScopePicker()}
        <PeriodPicker value={period} onChange={setPeriod} />
      </Section>
      {renderReport()}
    </View>
  )
}
