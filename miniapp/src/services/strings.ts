import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'
/** On-screen wording that the services themselves show (dialogs, not pages). */
export const SERVICE_STRINGS = localize('services/SERVICE_STRINGS', {
  simulatedTitle: '本地模拟：是否允许发送以下通知？',
  listSeparator: '、',
  simulatedNote: '（本地开发环境没有微信订阅弹窗，此对话框代替它）',
  allow: '允许',
  refuse: '拒绝',
  portalRequestExpired: '登录请求已失效，请重新选择政务服务网账号登录',
  /** Failures that happen before the API answers (`api-error.ts`). */
  clientErrors: {
    NETWORK_UNAVAILABLE: '网络连接失败，请检查网络后重试',
    NETWORK_TIMEOUT: '网络请求超时，请稍后重试',
    RESPONSE_INVALID: '服务返回的数据有误，请稍后再试',
    UPLOAD_REJECTED: '文件上传未成功，请重新上传',
    LINK_EXPIRED: '下载链接已过期，请重新下载',
    SUBSCRIBE_UNAVAILABLE: '微信未能弹出订阅窗口，请在小程序右上角“…”-“设置”中打开“订阅消息”后重试',
  },
} as const, en.SERVICE_STRINGS)

/** The simulated subscription dialog's text: the notices' titles, then what the dialog stands in for. */
export function simulatedContent(titles: readonly string[]): string {
  return `${titles.join(SERVICE_STRINGS.listSeparator)}\n${SERVICE_STRINGS.simulatedNote}`
}
