import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const STATS_STRINGS = localize('pages/staff/stats/STATS_STRINGS', {
  title: '痛点赞点',
  text: '依据好差评统计群众反映集中的问题（痛点）和认可的做法（赞点），以及差评整改情况',
  loading: '正在统计…',
  retry: '重试',
  retryLabel: '重新统计',

  // filters
  filters: '统计范围',
  from: '开始日期',
  to: '结束日期',
  datePlaceholder: '请选择日期',
  item: '事项实施编码',
  itemPlaceholder: '35位实施编码，不填则统计全部事项',
  itemHint: '可在办事指南中查看实施编码',
  organisation: '单位所在地区',
  organisationLabel: '要统计的单位所在地区',
  organisationHint: '不选则统计本单位',
  ownOrganisation: '回到本单位',
  apply: '统计',
  issues: {
    from: '请选择开始日期',
    to: '请选择结束日期',
    order: '结束日期不能早于开始日期',
    item: '实施编码为35位数字和大写字母，请核对',
    organisation: '请选择要统计的单位',
  },
  chooseFirst: '请选择要统计的单位',
  chooseFirstHint: '在上方选择单位所在地区后点“统计”',

  // results
  scope: (organisation: string, from: string, to: string) => `${organisation} · ${from} 至 ${to}`,
  total: '有效评价',
  voided: (n: number) => `另有 ${n} 条差评经申诉复核成立，不计入统计`,
  satisfaction: '满意率',
  satisfactionNote: '非常满意、满意、基本满意的占比',
  badReviews: '差评',
  noRate: '暂无',
  cardLabel: (title: string, value: string) => `${title}：${value}`,

  distribution: '评价分布',
  dimensions: '分项评价',
  dimensionsNote: '满分5分',
  painTags: '痛点：差评问题',
  painKeywords: '痛点：差评关键词',
  praiseTags: '赞点：好评亮点',
  praiseKeywords: '赞点：好评关键词',
  channels: '评价渠道',
  none: '暂无数据',
  count: (n: number) => `${n} 条`,
  times: (n: number) => `${n} 次`,
  noAverage: '暂无评价',
  /** An average score (one decimal, in words) and how many ratings it averages. */
  average: (score: string, count: number) => `${score} 分（${count} 条）`,
  barLabel: (label: string, value: string) => `${label}：${value}`,

  rectification: '差评整改',
  rectTotal: '整改任务',
  rectOpen: '待办',
  rectOverdue: '已超期',
  rectCalledBack: '已回访',
  rectCallBackRate: '回访率',

  items: '分事项统计',
  itemsNote: '按评价数排列',
  itemName: '事项',
  itemTotal: '评价',
  itemBad: '差评',
  itemRate: '满意率',
  noItems: '该范围内没有评价',
} as const, en.STATS_STRINGS)
