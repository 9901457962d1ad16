import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const CONSULT_STRINGS = localize('pages/feedback/consult/CONSULT_STRINGS', {
  missingCode: '链接中缺少事项编码',
  toItems: '去事项列表',
  loading: '正在加载事项…',
  retry: '重试',
  retryLabel: '重新加载事项',
  signInHint: '登录后即可向办理单位咨询',
  organisation: '答复单位',
  intro: (days: number) => `您的问题将转给办理单位，一般在${days}个工作日内答复，答复后会通知您。`,
  question: '咨询内容',
  questionPlaceholder: '请写清您想了解的问题，如：材料、条件、办理时间等',
  questionHint: '请勿填写身份证号、银行卡号等个人信息',
  counter: (used: number, max: number) => `${used}/${max}`,
  counterLabel: (used: number, max: number) => `已输入${used}个字，最多${max}个字`,
  submit: '提交咨询',
  submitting: '正在提交…',
  fix: '请按提示修改后再提交',
  /** Between the problems listed in one message. */
  problemSeparator: '；',

  doneTitle: '咨询已提交',
  doneText: '办理单位答复后，您会在“消息”中收到通知，也可以在“我的咨询”中查看。',
  dueBy: '答复期限',
  dueByValue: (day: string) => `${day}前`,
  askedAt: '提交时间',
  toConsultations: '查看我的咨询',
  backToGuide: '返回办事指南',
} as const, en.CONSULT_STRINGS)
