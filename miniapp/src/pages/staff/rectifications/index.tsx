import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { RectificationSummary } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useCallback, useRef, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { FilterChips } from '@/components/filter-chips'
import { FormField } from '@/components/form-field'
import { ListFooter } from '@/components/list-footer'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { openMineTab } from '@/features/cases/routes'
import type { OrganisationRef } from '@/features/staff/api'
import { listRectifications, type RectificationFilter } from '@/features/staff/feedback-api'
import { FEEDBACK_STRINGS as F } from '@/features/staff/feedback-strings'
import { OrganisationPicker } from '@/features/staff/organisation-picker'
import { RECTIFICATIONS_PAGE } from '@/features/staff/routes'
import { SupervisionBanner } from '@/features/staff/supervision-banner'
import { useCursorPages } from '@/hooks/use-cursor-pages'
import { useInfiniteScroll } from '@/hooks/use-infinite-scroll'
import { RectificationRow } from './rectification-row'
import { RECTIFICATIONS_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/components/form-field/index.scss'
import '@/features/staff/feedback-view.scss'
import { ListPageHeader } from '@/features/staff/list-page-header'

const PAGE_SIZE = 20
const LIST_END_ID = 'rectifications-end'

/**
 * 差评整改: pages/staff/rectifications/index — the rectification tasks bad reviews created for the
 * staff member's organisation: 待办 (awaiting the call-back or the answer) or 全部. Provincial
 * administrators also review appeals (申诉复核) of every organisation; provincial staff can look at
 * another organisation's tasks.
 */
export default function RectificationsPage() {
  usePageTitle()
  const user = useSignedIn(RECTIFICATIONS_PAGE)
  const userId = user?.userId ?? ''
  const staff = user?.staff
  const admin = !!user?.provincialAdmin
  const [filter, setFilter] = useState<RectificationFilter>(staff ? 'open' : 'appealed')
  const [supervised, setSupervised] = useState<OrganisationRef | null>(null)
  const shown = useRef(false)

  const organisation = supervised && supervised.code !== staff?.organisationCode ? supervised : null
  const allowed = !!staff || admin
  // An administrator without an organisation of their own only reviews appeals.
  const status: RectificationFilter = staff ? filter : 'appealed'
  const load = useCallback(
    (cursor: string | null) => listRectifications({ status, organisation: status === 'appealed' ? null : organisation?.code, limit: PAGE_SIZE, cursor }),
    [status, organisation?.code],
  )
  const tasks = useCursorPages<RectificationSummary>(allowed ? load : () => Promise.resolve({ items: [], nextCursor: null }), `${userId}:${status}:${organisation?.code ?? ''}`)
  const { pages } = tasks
  useInfiniteScroll(LIST_END_ID, tasks.loadMore, allowed && pages.status === 'ready' && pages.hasMore)

  // Back from a task (it may have moved on): refresh without blanking the list.
  useDidShow(() => {
    if (!shown.current) {
      shown.current = true
      return
    }
    if (allowed) tasks.reload(true)
  })

  usePullDownRefresh(() => {
    tasks.reload(true)
    void Taro.stopPullDownRefresh()
  })

  if (!user) return <SignInRequired returnUrl={RECTIFICATIONS_PAGE} />
  if (!allowed) return <StatusView kind='empty' title={F.notStaff} description={F.notStaffHint} actionText={F.toMine} onAction={openMineTab} />

  const options = [
    ...(staff
      ? [
          { value: 'open', label: S.open },
          { value: 'all', label: S.all },
        ]
      : []),
    ...(admin ? [{ value: 'appealed', label: S.appealed }] : []),
  ]

  const renderList = () => {
    if (pages.status === 'loading') return <StatusView kind='loading' compact title={S.loading} />
    if (pages.status === 'error') {
      return <StatusView kind='error' compact title={pages.error?.message ?? ''} actionText={S.retry} actionLabel={S.retryLabel} onAction={() => tasks.reload()} />
    }
    if (!pages.items.length) {
      return status === 'open' ? (
        <StatusView kind='empty' compact title={S.empty.open} description={S.emptyHint.open} actionText={S.showAll} onAction={() => setFilter('all')} />
      ) : (
        <StatusView kind='empty' compact title={S.empty[status]} description={S.emptyHint[status]} actionText={S.refresh} actionLabel={S.refreshLabel} onAction={() => tasks.reload()} />
      )
    }
    return (
      <>
        <View className='case-list' role='list'>
          {pages.items.map((task, index) => (
            <View key={task.subjectId} className={`case-list__row${index === 0 ? ' case-list__row--first' : ''}`} role='listitem'>
              <RectificationRow task={task} supervised={!!organisation || status === 'appealed'} />
            </View>
          ))}
        </View>
        <ListFooter className='feedback-list-page__footer' id={LIST_END_ID} pages={pages} onMore={tasks.loadMore} strings={S} />
      </>
    )
  }

  return (
    <View className='feedback-list-page'>
      <ListPageHeader title={S.title} refresh={S.refresh} refreshLabel={S.refreshLabel} onRefresh={() => tasks.reload(true)} organisation={staff ? (organisation?.name ?? staff.organisationName) : S.adminOnly} text={S.text} />

      {staff?.level === 'province' ? (
        <Section title={S.supervise}>
          <FormField id='f-supervise' label={S.superviseField} hint={S.superviseText}>
            <OrganisationPicker id='f-supervise' label={S.superviseLabel} value={supervised} describedBy='f-supervise-hint' onChange={(picked) => picked && setSupervised(picked)} />
          </FormField>
          {organisation ? (
            <ActionButton variant='secondary' size='sm' onTap={() => setSupervised(null)}>
              {S.ownOrganisation}
            </ActionButton>
          ) : null}
        </Section>
      ) : null}

      {organisation && status !== 'appealed' ? <SupervisionBanner inset text={S.readOnly(organisation.name)} /> : null}

      {options.length ? (
        <View className='feedback-list-page__filters'>
          <FilterChips label={S.statusFilter} options={options} value={status} onChange={(value) => value && setFilter(value as RectificationFilter)} />
        </View>
      ) : null}

      <View className='feedback-list-page__list'>{renderList()}</View>
    </View>
  )
}
