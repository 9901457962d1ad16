import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const ASSESSMENT_PAGE_STRINGS = localize('pages/staff/assessment/ASSESSMENT_PAGE_STRINGS', {
  title: '网上考核',
  text: '按计划目标统计网上办理、跑动次数、时效、一次性告知和评价整改情况，点按指标可查看相关办件',
  filters: '考核范围与期间',
  scope: '考核范围',
  scopes: { province: '全省', own: '本单位', city: '本市', byCity: '按市', byOrganisation: '按单位' },
  city: '选择市',
  cityPlaceholder: '请选择市',
  regionsLoading: '正在加载地区…',
  organisation: '选择单位',
  organisationLabel: '选择单位所在地区',
  chooseFirst: '请先选择要查看的市或单位',
  notAllowed: '仅工作人员可以查看网上考核',
  notAllowedHint: '如需查看，请联系本单位管理员开通“单位管理员”权限',
  toMine: '返回我的',
  export: '导出 CSV',
  exportLabel: (scope: string) => `导出${scope}的考核数据（CSV 文件）`,
  exporting: '正在导出…',
  exported: '已导出',
  exportFailed: '导出未成功',
  backToOwn: '返回本单位',
} as const, en.ASSESSMENT_PAGE_STRINGS)
