import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const COMPLAINTS_STRINGS = localize('pages/staff/complaints/COMPLAINTS_STRINGS', {
  title: '投诉处理',
  text: '旅游投诉须在5个工作日内决定受理、不予受理或转办',
  loading: '正在加载投诉…',
  refresh: '刷新',
  refreshLabel: '刷新投诉列表',
  retry: '重试',
  retryLabel: '重新加载投诉列表',
  statusFilter: '状态',
  all: '全部',
  empty: '暂无投诉',
  emptyFiltered: (status: string) => `没有“${status}”的投诉`,
  emptyHint: '转到本单位的旅游投诉会出现在这里，待受理的按期限排列',
  showAll: '查看全部',
  complaintNumber: '投诉编号',
  complainant: '投诉人',
  channel: '渠道',
  submittedAt: '提交于',
  acceptBy: (date: string) => `受理期限 ${date}`,
  loadingMore: '正在加载更多…',
  loadMore: '加载更多',
  noMore: '没有更多了',
  retryMoreLabel: '重新加载下一页',
} as const, en.COMPLAINTS_STRINGS)
