import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const PUBLIC_ASSESSMENT_STRINGS = localize('pages/public/assessment/PUBLIC_ASSESSMENT_STRINGS', {
  title: '政务服务网上考核',
  intro: '全省及各市文化和旅游政务服务办理情况，按计划目标逐项公开，无需登录即可查看',
  filters: '地区与期间',
  region: '地区',
  province: '全省',
  regionsFailed: '地区列表加载未成功，可先查看全省数据',
  progressLink: '办件进度查询',
  progressLinkLabel: '前往办件进度查询，凭办件编号查询办理进度',
} as const, en.PUBLIC_ASSESSMENT_STRINGS)
