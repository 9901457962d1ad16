import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const SUBSCRIPTIONS_STRINGS = localize('pages/account/subscriptions/SUBSCRIPTIONS_STRINGS', {
  title: '消息订阅',
  text: '订阅后，办理进展会通过微信服务通知及时告诉您；未订阅时，消息仍会出现在“消息”中。',
  loading: '正在加载订阅状态…',
  retry: '重试',
  retryLabel: '重新加载订阅状态',
  empty: '暂无可订阅的通知',

  applicant: '办理进度通知',
  applicantNote: '每次点“允许”，可收到一条对应的通知',
  applicantAsk: '订阅办理进度通知',
  staff: '工作提醒',
  staffNote: '开启后长期有效',
  staffAsk: '开启工作提醒',
  asking: '正在请求…',

  remaining: (n: number) => `剩余 ${n} 次`,
  on: '已开启',
  off: '未开启',
  templateLabel: (title: string, state: string, description: string) => `${title}，${state}，${description}`,

  accepted: (n: number) => `已订阅${n}项通知`,
  declined: '未订阅，可随时在此重新订阅',
  unavailable: '网页版无法订阅微信通知，消息仍会出现在“消息”中。',
  simulated: '本地开发环境：微信的订阅弹窗以对话框模拟，推送记录见“我的-微信推送记录（本地模拟）”。',
} as const, en.SUBSCRIPTIONS_STRINGS)
