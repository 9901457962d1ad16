import { localize } from './catalogue'
import en from './titles.en.json'

/**
 * Each page's title: the Chinese is the page's `navigationBarTitleText` (its index.config.ts, which the
 * build puts in the page's configuration; a test keeps the two the same), the English is set when the
 * page shows (`usePageTitle`).
 */
export const PAGE_TITLES = localize('titles/PAGE_TITLES', {
  'pages/account/bind/index': '工作人员绑定',
  'pages/account/messages/index': '消息',
  'pages/account/staff/index': '人员管理',
  'pages/account/subscriptions/index': '消息订阅',
  'pages/cases/apply/index': '在线申请',
  'pages/cases/claim/index': '认领窗口办件',
  'pages/cases/detail/index': '办件详情',
  'pages/cases/document/index': '文书',
  'pages/cases/intake/index': '窗口受理',
  'pages/cases/submitted/index': '提交成功',
  'pages/dev/pushes/index': '微信推送记录',
  'pages/feedback/complaint-detail/index': '投诉详情',
  'pages/feedback/complaint/index': '旅游投诉',
  'pages/feedback/complaints/index': '我的投诉',
  'pages/feedback/consult/index': '我要咨询',
  'pages/feedback/consultations/index': '我的咨询',
  'pages/feedback/evaluate/index': '服务评价',
  'pages/guide/index': '办事指南',
  'pages/home/index': '皖旅政务',
  'pages/items/index': '办事',
  'pages/licences/detail/index': '电子证照',
  'pages/licences/index': '我的证照',
  'pages/licences/verify/index': '电子证照核验',
  'pages/login/index': '登录',
  'pages/mine/index': '我的',
  'pages/public/assessment/index': '网上考核公开',
  'pages/public/progress/index': '办件进度查询',
  'pages/registry/agencies/index': '旅行社名录',
  'pages/registry/agency/index': '旅行社详情',
  'pages/registry/guides/index': '导游名录',
  'pages/scenario/index': '一件事',
  'pages/staff/assessment-cases/index': '考核相关办件',
  'pages/staff/assessment-items/index': '考核相关事项',
  'pages/staff/assessment/index': '网上考核',
  'pages/staff/calendar/index': '工作日历',
  'pages/staff/case/index': '办件办理',
  'pages/staff/complaint/index': '投诉处理',
  'pages/staff/complaints/index': '投诉处理',
  'pages/staff/consultations/index': '咨询答复',
  'pages/staff/document/index': '文书',
  'pages/staff/inbox/index': '工作台',
  'pages/staff/licence/index': '证照管理',
  'pages/staff/list-edit/index': '清单条目',
  'pages/staff/lists/index': '清单维护',
  'pages/staff/national-import/index': '导入全国平台办件',
  'pages/staff/record/index': '代为登记',
  'pages/staff/rectification/index': '差评整改',
  'pages/staff/rectifications/index': '差评整改',
  'pages/staff/reports/index': '上报监控',
  'pages/staff/stats/index': '痛点赞点',
} as const, en.PAGE_TITLES)

/** The tab bar's labels, in app.config.ts's order. */
export const TAB_TITLES = localize('titles/TAB_TITLES', { home: '首页', items: '办事', mine: '我的' } as const, en.TAB_TITLES)
