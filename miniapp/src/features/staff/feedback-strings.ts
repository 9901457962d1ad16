import { localize } from '@/i18n/catalogue'
import en from './feedback-strings.en.json'
/** Wording shared by the staff's feedback pages (差评整改, 投诉处理, 咨询答复, 痛点赞点, 代为登记). */
export const FEEDBACK_STRINGS = localize('features/staff/FEEDBACK_STRINGS', {
  overdue: '已超期',
  calledBack: '已回访',
  notCalledBack: '未回访',
  due: (date: string) => `截止 ${date}`,
  history: '处理记录',
  noHistory: '暂无处理记录',
  historyNote: (text: string) => `说明：${text}`,
  notStaff: '仅向工作人员开放',
  notStaffHint: '绑定工作人员身份后，即可在这里处理本单位的评价、投诉和咨询',
  toMine: '返回我的',
  retry: '重试',
  loadingMore: '正在加载更多…',
  loadMore: '加载更多',
  noMore: '没有更多了',
  retryMoreLabel: '重新加载下一页',
  submitting: '正在提交…',
  cancel: '取消',
  tooLong: (max: number) => `不超过 ${max} 个字`,
  fixProblems: '请按提示补充后再提交',
} as const, en.FEEDBACK_STRINGS)
