import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const LOGIN_STRINGS = localize('pages/login/LOGIN_STRINGS', {
  title: '登录皖旅政务',
  /** The app's mark: the province's one-character name. */
  mark: '皖',
  text: '登录后可在线申请、查看办件进度、接收办理通知。',
  signedInAs: (name: string) => `当前身份：${name}`,

  // WeChat
  wechat: '微信一键登录',
  wechatBusy: '正在登录…',
  privacy: '我们仅使用微信提供的匿名标识确认您的身份，不获取您的头像、昵称和手机号码。您在办事时填写的信息仅用于办理该事项。',

  // provincial portal (single sign-on)
  portal: '政务服务网账号登录',
  portalLabel: '使用安徽政务服务网账号登录，将前往政务服务网统一身份认证',
  portalBusy: '正在前往政务服务网…',
  portalFailed: '无法前往安徽政务服务网，请稍后再试',
  portalPrivacy: '使用安徽政务服务网（统一身份认证）的实名账号登录。我们获取您已认证的姓名和身份证号码，仅用于确认身份和办事时自动填写，加密保存。',

  // local developer login
  devTitle: '本地开发登录',
  devText: '本地开发环境无法使用微信登录，请选择一个预置身份。此入口仅在本地环境提供。',
  groups: { applicant: '群众与企业', city: '市级工作人员', province: '省级工作人员' },
  personaLabel: (label: string, description: string) => `${label}，${description}`,
  personaBusy: '正在登录…',
  loading: '正在加载预置身份…',
  empty: '本地环境没有预置身份',
  retry: '重试',
  retryLabel: '重新加载预置身份',

  // H5 outside local builds
  wechatOnly: '请在微信小程序中登录',
  wechatOnlyHint: '网页版暂不支持登录。请在微信中搜索“皖旅政务”小程序，登录后即可在线办事、查看办件进度。',
  toHome: '返回首页',
} as const, en.LOGIN_STRINGS)
