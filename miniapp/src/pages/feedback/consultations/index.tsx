import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { Consultation } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import { ListFooter } from '@/components/list-footer'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { ITEMS_TAB } from '@/features/catalog/routes'
import { chinaDateTime } from '@/features/cases/format'
import { listMyConsultations } from '@/features/feedback/api'
import { lastDay } from '@/features/feedback/format'
import { CONSULTATIONS_PAGE } from '@/features/feedback/routes'
import { useCursorPages } from '@/hooks/use-cursor-pages'
import { useInfiniteScroll } from '@/hooks/use-infinite-scroll'
import { CONSULTATIONS_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '../feedback.scss'
import './index.scss'

const PAGE_SIZE = 10
const LIST_END_ID = 'consultations-end'

function ConsultationCard({ consultation: c }: { consultation: Consultation }) {
  return (
    <View className='consultation'>
      <View className='consultation__top'>
        <View className='consultation__item' role='heading' aria-level={2}>
          {c.itemName}
        </View>
        <Text className={`feedback-status feedback-status--${c.status}`}>{c.statusLabel}</Text>
      </View>
      <View className='consultation__qa'>
        <Text className='consultation__mark consultation__mark--question' aria-hidden='true'>
          {S.question}
        </Text>
        <Text className='consultation__text'>{c.question}</Text>
      </View>
      <Text className='consultation__meta'>{`${S.askedAt} ${chinaDateTime(c.askedAt)} · ${S.organisation} ${c.organisationName}`}</Text>
      {c.status === 'answered' && c.answer ? (
        <View className='consultation__answer'>
          <View className='consultation__qa'>
            <Text className='consultation__mark consultation__mark--answer' aria-hidden='true'>
              {S.answer}
            </Text>
            <Text className='consultation__text'>{c.answer}</Text>
          </View>
          {c.answeredAt ? <Text className='consultation__meta'>{`${S.answeredAt} ${chinaDateTime(c.answeredAt)}`}</Text> : null}
        </View>
      ) : (
        <Text className={`consultation__due${c.overdue ? ' consultation__due--overdue' : ''}`}>{c.overdue ? S.overdue : S.dueBy(lastDay(c.dueAt))}</Text>
      )}
    </View>
  )
}

/** 我的咨询: pages/feedback/consultations/index — the questions asked, newest first, with their status and answers. */
export default function ConsultationsPage() {
  usePageTitle()
  const user = useSignedIn(CONSULTATIONS_PAGE)
  const userId = user?.userId ?? ''
  const load = useCallback(
    (cursor: string | null) => (userId ? listMyConsultations({ limit: PAGE_SIZE, cursor }) : Promise.resolve({ items: [] as Consultation[], nextCursor: null })),
    [userId],
  )
  const consultations = useCursorPages<Consultation>(load, `consultations:${userId}`)
  const { pages } = consultations
  useInfiniteScroll(LIST_END_ID, consultations.loadMore, !!userId && pages.status === 'ready' && pages.hasMore)

  useDidShow(() => {
    if (userId && pages.status === 'error') consultations.reload()
  })

  usePullDownRefresh(() => {
    consultations.reload(true)
    void Taro.stopPullDownRefresh()
  })

  if (!user) return <SignInRequired returnUrl={CONSULTATIONS_PAGE} description={S.signInHint} />
  if (pages.status === 'loading') return <StatusView kind='loading' title={S.loading} />
  if (pages.status === 'error') {
    return <StatusView kind='error' title={pages.error?.message ?? ''} actionText={S.retry} actionLabel={S.retryLabel} onAction={() => consultations.reload()} />
  }
  if (!pages.items.length) {
    return <StatusView kind='empty' title={S.empty} description={S.emptyHint} actionText={S.toItems} onAction={() => void Taro.switchTab({ url: ITEMS_TAB })} />
  }

  return (
    <View className='feedback-page'>
      <View className='feedback-list-title' role='heading' aria-level={1}>
        {S.title}
      </View>
      <View className='feedback-list' role='list'>
        {pages.items.map((consultation) => (
          <View key={consultation.consultationId} className='feedback-list__row' role='listitem'>
            <ConsultationCard consultation={consultation} />
          </View>
        ))}
      </View>
      <ListFooter id={LIST_END_ID} pages={pages} onMore={consultations.loadMore} strings={S} />
    </View>
  )
}
