import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { Message } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { ListFooter } from '@/components/list-footer'
import { StatusView } from '@/components/status-view'
import { listMessages, markMessageRead } from '@/features/account/api'
import { PUSH_NOTES } from '@/features/account/labels'
import { MESSAGES_PAGE } from '@/features/account/routes'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { chinaDateTime } from '@/features/cases/format'
import { caseUrl } from '@/features/cases/routes'
import { staffCaseUrl } from '@/features/staff/routes'
import { useCursorPages } from '@/hooks/use-cursor-pages'
import { useInfiniteScroll } from '@/hooks/use-infinite-scroll'
import { MESSAGES_STRINGS as S, messageLabel } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import './index.scss'

const PAGE_SIZE = 20
const LIST_END_ID = 'messages-end'
const TAB_PAGES = ['/pages/home/index', '/pages/items/index', '/pages/mine/index']

/**
 * The page a message opens, as an app URL. A case link always opens the applicant's case detail;
 * staff messages carry no page, so for staff a message about a case opens the staff case page.
 */
function targetOf(message: Message, staff: boolean): string | null {
  if (!message.page) return staff && message.caseNumber ? staffCaseUrl(message.caseNumber) : null
  const page = message.page.startsWith('/') ? message.page : `/${message.page}`
  if (page.startsWith('/pages/cases/detail/index') && message.caseNumber) return caseUrl(message.caseNumber)
  return page
}

async function open(url: string): Promise<void> {
  const path = url.split('?')[0] ?? url
  try {
    if (TAB_PAGES.includes(path)) await Taro.switchTab({ url: path })
    else await Taro.navigateTo({ url })
  } catch {
    void Taro.showToast({ title: S.cannotOpen, icon: 'none' })
  }
}

/** A message with a page to open is a link; one without is a button that marks it read. */
function MessageRow({ message, read, staff, onOpen }: { message: Message; read: boolean; staff: boolean; onOpen: (message: Message) => void }) {
  const time = chinaDateTime(message.createdAt)
  const note = PUSH_NOTES[message.push] ?? null
  const role = targetOf(message, staff) ? 'link' : 'button'
  return (
    <View
      className={`message${read ? '' : ' message--unread'}`}
      hoverClass='message--pressed'
      onClick={() => onOpen(message)}
    >
      <View className='message__top'>
        {read ? null : <View className='message__dot' aria-hidden='true' />}
        {/* The whole row takes the tap; the link or button (its spoken name holds the words shown) is the title. */}
        <Text className='message__title' role={role} aria-role={role} aria-label={messageLabel(message.title, message.body, time, !read, note)}>
          {message.title}
        </Text>
        <Text className='message__time'>{time}</Text>
      </View>
      <Text className='message__body'>{message.body}</Text>
      {note ? <Text className='message__note'>{note}</Text> : null}
    </View>
  )
}

/** 消息中心: pages/account/messages/index — the user's messages, newest first; a tap marks one read and opens it. */
export default function MessagesPage() {
  usePageTitle()
  const user = useSignedIn(MESSAGES_PAGE)
  const userId = user?.userId ?? ''
  const staff = !!user?.staff
  const [unread, setUnread] = useState(0)
  const [readHere, setReadHere] = useState<Record<string, true>>({})
  const load = useCallback(
    (cursor: string | null) =>
      userId
        ? listMessages({ limit: PAGE_SIZE, cursor }).then((page) => {
            setUnread(page.unread)
            return { items: page.items, nextCursor: page.nextCursor }
          })
        : Promise.resolve({ items: [] as Message[], nextCursor: null }),
    [userId],
  )
  const messages = useCursorPages<Message>(load, `messages:${userId}`)
  const { pages } = messages
  useInfiniteScroll(LIST_END_ID, messages.loadMore, !!userId && pages.status === 'ready' && pages.hasMore)

  const refresh = () => {
    setReadHere({})
    messages.reload(true)
  }

  // Back from signing in again (the session had run out) or from a message's page.
  useDidShow(() => {
    if (userId && pages.status === 'error') messages.reload()
  })

  usePullDownRefresh(() => {
    refresh()
    void Taro.stopPullDownRefresh()
  })

  const openMessage = (message: Message) => {
    if (!message.readAt && !readHere[message.messageId]) {
      setReadHere((previous) => ({ ...previous, [message.messageId]: true }))
      setUnread((n) => Math.max(0, n - 1))
      // Best effort: the message shows as read here; the server catches up on the next try.
      void markMessageRead(message.messageId).catch(() => undefined)
    }
    const target = targetOf(message, staff)
    if (target) void open(target)
  }

  if (!user) return <SignInRequired returnUrl={MESSAGES_PAGE} />
  if (pages.status === 'loading') return <StatusView kind='loading' title={S.loading} />
  if (pages.status === 'error') {
    return <StatusView kind='error' title={pages.error?.message ?? ''} actionText={S.retry} actionLabel={S.retryLabel} onAction={() => messages.reload()} />
  }
  if (!pages.items.length) return <StatusView kind='empty' title={S.empty} description={S.emptyHint} actionText={S.refresh} actionLabel={S.refreshLabel} onAction={refresh} />

  return (
    <View className='messages'>
      <View className='messages__header'>
        <View className='messages__title' role='heading' aria-level={1}>
          {S.title}
        </View>
        <View className='messages__header-end'>
          <Text className='messages__unread' aria-live='polite'>
            {unread ? S.unread(unread) : S.allRead}
          </Text>
          <ActionButton variant='text' size='sm' label={S.refreshLabel} onTap={refresh}>
            {S.refresh}
          </ActionButton>
        </View>
      </View>
      <View className='messages__list' role='list'>
        {pages.items.map((message) => (
          <View key={message.messageId} className='messages__row' role='listitem'>
            <MessageRow message={message} read={!!message.readAt || !!readHere[message.messageId]} staff={staff} onOpen={openMessage} />
          </View>
        ))}
      </View>
      <ListFooter id={LIST_END_ID} pages={pages} onMore={messages.loadMore} strings={S} />
    </View>
  )
}
