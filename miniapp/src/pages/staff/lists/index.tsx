import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { ListEntrySummary } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useCallback, useRef } from 'react'
import { ActionButton } from '@/components/action-button'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { chinaDate } from '@/features/cases/format'
import { openMineTab } from '@/features/cases/routes'
import { listListEntries } from '@/features/staff/lists-api'
import { LISTS_PAGE, listEditUrl } from '@/features/staff/routes'
import { FeedbackCard, FeedbackTag, MarkerRow } from '@/features/staff/feedback-view'
import { useRemote } from '@/hooks/use-remote'
import { spokenLabel } from '@/features/staff/strings'
import { LISTS_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/features/staff/feedback-view.scss'
import './index.scss'

/** Noon in China on a publication day, for the date formatter. */
const day = (isoDate: string) => chinaDate(`${isoDate}T04:00:00Z`)

function EntryRow({ entry }: { entry: ListEntrySummary }) {
  const status = entry.draft ? entry.draft.status : 'published'
  const statusLabel = entry.draft ? entry.draft.statusLabel : S.noDraft
  const version = S.version(entry.version, day(entry.publishedAt))
  const label = spokenLabel([entry.name, entry.organisationName, version, statusLabel, entry.negativeListed ? S.negativeListed : ''])
  return (
    <FeedbackCard title={entry.name} status={`list-${status}`} statusLabel={statusLabel} label={label} onOpen={() => void Taro.navigateTo({ url: listEditUrl(entry.implementationCode) })}>
      <Text className='case-card__line case-card__line--muted'>{entry.organisationName}</Text>
      <MarkerRow>
        <Text className='case-card__line'>{version}</Text>
        {entry.negativeListed ? <FeedbackTag tone='warn'>{S.negativeListed}</FeedbackTag> : null}
      </MarkerRow>
    </FeedbackCard>
  )
}

function EntryList({ entries }: { entries: ListEntrySummary[] }) {
  return (
    <View className='case-list' role='list'>
      {entries.map((entry, index) => (
        <View key={entry.implementationCode} className={`case-list__row${index === 0 ? ' case-list__row--first' : ''}`} role='listitem'>
          <EntryRow entry={entry} />
        </View>
      ))}
    </View>
  )
}

/**
 * 清单维护: pages/staff/lists/index — the organisation's implementation entries (现行版本, draft state,
 * negative list) for its list editors and admin, and the drafts waiting for the caller's review (the
 * organisation admin's step, or the provincial 机构编制/法制 review).
 */
export default function ListsPage() {
  usePageTitle()
  const user = useSignedIn(LISTS_PAGE)
  const load = useCallback(() => listListEntries(), [])
  const { remote, reload } = useRemote(load, user?.userId ?? '')
  const shown = useRef(false)

  useDidShow(() => {
    if (!shown.current) {
      shown.current = true
      return
    }
    if (user) reload()
  })
  usePullDownRefresh(() => {
    reload()
    void Taro.stopPullDownRefresh()
  })

  if (!user) return <SignInRequired returnUrl={LISTS_PAGE} />
  if (remote.status === 'loading') return <StatusView kind='loading' title={S.loading} />
  if (remote.status === 'error') {
    if (remote.error.code === 'AUTH_FORBIDDEN') return <StatusView kind='empty' title={S.noPermission} description={S.noPermissionHint} actionText={S.toMine} onAction={openMineTab} />
    return <StatusView kind='error' title={remote.error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
  }
  const { entries, awaitingMyReview } = remote.data
  const maintains = !!user.staff?.permissions.some((p) => p === 'list_editor' || p === 'org_admin')

  return (
    <View className='feedback-list-page lists-page'>
      <View className='feedback-list-page__header'>
        <View className='feedback-list-page__heading'>
          <View className='feedback-list-page__title' role='heading' aria-level={1}>
            {S.title}
          </View>
          <ActionButton variant='text' size='sm' label={S.refreshLabel} onTap={reload}>
            {S.refresh}
          </ActionButton>
        </View>
        {user.staff ? <Text className='feedback-list-page__organisation'>{user.staff.organisationName}</Text> : null}
        <Text className='feedback-list-page__text'>{S.text}</Text>
      </View>

      <Section title={S.awaiting} note={awaitingMyReview.length ? S.count(awaitingMyReview.length) : undefined}>
        {awaitingMyReview.length ? <EntryList entries={awaitingMyReview} /> : <StatusView kind='empty' compact title={S.awaitingEmpty} />}
      </Section>

      {maintains ? (
        <Section title={S.own} note={S.count(entries.length)}>
          {entries.length ? <EntryList entries={entries} /> : <StatusView kind='empty' compact title={S.ownEmpty} description={S.ownEmptyHint} />}
        </Section>
      ) : null}
    </View>
  )
}
