import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const PUSHES_STRINGS = localize('pages/dev/pushes/PUSHES_STRINGS', {
  title: '微信推送记录（本地模拟）',
  text: '本地开发环境没有真正的微信推送。这里列出后端发给本地微信接口替身的订阅消息，最新的在前。',
  notConfigured: '未配置本地微信接口替身',
  notConfiguredHint: '构建时设置 TARO_APP_WECHAT_STANDIN 为替身的地址后，推送记录会显示在这里。',
  loading: '正在读取推送记录…',
  empty: '还没有推送',
  emptyHint: '工作人员或群众在“消息订阅”中允许接收通知后，相关办件事件的微信推送会显示在这里。',
  refresh: '刷新',
  refreshLabel: '刷新推送记录',
  retry: '重试',
  retryLabel: '重新读取推送记录',
  count: (n: number) => `共${n}条`,
  recipient: '接收人 openid',
  page: '跳转页面',
  /** A push's detail line: a label, then its value. */
  line: (label: string, value: string) => `${label}：${value}`,
  unknownTemplate: (id: string) => `未知模板（${id}）`,
  unknownTime: '时间未知',
} as const, en.PUSHES_STRINGS)
