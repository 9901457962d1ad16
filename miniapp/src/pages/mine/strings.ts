import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const MINE_STRINGS = localize('pages/mine/MINE_STRINGS', {
  // who is signed in
  signedOut: '未登录',
  signedOutText: '登录后可在线申请、查看办件进度、接收办理通知。',
  signIn: '登录',
  signInLabel: '登录皖旅政务',
  applicantText: '查看办件进度，继续填写未完成的申请。',
  staffTag: '工作人员',
  provincialAdmin: '省级管理员',
  permissionsLabel: (labels: string) => `权限：${labels}`,
  listSeparator: '、',
  signOut: '退出登录',
  signOutTitle: '退出登录',
  signOutConfirm: '退出后需要重新登录才能办事和查看办件，确定退出吗？',
  signedOutToast: '已退出登录',
  switchPersona: '切换身份',

  // verified identity (single sign-on from the provincial portal) and linking
  identity: '实名认证',
  identityVerified: '已实名认证（政务服务网）',
  identityName: (name: string) => `姓名：${name}`,
  identityNumber: (idNumber: string) => `身份证号：${idNumber}`,
  identityLabel: (name: string, idNumber: string) => `已实名认证（政务服务网），姓名${name}，身份证号${idNumber}`,
  identityMissing: '关联安徽政务服务网的实名账号后，可用政务服务网账号登录本账号，申请时自动填写本人姓名和身份证号，并查看他人为您代办的办件。',
  portalLink: '关联政务服务网实名账号',
  portalLinkLabel: '关联安徽政务服务网实名账号，将前往政务服务网统一身份认证',
  portalLinkBusy: '正在前往政务服务网…',
  portalLinkFailed: '无法前往安徽政务服务网，请稍后再试',
  wechatLink: '关联当前微信',
  wechatLinkBusy: '正在关联…',
  wechatLinked: '已关联微信，今后可直接用微信登录',

  // the workbench (staff)
  workbench: '工作台',
  workbenchText: (organisation: string) => `办理${organisation}的办件`,

  // entries
  entries: '我的服务',
  messages: '消息',
  licences: '我的证照',
  claim: '认领窗口办件',
  verify: '扫码核验证照',
  /** The unread count as shown (a number, or 99+). */
  unread: (shown: string) => `${shown}条未读`,
  /** A menu row's spoken name with its badge. */
  nameAndBadge: (name: string, badge: string) => `${name}，${badge}`,
  consultations: '我的咨询',
  complaints: '我的投诉',
  subscriptions: '消息订阅',
  bind: '工作人员绑定',
  staff: '人员管理',
  calendar: '工作日历',
  appeals: '差评申诉复核',
  assessment: '网上考核',
  reports: '上报监控',
  devPushes: '微信推送记录（本地模拟）',

  // staff reminders
  reminders: '工作提醒',
  remindersText: '新办件、办件临近时限和差评，通过微信及时提醒您。',
  remindersAsk: '开启工作提醒',
  remindersOn: '已开启工作提醒',
  remindersOff: '未开启工作提醒，可在“消息订阅”中重新开启',

  // lists
  signInPrompt: '登录后查看草稿和办件',
  signInPromptHint: '您在网上申请的事项和未完成的草稿都会显示在这里',
  drafts: '我的草稿',
  draftsNote: (n: number) => `${n}份`,
  draftsLoading: '正在加载草稿…',
  draftsEmpty: '没有未完成的申请',
  draftsRetryLabel: '重新加载我的草稿',
  cases: '我的办件',
  casesLoading: '正在加载办件…',
  casesEmpty: '还没有办件',
  casesEmptyHint: '在办事指南中点击“在线申请”即可网上办理',
  toItems: '去办事',
  retry: '重试',
  casesRetryLabel: '重新加载我的办件',
  loadingMore: '正在加载更多…',
  loadMore: '加载更多',
  noMore: '没有更多了',
  retryMoreLabel: '重新加载下一页',
  hotline: '旅游服务热线',
  hotlineNumber: '12301',
  department: '安徽省文化和旅游厅',
  /** The app's mark (the province's one-character name) and the workbench's. */
  mark: '皖',
  workbenchMark: '办',
} as const, en.MINE_STRINGS)
