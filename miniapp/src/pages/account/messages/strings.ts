import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const MESSAGES_STRINGS = localize('pages/account/messages/MESSAGES_STRINGS', {
  title: '消息中心',
  unread: (n: number) => `${n}条未读`,
  allRead: '全部已读',
  loading: '正在加载消息…',
  empty: '暂无消息',
  emptyHint: '办件进度、补正通知和工作提醒都会在这里显示',
  refresh: '刷新',
  refreshLabel: '刷新消息',
  retry: '重试',
  retryLabel: '重新加载消息',
  loadingMore: '正在加载更多…',
  loadMore: '加载更多',
  noMore: '没有更多了',
  retryMoreLabel: '重新加载下一页',
  unreadTag: '未读',
  /** Between the parts of a message's spoken name. */
  labelSeparator: '，',
  cannotOpen: '该页面暂时无法打开',
} as const, en.MESSAGES_STRINGS)

/** A message's spoken name: 未读 when unread, its title, body, time and delivery note. */
export function messageLabel(title: string, body: string, time: string, unread: boolean, note: string | null): string {
  const S = MESSAGES_STRINGS
  return [unread ? S.unreadTag : '', title, body, time, note ?? ''].filter(Boolean).join(S.labelSeparator)
}
