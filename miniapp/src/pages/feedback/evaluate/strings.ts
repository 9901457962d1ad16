import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const EVALUATE_STRINGS = localize('pages/feedback/evaluate/EVALUATE_STRINGS', {
  missingSubject: '链接中缺少办件编号或投诉编号',
  toMine: '返回我的',
  loading: '正在加载…',
  retry: '重试',
  retryLabel: '重新加载评价对象',
  signInHint: '登录后即可评价办理情况',
  caseTitle: '评价本次服务',
  complaintTitle: '评价投诉处理情况',
  caseNumber: '办件编号',
  complaintNumber: '投诉编号',
  organisation: '办理单位',
  complaintAbout: (business: string) => `投诉：${business}`,
  alreadyGiven: '您已评价过，每件事只能评价一次',
  notOpen: '办结后才能评价，请在办结后再来',
  back: '返回查看',
  done: '评价已提交',
} as const, en.EVALUATE_STRINGS)
