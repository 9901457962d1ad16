import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { ComplaintSummary } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useCallback, useRef } from 'react'
import { ActionButton } from '@/components/action-button'
import { ListFooter } from '@/components/list-footer'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { chinaDateTime } from '@/features/cases/format'
import { listMyComplaints } from '@/features/feedback/api'
import { lastDay } from '@/features/feedback/format'
import { COMPLAINT_PAGE, COMPLAINTS_PAGE, complaintDetailUrl } from '@/features/feedback/routes'
import { useCursorPages } from '@/hooks/use-cursor-pages'
import { useInfiniteScroll } from '@/hooks/use-infinite-scroll'
import { COMPLAINTS_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '../feedback.scss'
import './index.scss'

const PAGE_SIZE = 10
const LIST_END_ID = 'complaints-end'

function ComplaintCard({ complaint: c }: { complaint: ComplaintSummary }) {
  return (
    <View
      className='complaint-card'
      hoverClass='complaint-card--pressed'
      onClick={() => void Taro.navigateTo({ url: complaintDetailUrl(c.complaintNumber) })}
    >
      <View className='complaint-card__top'>
        {/* The whole card takes the tap; the link (its spoken name holds the words shown) is the business. */}
        <Text className='complaint-card__name' role='link' aria-role='link' aria-label={S.label(c.businessName, c.statusLabel, c.complaintNumber)}>
          {c.businessName}
        </Text>
        <Text className={`feedback-status feedback-status--${c.status}`}>{c.statusLabel}</Text>
      </View>
      <Text className='complaint-card__line'>{S.line(S.organisation, c.organisationName)}</Text>
      <Text className='complaint-card__line'>
        {S.line(S.complaintNumber, '')}
        <Text className='complaint-card__number'>{c.complaintNumber}</Text>
      </Text>
      <Text className='complaint-card__line'>{S.line(S.submittedAt, chinaDateTime(c.submittedAt))}</Text>
      {c.dueAt ? <Text className={`complaint-card__due${c.overdue ? ' complaint-card__due--overdue' : ''}`}>{c.overdue ? S.overdue : S.acceptBy(lastDay(c.dueAt))}</Text> : null}
    </View>
  )
}

/** 我的投诉: pages/feedback/complaints/index — the complaints filed, newest first; a tap opens one. */
export default function ComplaintsPage() {
  usePageTitle()
  const user = useSignedIn(COMPLAINTS_PAGE)
  const userId = user?.userId ?? ''
  const load = useCallback(
    (cursor: string | null) => (userId ? listMyComplaints({ limit: PAGE_SIZE, cursor }) : Promise.resolve({ items: [] as ComplaintSummary[], nextCursor: null })),
    [userId],
  )
  const complaints = useCursorPages<ComplaintSummary>(load, `complaints:${userId}`)
  const { pages } = complaints
  const shown = useRef(false)
  useInfiniteScroll(LIST_END_ID, complaints.loadMore, !!userId && pages.status === 'ready' && pages.hasMore)

  // Back from a complaint (its status may have moved on): refresh without blanking the list.
  useDidShow(() => {
    if (!shown.current) {
      shown.current = true
      return
    }
    if (userId) complaints.reload(pages.status === 'ready')
  })

  usePullDownRefresh(() => {
    complaints.reload(true)
    void Taro.stopPullDownRefresh()
  })

  const fileNew = () => void Taro.navigateTo({ url: COMPLAINT_PAGE })

  if (!user) return <SignInRequired returnUrl={COMPLAINTS_PAGE} description={S.signInHint} />
  if (pages.status === 'loading') return <StatusView kind='loading' title={S.loading} />
  if (pages.status === 'error') {
    return <StatusView kind='error' title={pages.error?.message ?? ''} actionText={S.retry} actionLabel={S.retryLabel} onAction={() => complaints.reload()} />
  }
  if (!pages.items.length) return <StatusView kind='empty' title={S.empty} description={S.emptyHint} actionText={S.newComplaint} onAction={fileNew} />

  return (
    <View className='feedback-page'>
      <View className='complaints__header'>
        <View className='feedback-list-title' role='heading' aria-level={1}>
          {S.title}
        </View>
        <ActionButton variant='text' size='sm' onTap={fileNew}>
          {S.newComplaint}
        </ActionButton>
      </View>
      <View className='feedback-list' role='list'>
        {pages.items.map((complaint) => (
          <View key={complaint.complaintNumber} className='feedback-list__row' role='listitem'>
            <ComplaintCard complaint={complaint} />
          </View>
        ))}
      </View>
      <ListFooter id={LIST_END_ID} pages={pages} onMore={complaints.loadMore} strings={S} />
    </View>
  )
}
