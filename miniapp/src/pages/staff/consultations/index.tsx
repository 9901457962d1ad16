import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { Consultation } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { FilterChips } from '@/components/filter-chips'
import { ListFooter } from '@/components/list-footer'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { CaseNotice } from '@/features/cases/case-view'
import { openMineTab } from '@/features/cases/routes'
import { listConsultations } from '@/features/staff/feedback-api'
import { FEEDBACK_STRINGS as F } from '@/features/staff/feedback-strings'
import { CONSULTATIONS_PAGE } from '@/features/staff/routes'
import { useCursorPages } from '@/hooks/use-cursor-pages'
import { useInfiniteScroll } from '@/hooks/use-infinite-scroll'
import type { ApiError } from '@/services/api-error'
import { ConsultationCard } from './consultation-card'
import { CONSULTATIONS_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/components/form-field/index.scss'
import '@/features/staff/feedback-view.scss'
import './index.scss'
import { ListPageHeader } from '@/features/staff/list-page-header'

const PAGE_SIZE = 20
const LIST_END_ID = 'consultations-end'
type Filter = 'open' | 'answered' | 'all'
const FILTER_OPTIONS = [
  { value: 'open', label: S.open },
  { value: 'answered', label: S.answered },
  { value: 'all', label: S.all },
]

/**
 * 咨询答复: pages/staff/consultations/index — questions people asked about the organisation's items:
 * those awaiting an answer first (soonest deadline first), each answered right there; answered ones
 * can be published into the guide's 常见问题 (optionally polished first).
 */
export default function ConsultationsPage() {
  usePageTitle()
  const user = useSignedIn(CONSULTATIONS_PAGE)
  const userId = user?.userId ?? ''
  const staff = user?.staff
  const [filter, setFilter] = useState<Filter>('open')
  // Answers given on this page show at once, until the list is next loaded.
  const [updated, setUpdated] = useState<Record<string, Consultation>>({})
  const [notice, setNotice] = useState<string | null>(null)

  const load = useCallback(
    (cursor: string | null) =>
      listConsultations({ status: filter === 'all' ? null : filter, limit: PAGE_SIZE, cursor }).then((page) => {
        if (!cursor) setUpdated({})
        return page
      }),
    [filter],
  )
  const consultations = useCursorPages<Consultation>(staff ? load : () => Promise.resolve({ items: [], nextCursor: null }), `${userId}:${filter}`)
  const { pages } = consultations
  useInfiniteScroll(LIST_END_ID, consultations.loadMore, !!staff && pages.status === 'ready' && pages.hasMore)

  usePullDownRefresh(() => {
    consultations.reload(true)
    void Taro.stopPullDownRefresh()
  })

  const changed = (next: Consultation) => setUpdated((previous) => ({ ...previous, [next.consultationId]: next }))
  const stale = (error: ApiError) => {
    setNotice(error.message)
    consultations.reload(true)
  }

  if (!user) return <SignInRequired returnUrl={CONSULTATIONS_PAGE} />
  if (!staff) return <StatusView kind='empty' title={F.notStaff} description={F.notStaffHint} actionText={F.toMine} onAction={openMineTab} />

  const renderList = () => {
    if (pages.status === 'loading') return <StatusView kind='loading' compact title={S.loading} />
    if (pages.status === 'error') {
      return <StatusView kind='error' compact title={pages.error?.message ?? ''} actionText={S.retry} actionLabel={S.retryLabel} onAction={() => consultations.reload()} />
    }
    if (!pages.items.length) {
      return <StatusView kind='empty' compact title={S.empty[filter]} description={S.emptyHint} actionText={S.refresh} actionLabel={S.refreshLabel} onAction={() => consultations.reload()} />
    }
    return (
      <>
        <View className='case-list' role='list'>
          {pages.items.map((item, index) => {
            const consultation = updated[item.consultationId] ?? item
            return (
              <View key={`${consultation.consultationId}-${consultation.version}`} className={`case-list__row${index === 0 ? ' case-list__row--first' : ''}`} role='listitem'>
                <ConsultationCard consultation={consultation} onChanged={changed} onStale={stale} />
              </View>
            )
          })}
        </View>
        <ListFooter className='feedback-list-page__footer' id={LIST_END_ID} pages={pages} onMore={consultations.loadMore} strings={S} />
      </>
    )
  }

  return (
    <View className='feedback-list-page'>
      <ListPageHeader title={S.title} refresh={S.refresh} refreshLabel={S.refreshLabel} onRefresh={() => consultations.reload(true)} organisation={staff.organisationName} text={S.text} />
      <View className='feedback-list-page__filters'>
        <FilterChips label={S.statusFilter} options={FILTER_OPTIONS} value={filter} onChange={(value) => value && setFilter(value as Filter)} />
      </View>
      {notice ? <CaseNotice tone='warning' message={notice} onClose={() => setNotice(null)} /> : null}
      <View className='feedback-list-page__list'>{renderList()}</View>
    </View>
  )
}
