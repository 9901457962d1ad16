import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const SUBMITTED_STRINGS = localize('pages/cases/submitted/SUBMITTED_STRINGS', {
  title: '提交成功',
  text: '您的申请已提交，工作人员将进行网上预审，结果会及时告知。',
  caseNumber: '办件编号',
  caseNumberNote: '请记下办件编号，可随时在“我的办件”中查看进度。',
  status: '当前状态',
  item: '申请事项',
  organisation: '受理单位',
  submittedAt: '提交时间',
  toDetail: '查看办件详情',
  toMine: '查看我的办件',
  toHome: '返回首页',
  missingNumber: '链接中缺少办件编号',
  loadingFacts: '正在读取办件信息…',
  factsFailed: (message: string) => `办件已提交，但暂时读不到办件信息：${message}`,
  retry: '重试',
  retryLabel: '重新读取办件信息',
  subscribeTitle: '接收办理进度通知',
  subscribeText: '受理、需补正材料、办结送达时，通过微信服务通知第一时间告诉您。',
  subscribe: '订阅办理进度通知',
  subscribing: '正在请求…',
  subscribed: '已订阅，办理进展将通过微信通知您',
  notSubscribed: '未订阅。办理进展仍会出现在“我的-消息”中，也可在“消息订阅”中重新订阅。',
} as const, en.SUBMITTED_STRINGS)
