import type { FeedbackStats } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { describedBy, FormField } from '@/components/form-field'
import { DateInput } from '@/components/form-field/date-input'
import { TextInput } from '@/components/form-field/text-input'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { openMineTab } from '@/features/cases/routes'
import type { OrganisationRef } from '@/features/staff/api'
import { getFeedbackStats, type StatsQuery } from '@/features/staff/feedback-api'
import { FEEDBACK_STRINGS as F } from '@/features/staff/feedback-strings'
import { OrganisationPicker } from '@/features/staff/organisation-picker'
import { STATS_PAGE } from '@/features/staff/routes'
import { useRemote } from '@/hooks/use-remote'
import { BarChart, type Bar } from './bar-chart'
import { STATS_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/components/form-field/index.scss'
import '@/features/cases/case-view.scss'
import './index.scss'

const DAY_MS = 86_400_000
const DEFAULT_DAYS = 90
const IMPLEMENTATION_CODE = /^[0-9A-Z]{35}$/

/** A day in China (UTC+8) as YYYY-MM-DD, `daysAgo` before today. */
const chinaDay = (daysAgo = 0) => new Date(Date.now() + 8 * 3600_000 - daysAgo * DAY_MS).toISOString().slice(0, 10)
const percent = (rate: number | null) => (rate === null ? S.noRate : `${(rate * 100).toFixed(1)}%`)

interface Filters {
  from: string
  to: string
  item: string
  organisation: OrganisationRef | null
}

function check(filters: Filters, organisationRequired: boolean): Record<string, string> {
  const issues: Record<string, string> = {}
  if (!filters.from) issues.from = S.issues.from
  if (!filters.to) issues.to = S.issues.to
  if (filters.from && filters.to && filters.to < filters.from) issues.to = S.issues.order
  const item = filters.item.trim().toUpperCase()
  if (item && !IMPLEMENTATION_CODE.test(item)) issues.item = S.issues.item
  if (organisationRequired && !filters.organisation) issues.organisation = S.issues.organisation
  return issues
}

const counts = (rows: { key: string; label: string; count: number }[], unit: (n: number) => string): Bar[] =>
  rows.map((row) => ({ key: row.key, label: row.label, value: row.count, text: unit(row.count) }))

function Figure({ title, value, note, tone = 'primary' }: { title: string; value: string; note?: string; tone?: 'primary' | 'danger' | 'good' }) {
  return (
    <View className='stats__figure' role='listitem' aria-label={S.cardLabel(title, value)}>
      <Text className='stats__figure-title' aria-hidden='true'>
        {title}
      </Text>
      <Text className={`stats__figure-value stats__figure-value--${tone}`} aria-hidden='true'>
        {value}
      </Text>
      {note ? <Text className='stats__figure-note'>{note}</Text> : null}
    </View>
  )
}

function StatsReport({ stats }: { stats: FeedbackStats }) {
  const { rectification } = stats
  return (
    <>
      <Text className='stats__scope'>{S.scope(stats.organisationName, stats.from, stats.to)}</Text>
      <View className='stats__figures' role='list'>
        <Figure title={S.total} value={S.count(stats.total)} />
        <Figure title={S.satisfaction} value={percent(stats.satisfactionRate)} tone='good' />
        <Figure title={S.badReviews} value={S.count(stats.badReviews)} tone='danger' />
      </View>
      <Text className='stats__note'>{S.satisfactionNote}</Text>
      {stats.voided ? <Text className='stats__note'>{S.voided(stats.voided)}</Text> : null}

      <BarChart title={S.distribution} bars={counts(stats.distribution, S.count)} />
      <BarChart
        title={S.dimensions}
        note={S.dimensionsNote}
        max={5}
        bars={stats.dimensions.map((d) => ({ key: d.key, label: d.label, value: d.average ?? 0, text: d.average === null ? S.noAverage : S.average(d.average.toFixed(1), d.count) }))}
      />
      <BarChart title={S.painTags} tone='danger' bars={counts(stats.painPoints.tags, S.times)} />
      <BarChart title={S.painKeywords} tone='danger' bars={counts(stats.painPoints.keywords, S.times)} />
      <BarChart title={S.praiseTags} tone='good' bars={counts(stats.praisePoints.tags, S.times)} />
      <BarChart title={S.praiseKeywords} tone='good' bars={counts(stats.praisePoints.keywords, S.times)} />
      <BarChart title={S.channels} bars={counts(stats.channels, S.count)} />

      <Section title={S.rectification}>
        <View className='stats__figures stats__figures--small' role='list'>
          <Figure title={S.rectTotal} value={String(rectification.total)} />
          <Figure title={S.rectOpen} value={String(rectification.open)} />
          <Figure title={S.rectOverdue} value={String(rectification.overdue)} tone={rectification.overdue ? 'danger' : 'primary'} />
          <Figure title={S.rectCalledBack} value={String(rectification.calledBack)} />
          <Figure title={S.rectCallBackRate} value={percent(rectification.callBackRate)} tone='good' />
        </View>
      </Section>

      <Section title={S.items} note={S.itemsNote} flush>
        {stats.items.length ? (
          <View className='stats-table' role='table' aria-label={S.items}>
            <View className='stats-table__row stats-table__row--head' role='row'>
              <View className='stats-table__cell stats-table__cell--name' role='columnheader'>
                {S.itemName}
              </View>
              <View className='stats-table__cell' role='columnheader'>
                {S.itemTotal}
              </View>
              <View className='stats-table__cell' role='columnheader'>
                {S.itemBad}
              </View>
              <View className='stats-table__cell' role='columnheader'>
                {S.itemRate}
              </View>
            </View>
            {[...stats.items]
              .sort((a, b) => b.total - a.total)
              .map((item) => (
                <View key={item.implementationCode} className='stats-table__row' role='row'>
                  <View className='stats-table__cell stats-table__cell--name' role='cell'>
                    {item.itemName}
                  </View>
                  <View className='stats-table__cell' role='cell'>
                    {item.total}
                  </View>
                  <View className={`stats-table__cell${item.badReviews ? ' stats-table__cell--bad' : ''}`} role='cell'>
                    {item.badReviews}
                  </View>
                  <View className='stats-table__cell' role='cell'>
                    {percent(item.satisfactionRate)}
                  </View>
                </View>
              ))}
          </View>
        ) : (
          <Text className='case-note stats__empty'>{S.noItems}</Text>
        )}
      </Section>
    </>
  )
}

/**
 * 痛点赞点: pages/staff/stats/index — what the evaluations of the organisation say over a period
 * (the last 90 days unless chosen; one item optionally): totals and the satisfaction rate, the
 * distribution of levels, dimension averages, the tags and words of bad reviews (痛点) and of good
 * ones (赞点), channels, how bad reviews were rectified, and a line per item. Provincial staff may
 * choose another organisation.
 */
export default function StatsPage() {
  usePageTitle()
  const user = useSignedIn(STATS_PAGE)
  const userId = user?.userId ?? ''
  const staff = user?.staff
  const allowed = !!staff || !!user?.provincialAdmin
  const canChoose = staff?.level === 'province' || !!user?.provincialAdmin
  const [defaults] = useState<StatsQuery>(() => ({ from: chinaDay(DEFAULT_DAYS), to: chinaDay() }))
  const [draft, setDraft] = useState<Filters>(() => ({ from: defaults.from ?? '', to: defaults.to ?? '', item: '', organisation: null }))
  // Until 统计 is tapped: the default range for the staff member's own organisation. An administrator
  // without one chooses an organisation first.
  const [applied, setApplied] = useState<StatsQuery | null>(null)
  const [attempted, setAttempted] = useState(false)
  const query = applied ?? (staff ? defaults : null)

  const load = useCallback(() => (query ? getFeedbackStats(query) : new Promise<FeedbackStats>(() => undefined)), [query])
  const { remote, reload } = useRemote(load, `${userId}:${JSON.stringify(query)}`)

  if (!user) return <SignInRequired returnUrl={STATS_PAGE} />
  if (!allowed) return <StatusView kind='empty' title={F.notStaff} description={F.notStaffHint} actionText={F.toMine} onAction={openMineTab} />

  const issues = check(draft, !staff)
  const errorFor = (key: string) => (attempted ? issues[key] : undefined)
  const set =
    <K extends keyof Filters>(key: K) =>
    (value: Filters[K]) =>
      setDraft((previous) => ({ ...previous, [key]: value }))

  const apply = () => {
    setAttempted(true)
    if (Object.keys(issues).length) return
    const organisation = draft.organisation && draft.organisation.code !== staff?.organisationCode ? draft.organisation.code : null
    setApplied({ from: draft.from, to: draft.to, item: draft.item.trim().toUpperCase() || null, organisation })
  }

  const dateField = (key: 'from' | 'to', title: string) => {
    const id = `f-stats-${key}`
    const error = errorFor(key)
    return (
      <FormField id={id} label={title} required error={error}>
        <DateInput id={id} value={draft[key]} label={title} placeholder={S.datePlaceholder} invalid={!!error} describedBy={describedBy(id, false, !!error)} onChange={set(key)} />
      </FormField>
    )
  }

  const renderReport = () => {
    if (!query) return <StatusView kind='empty' compact title={S.chooseFirst} description={S.chooseFirstHint} />
    if (remote.status === 'loading') return <StatusView kind='loading' compact title={S.loading} />
    if (remote.status === 'error') return <StatusView kind='error' compact title={remote.error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
    return <StatsReport stats={remote.data} />
  }

  const itemError = errorFor('item')
  const organisationError = errorFor('organisation')
  return (
    <View className='case-page stats'>
      <View className='case-header'>
        <View className='case-header__title' role='heading' aria-level={1}>
          {S.title}
        </View>
        <Text className='case-header__hint'>{S.text}</Text>
      </View>

      <Section title={S.filters}>
        <View className='stats__dates'>
          {dateField('from', S.from)}
          {dateField('to', S.to)}
        </View>
        <FormField id='f-stats-item' label={S.item} hint={S.itemHint} error={itemError}>
          <TextInput
            id='f-stats-item'
            value={draft.item}
            label={S.item}
            placeholder={S.itemPlaceholder}
            maxLength={35}
            invalid={!!itemError}
            describedBy={describedBy('f-stats-item', true, !!itemError)}
            onChange={set('item')}
          />
        </FormField>
        {canChoose ? (
          <FormField id='f-stats-organisation' label={S.organisation} required={!staff} hint={staff ? S.organisationHint : undefined} error={organisationError}>
            <OrganisationPicker
              id='f-stats-organisation'
              label={S.organisationLabel}
              value={draft.organisation}
              invalid={!!organisationError}
              describedBy={describedBy('f-stats-organisation', !!staff, !!organisationError)}
              onChange={(picked) => picked && set('organisation')(picked)}
            />
          </FormField>
        ) : null}
        {canChoose && draft.organisation && staff ? (
          <ActionButton variant='text' size='sm' onTap={() => set('organisation')(null)}>
            {S.ownOrganisation}
          </ActionButton>
        ) : null}
        <ActionButton block onTap={apply}>
          {S.apply}
        </ActionButton>
      </Section>

      <View className='stats__report'>
        {renderReport()}
      </View>
    </View>
  )
}
