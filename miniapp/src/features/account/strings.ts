import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'
/** Wording shared by the pages that need a user. */
export const ACCOUNT_STRINGS = localize('features/account/ACCOUNT_STRINGS', {
  signInRequired: '请先登录',
  portalSigningIn: '正在通过安徽政务服务网登录…',
  signInRequiredHint: '登录后即可使用此功能',
  signIn: '去登录',
  signInLabel: '去登录皖旅政务',
} as const, en.ACCOUNT_STRINGS)
