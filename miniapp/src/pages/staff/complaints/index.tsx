import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { ComplaintStatus, ComplaintSummary } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { COMPLAINT_STATUS_KEYS } from '@ah-tourism/shared/src/feedback/model'
import { useCallback, useRef, useState } from 'react'
import { FilterChips } from '@/components/filter-chips'
import { ListFooter } from '@/components/list-footer'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { openMineTab } from '@/features/cases/routes'
import { listComplaints } from '@/features/staff/feedback-api'
import { FEEDBACK_STRINGS as F } from '@/features/staff/feedback-strings'
import { COMPLAINTS_PAGE } from '@/features/staff/routes'
import { useCursorPages } from '@/hooks/use-cursor-pages'
import { useInfiniteScroll } from '@/hooks/use-infinite-scroll'
import { ComplaintRow } from './complaint-row'
import { COMPLAINT_STATUS_NAMES } from '@/features/staff/labels'
import { COMPLAINTS_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/features/staff/feedback-view.scss'
import { ListPageHeader } from '@/features/staff/list-page-header'

const PAGE_SIZE = 20
const LIST_END_ID = 'complaints-end'
const FILTER_OPTIONS = [{ value: null, label: S.all }, ...COMPLAINT_STATUS_KEYS.map((status) => ({ value: status, label: COMPLAINT_STATUS_NAMES[status] }))]

/**
 * 投诉处理: pages/staff/complaints/index — the tourism complaints of the staff member's organisation,
 * those awaiting acceptance first (5 working days), filtered by status; a tap opens the complaint.
 */
export default function ComplaintsPage() {
  usePageTitle()
  const user = useSignedIn(COMPLAINTS_PAGE)
  const userId = user?.userId ?? ''
  const staff = user?.staff
  const [status, setStatus] = useState<ComplaintStatus | null>(null)
  const shown = useRef(false)

  const load = useCallback((cursor: string | null) => listComplaints({ status, limit: PAGE_SIZE, cursor }), [status])
  const complaints = useCursorPages<ComplaintSummary>(staff ? load : () => Promise.resolve({ items: [], nextCursor: null }), `${userId}:${status ?? ''}`)
  const { pages } = complaints
  useInfiniteScroll(LIST_END_ID, complaints.loadMore, !!staff && pages.status === 'ready' && pages.hasMore)

  useDidShow(() => {
    if (!shown.current) {
      shown.current = true
      return
    }
    if (staff) complaints.reload(true)
  })

  usePullDownRefresh(() => {
    complaints.reload(true)
    void Taro.stopPullDownRefresh()
  })

  if (!user) return <SignInRequired returnUrl={COMPLAINTS_PAGE} />
  if (!staff) return <StatusView kind='empty' title={F.notStaff} description={F.notStaffHint} actionText={F.toMine} onAction={openMineTab} />

  const renderList = () => {
    if (pages.status === 'loading') return <StatusView kind='loading' compact title={S.loading} />
    if (pages.status === 'error') {
      return <StatusView kind='error' compact title={pages.error?.message ?? ''} actionText={S.retry} actionLabel={S.retryLabel} onAction={() => complaints.reload()} />
    }
    if (!pages.items.length) {
      return status ? (
        <StatusView kind='empty' compact title={S.emptyFiltered(COMPLAINT_STATUS_NAMES[status])} actionText={S.showAll} onAction={() => setStatus(null)} />
      ) : (
        <StatusView kind='empty' compact title={S.empty} description={S.emptyHint} actionText={S.refresh} actionLabel={S.refreshLabel} onAction={() => complaints.reload()} />
      )
    }
    return (
      <>
        <View className='case-list' role='list'>
          {pages.items.map((complaint, index) => (
            <View key={complaint.complaintNumber} className={`case-list__row${index === 0 ? ' case-list__row--first' : ''}`} role='listitem'>
              <ComplaintRow complaint={complaint} />
            </View>
          ))}
        </View>
        <ListFooter className='feedback-list-page__footer' id={LIST_END_ID} pages={pages} onMore={complaints.loadMore} strings={S} />
      </>
    )
  }

  return (
    <View className='feedback-list-page'>
      <ListPageHeader title={S.title} refresh={S.refresh} refreshLabel={S.refreshLabel} onRefresh={() => complaints.reload(true)} organisation={staff.organisationName} text={S.text} />
      <View className='feedback-list-page__filters'>
        <FilterChips label={S.statusFilter} options={FILTER_OPTIONS} value={status} onChange={(value) => setStatus(value as ComplaintStatus | null)} />
      </View>
      <View className='feedback-list-page__list'>{renderList()}</View>
    </View>
  )
}
