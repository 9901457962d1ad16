import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'
/** On-screen wording that the services themselves show (dialogs, not pages). */
export const SERVICE_STRINGS = localize('services/SERVICE_STRINGS', {
  simulatedTitle: '本地模拟：是否允许发送以下通知？',
  simulatedContent: (titles: string[]) => `${titles.join('、')}\n（本地开发环境没有微信订阅弹窗，此对话框代替它）`,
  allow: '允许',
  refuse: '拒绝',
} as const, en.SERVICE_STRINGS)
