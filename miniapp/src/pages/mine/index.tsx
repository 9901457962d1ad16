import { useDidShow } from '@tarojs/taro'
import type { CaseSummary, DraftSummary } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useRef } from 'react'
import { ActionButton } from '@/components/action-button'
import { PhoneLink } from '@/components/phone-link'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { openItemsTab } from '@/features/catalog/routes'
import { listCases, listDrafts } from '@/features/cases/api'
import { CaseCard, DraftCard } from '@/features/cases/case-card'
import { useCursorPages } from '@/hooks/use-cursor-pages'
import { useInfiniteScroll } from '@/hooks/use-infinite-scroll'
import { MINE_STRINGS as S } from './strings'
import './index.scss'

const PAGE_SIZE = 10
const LIST_END_ID = 'mine-cases-end'

const loadCases = (cursor: string | null) => listCases({ limit: PAGE_SIZE, cursor }).then(({ cases, nextCursor }) => ({ items: cases, nextCursor }))
const loadDrafts = () => listDrafts().then((drafts) => ({ items: drafts, nextCursor: null }))

/** 我的: unfinished applications (drafts) and the applicant's cases, newest first, with infinite scroll. */
export default function MinePage() {
  const cases = useCursorPages<CaseSummary>(loadCases, 'cases')
  const drafts = useCursorPages<DraftSummary>(loadDrafts, 'drafts')
  const shown = useRef(false)

  // Back from applying or from a case: refresh without blanking what is on screen.
  useDidShow(() => {
    if (!shown.current) {
      shown.current = true
      return
    }
    cases.reload(true)
    drafts.reload(true)
  })

  const { pages } = cases
  useInfiniteScroll(LIST_END_ID, cases.loadMore, pages.status === 'ready' && pages.hasMore)

  const renderDrafts = () => {
    const { pages: d } = drafts
    if (d.status === 'loading') return <StatusView kind='loading' compact title={S.draftsLoading} />
    if (d.status === 'error') {
      return <StatusView kind='error' compact title={d.error?.message ?? ''} actionText={S.retry} actionLabel={S.draftsRetryLabel} onAction={() => drafts.reload()} />
    }
    if (!d.items.length) return <Text className='mine__empty'>{S.draftsEmpty}</Text>
    return (
      <View className='case-list' role='list'>
        {d.items.map((draft, index) => (
          <View key={draft.implementationCode} className={`case-list__row${index === 0 ? ' case-list__row--first' : ''}`} role='listitem'>
            <DraftCard draft={draft} />
          </View>
        ))}
      </View>
    )
  }

  const renderCases = () => {
    if (pages.status === 'loading') return <StatusView kind='loading' compact title={S.casesLoading} />
    if (pages.status === 'error') {
      return <StatusView kind='error' compact title={pages.error?.message ?? ''} actionText={S.retry} actionLabel={S.casesRetryLabel} onAction={() => cases.reload()} />
    }
    if (!pages.items.length) {
      return <StatusView kind='empty' compact title={S.casesEmpty} description={S.casesEmptyHint} actionText={S.toItems} onAction={openItemsTab} />
    }
    return (
      <>
        <View className='case-list' role='list'>
          {pages.items.map((summary, index) => (
            <View key={summary.caseNumber} className={`case-list__row${index === 0 ? ' case-list__row--first' : ''}`} role='listitem'>
              <CaseCard summary={summary} />
            </View>
          ))}
        </View>
        <View className='mine__footer' id={LIST_END_ID} aria-live='polite'>
          {pages.status === 'loading-more' ? <Text className='mine__footer-text'>{S.loadingMore}</Text> : null}
          {pages.status === 'more-error' ? (
            <View className='mine__footer-error' role='alert'>
              <Text className='mine__footer-text'>{pages.error?.message}</Text>
              <ActionButton variant='secondary' size='sm' label={S.retryMoreLabel} onTap={cases.loadMore}>
                {S.retry}
              </ActionButton>
            </View>
          ) : null}
          {pages.status === 'ready' && pages.hasMore ? (
            <ActionButton variant='text' onTap={cases.loadMore}>
              {S.loadMore}
            </ActionButton>
          ) : null}
          {pages.status === 'ready' && !pages.hasMore ? <Text className='mine__footer-text'>{S.noMore}</Text> : null}
        </View>
      </>
    )
  }

  const draftCount = drafts.pages.status === 'ready' ? drafts.pages.items.length : 0

  return (
    <View className='mine'>
      <View className='mine__card'>
        <View className='mine__avatar' aria-hidden='true'>
          <Text>皖</Text>
        </View>
        <View className='mine__intro'>
          <View className='mine__title' role='heading' aria-level={1}>
            {S.title}
          </View>
          <Text className='mine__text'>{S.text}</Text>
        </View>
      </View>

      <Section title={S.drafts} note={draftCount ? S.draftsNote(draftCount) : undefined} flush>
        {renderDrafts()}
      </Section>

      <Section title={S.cases} flush>
        {renderCases()}
      </Section>

      <View className='mine__list' role='list'>
        {S.upcoming.map((entry, index) => (
          <View key={entry} className={`mine__row${index === S.upcoming.length - 1 ? ' mine__row--last' : ''}`} role='listitem'>
            <Text className='mine__row-name'>{entry}</Text>
            <Text className='mine__row-tag'>{S.upcomingTag}</Text>
          </View>
        ))}
      </View>
      <View className='mine__contact'>
        <Text className='mine__contact-text'>{S.hotline}</Text>
        <PhoneLink phone={S.hotlineNumber} purpose={S.hotline} />
        <Text className='mine__department'>{S.department}</Text>
      </View>
    </View>
  )
}
