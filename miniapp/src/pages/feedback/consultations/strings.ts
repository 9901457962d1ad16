import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const CONSULTATIONS_STRINGS = localize('pages/feedback/consultations/CONSULTATIONS_STRINGS', {
  title: '我的咨询',
  signInHint: '登录后查看您提出的咨询和答复',
  loading: '正在加载咨询…',
  empty: '还没有咨询',
  emptyHint: '在办事指南页面点击“我要咨询”，即可向办理单位提问',
  toItems: '去办事',
  retry: '重试',
  retryLabel: '重新加载我的咨询',
  loadingMore: '正在加载更多…',
  loadMore: '加载更多',
  noMore: '没有更多了',
  retryMoreLabel: '重新加载下一页',

  question: '问',
  answer: '答',
  organisation: '答复单位',
  askedAt: '提问时间',
  answeredAt: '答复时间',
  dueBy: (day: string) => `${day}前答复`,
  overdue: '已超过答复期限，可拨打12301反映',
} as const, en.CONSULTATIONS_STRINGS)
