import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const COMPLAINTS_STRINGS = localize('pages/feedback/complaints/COMPLAINTS_STRINGS', {
  title: '我的投诉',
  newComplaint: '我要投诉',
  signInHint: '登录后查看您的投诉和处理进度',
  loading: '正在加载投诉…',
  empty: '还没有投诉',
  emptyHint: '在旅游中遇到问题，可以在线投诉，5个工作日内告知是否受理',
  retry: '重试',
  retryLabel: '重新加载我的投诉',
  loadingMore: '正在加载更多…',
  loadMore: '加载更多',
  noMore: '没有更多了',
  retryMoreLabel: '重新加载下一页',

  complaintNumber: '投诉编号',
  organisation: '处理单位',
  submittedAt: '提交时间',
  /** A card line: a label, then its value. */
  line: (label: string, value: string) => `${label}：${value}`,
  acceptBy: (day: string) => `${day}前决定是否受理`,
  overdue: '已超过受理期限',
  label: (business: string, status: string, no: string) => `投诉${business}，${status}，投诉编号${no}`,
} as const, en.COMPLAINTS_STRINGS)
