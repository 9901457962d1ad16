import Taro, { useDidShow } from '@tarojs/taro'
import type { CaseSummary, DraftSummary } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { ListFooter } from '@/components/list-footer'
import { PhoneLink } from '@/components/phone-link'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { refreshMe, unreadCount } from '@/features/account/api'
import { BIND_PAGE, DEV_PUSHES_PAGE, MESSAGES_PAGE, openPage, STAFF_PAGE, SUBSCRIPTIONS_PAGE } from '@/features/account/routes'
import { ASSESSMENT_PAGE } from '@/features/assessment/routes'
import { openItemsTab } from '@/features/catalog/routes'
import { listCases, listDrafts } from '@/features/cases/api'
import { CaseCard, DraftCard } from '@/features/cases/case-card'
import { CLAIM_PAGE, MINE_TAB } from '@/features/cases/routes'
import { COMPLAINTS_PAGE, CONSULTATIONS_PAGE } from '@/features/feedback/routes'
import { CALENDAR_PAGE, INBOX_PAGE, RECTIFICATIONS_PAGE, REPORTS_PAGE } from '@/features/staff/routes'
import { LanguageSwitch } from '@/features/language/language-switch'
import { LICENCES_PAGE, openVerify } from '@/features/licences/routes'
import { DisplaySettings } from '@/features/preferences/elder-switch'
import { useCursorPages } from '@/hooks/use-cursor-pages'
import { useInfiniteScroll } from '@/hooks/use-infinite-scroll'
import { useSessionUser } from '@/hooks/use-session'
import { toApiError } from '@/services/api-error'
import { DEV_LOGIN, IS_WEAPP } from '@/services/config'
import { openLogin } from '@/services/login-route'
import { signInQuietly, signOut } from '@/services/session'
import { askToSubscribe, prepareSubscriptions, STAFF_TEMPLATE_KEYS, SUBSCRIBE_AVAILABLE } from '@/services/subscribe'
import { AccountHeader } from './account-header'
import { AccountMenu, type MenuEntry } from './account-menu'
import { VerifiedIdentity } from './verified-identity'
import { WorkbenchEntry } from './workbench-entry'
import { MINE_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import './index.scss'

const PAGE_SIZE = 10
const LIST_END_ID = 'mine-cases-end'

const NOTHING = { items: [], nextCursor: null }

/**
 * 我的: who is signed in (with 退出登录, and 切换身份 in local builds), 工作台 for staff, the account's
 * pages (消息 with the unread count, 我的证照, 我的咨询, 我的投诉, 消息订阅, 工作人员绑定, 人员管理, 工作日历),
 * 扫码核验证照 (also signed out), and — once signed in — unfinished applications
 * (drafts) and the applicant's cases, newest first, with infinite scroll.
 */
export default function MinePage() {
  usePageTitle()
  const user = useSessionUser()
  const userId = user?.userId ?? ''
  const loadCases = useCallback(
    (cursor: string | null) =>
      userId ? listCases({ limit: PAGE_SIZE, cursor }).then(({ cases, nextCursor }) => ({ items: cases, nextCursor })) : Promise.resolve(NOTHING),
    [userId],
  )
  const loadDrafts = useCallback(
    () => (userId ? listDrafts().then((drafts) => ({ items: drafts, nextCursor: null })) : Promise.resolve(NOTHING)),
    [userId],
  )
  // A new user (sign-in, switch, sign-out) starts both lists over.
  const cases = useCursorPages<CaseSummary>(loadCases, `cases:${userId}`)
  const drafts = useCursorPages<DraftSummary>(loadDrafts, `drafts:${userId}`)
  const [unread, setUnread] = useState<number | null>(null)
  const [reminders, setReminders] = useState<'idle' | 'asking'>('idle')
  const shown = useRef(false)

  // WeChat signs in without a tap; a browser waits for the user to choose 登录.
  useEffect(() => {
    void signInQuietly()
  }, [])

  const refreshAccount = useCallback(() => {
    if (!userId) return
    // Roles can change while the session lasts (bound, revoked): the header follows.
    void refreshMe().catch(() => undefined)
    unreadCount().then(setUnread, () => setUnread(null))
  }, [userId])

  useEffect(() => {
    setUnread(null)
    refreshAccount()
  }, [refreshAccount])

  useEffect(() => {
    if (user?.staff) prepareSubscriptions()
  }, [user?.staff])

  // Back from applying, a case or a message: refresh without blanking what is on screen.
  useDidShow(() => {
    if (!shown.current) {
      shown.current = true
      return
    }
    if (!userId) return
    cases.reload(true)
    drafts.reload(true)
    refreshAccount()
  })

  const { pages } = cases
  useInfiniteScroll(LIST_END_ID, cases.loadMore, !!userId && pages.status === 'ready' && pages.hasMore)

  const confirmSignOut = async () => {
    const { confirm } = await Taro.showModal({ title: S.signOutTitle, content: S.signOutConfirm, confirmColor: '#b42318' })
    if (!confirm) return
    await signOut()
    void Taro.showToast({ title: S.signedOutToast, icon: 'none' })
  }

  const askReminders = () => {
    if (reminders === 'asking') return
    setReminders('asking')
    askToSubscribe(STAFF_TEMPLATE_KEYS).then(
      (outcome) => {
        setReminders('idle')
        if (outcome.status !== 'answered') return
        void Taro.showToast({ title: outcome.accepted.length ? S.remindersOn : S.remindersOff, icon: 'none' })
      },
      (error: unknown) => {
        setReminders('idle')
        void Taro.showToast({ title: toApiError(error).message, icon: 'none' })
      },
    )
  }

  const entries: MenuEntry[] = []
  if (user) {
    entries.push({ key: 'messages', name: S.messages, badge: unread ? S.unread(unread > 99 ? '99+' : String(unread)) : undefined, onTap: () => openPage(MESSAGES_PAGE) })
    entries.push({ key: 'licences', name: S.licences, onTap: () => openPage(LICENCES_PAGE) })
    // A case entered for this person at a hall window joins 我的办件 once claimed with the receipt's code.
    entries.push({ key: 'claim', name: S.claim, onTap: () => openPage(CLAIM_PAGE) })
    entries.push({ key: 'consultations', name: S.consultations, onTap: () => openPage(CONSULTATIONS_PAGE) })
    entries.push({ key: 'complaints', name: S.complaints, onTap: () => openPage(COMPLAINTS_PAGE) })
    entries.push({ key: 'subscriptions', name: S.subscriptions, onTap: () => openPage(SUBSCRIPTIONS_PAGE) })
    if (!user.staff) entries.push({ key: 'bind', name: S.bind, onTap: () => openPage(BIND_PAGE) })
    if (user.provincialAdmin || user.staff?.permissions.includes('org_admin')) {
      entries.push({ key: 'staff', name: S.staff, onTap: () => openPage(STAFF_PAGE) })
    }
    if (user.provincialAdmin) entries.push({ key: 'calendar', name: S.calendar, onTap: () => openPage(CALENDAR_PAGE) })
    // Administrators without an organisation of their own reach the appeals only from here (staff: from 工作台).
    if (user.provincialAdmin && !user.staff) entries.push({ key: 'appeals', name: S.appeals, onTap: () => openPage(RECTIFICATIONS_PAGE) })
    if (user.provincialAdmin && !user.staff) entries.push({ key: 'assessment', name: S.assessment, onTap: () => openPage(ASSESSMENT_PAGE) })
    if (user.provincialAdmin && !user.staff) entries.push({ key: 'reports', name: S.reports, onTap: () => openPage(REPORTS_PAGE) })
  }
  // Verifying someone else's licence needs no sign-in.
  entries.push({ key: 'verify', name: S.verify, onTap: openVerify })
  if (DEV_LOGIN) entries.push({ key: 'dev-pushes', name: S.devPushes, onTap: () => openPage(DEV_PUSHES_PAGE) })

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
        <ListFooter className='mine__footer' id={LIST_END_ID} pages={pages} onMore={cases.loadMore} strings={S} />
      </>
    )
  }

  const draftCount = drafts.pages.status === 'ready' ? drafts.pages.items.length : 0

  return (
    <View className='mine'>
      <AccountHeader
        user={user}
        onSignIn={() => openLogin(MINE_TAB)}
        onSignOut={() => void confirmSignOut()}
        onSwitch={DEV_LOGIN && !IS_WEAPP ? () => openLogin(MINE_TAB) : undefined}
      />

      {user ? <VerifiedIdentity user={user} /> : null}

      {user?.staff ? <WorkbenchEntry organisation={user.staff.organisationName} onOpen={() => openPage(INBOX_PAGE)} /> : null}

      <AccountMenu entries={entries} label={S.entries} />

      <DisplaySettings />

      <LanguageSwitch variant='row' />

      {user?.staff && SUBSCRIBE_AVAILABLE ? (
        <Section title={S.reminders}>
          <Text className='mine__reminders-text'>{S.remindersText}</Text>
          <ActionButton block variant='secondary' disabled={reminders === 'asking'} onTap={askReminders}>
            {S.remindersAsk}
          </ActionButton>
        </Section>
      ) : null}

      {user ? (
        <>
          <Section title={S.drafts} note={draftCount ? S.draftsNote(draftCount) : undefined} flush>
            {renderDrafts()}
          </Section>

          <Section title={S.cases} flush>
            {renderCases()}
          </Section>
        </>
      ) : (
        <Section title={S.cases}>
          <StatusView
            kind='empty'
            compact
            title={S.signInPrompt}
            description={S.signInPromptHint}
            actionText={S.signIn}
            actionLabel={S.signInLabel}
            onAction={() => openLogin(MINE_TAB)}
          />
        </Section>
      )}

      <View className='mine__contact'>
        <Text className='mine__contact-text'>{S.hotline}</Text>
        <PhoneLink phone={S.hotlineNumber} purpose={S.hotline} />
        <Text className='mine__department'>{S.department}</Text>
      </View>
    </View>
  )
}
