import type { FigureKey } from '@ah-tourism/shared'
import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const ASSESSMENT_STRINGS = localize('features/assessment/ASSESSMENT_STRINGS', {
  period: '统计期间',
  presets: { month: '本月', quarter: '本季度', year: '本年', custom: '自定义' },
  from: '起始月份',
  to: '截止月份',
  monthPlaceholder: '请选择月份',
  applyRange: '查看该期间',
  asOf: (time: string) => `数据更新于 ${time}（办件数据约有数分钟延迟）`,
  asOfNever: '本期尚无统计数据',
  empty: '本期暂无办件',
  emptyHint: '可以选择更长的统计期间，或查看其他地区、单位',
  loading: '正在加载考核数据…',
  retry: '重试',
  retryLabel: '重新加载考核数据',
  target: '目标',
  openCases: '查看办件',
  figureLink: (sentence: string) => `${sentence}，查看相关办件`,
  openItems: '查看事项',
  itemsLink: (sentence: string) => `${sentence}，查看相关事项`,
  chartsTitle: '图表',
  chartFigure: '图表指标',
  trendTitle: (label: string) => `${label}（逐月）`,
  childrenTitle: (label: string, level: string) => `${label}（各${level}对比）`,
  month: '月份',
  noTrend: '本期各月暂无该指标数据',
  trendHint: '图表较宽时可左右滑动；各月数值见图下表格',
  noChildren: '暂无下级数据',
  openChild: (name: string) => `查看${name}的考核`,
  tapChildHint: '点按柱形或表格中的名称，查看其考核详情；图表较宽时可左右滑动',
  childLevel: { city: '市', organisation: '单位' },
  childHeader: { city: '地区', organisation: '单位' },
} as const, en.ASSESSMENT_STRINGS)

/** The report's words computed outside the screens (report.ts, the month inputs, the export). */
export const REPORT_STRINGS = localize('features/assessment/REPORT_STRINGS', {
  chooseFrom: '请选择起始月份',
  chooseTo: '请选择截止月份',
  toBeforeFrom: '截止月份不能早于起始月份',
  fromAfterNow: '起始月份不能晚于本月',
  tooManyMonths: (max: number) => `一次最多统计${max}个月，请缩短期间`,
  /** Month names, January first. */
  monthNames: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
  /** A month with its year: the year and one of monthNames. */
  yearMonth: (year: string, monthName: string) => `${year}年${monthName}`,
  year: (year: string) => `${year}年`,
  rangeDash: '—',
  groups: { online: '网上办理', visits: '跑动次数', time: '时效', notice: '一次性告知', evaluation: '评价与整改' },
  /** "412 / 430 件": the denominator first (it decides the noun's number), then the numerator. */
  fraction: {
    items: (denominator: number, numerator: number) => `${numerator} / ${denominator} 项`,
    evaluations: (denominator: number, numerator: number) => `${numerator} / ${denominator} 条`,
    notices: (denominator: number, numerator: number) => `${numerator} / ${denominator} 份`,
    cases: (denominator: number, numerator: number) => `${numerator} / ${denominator} 件`,
  },
  /** "共 68 个工作日 / 20 件": the number of cases first, then the total of working days in words. */
  daysFraction: (cases: number, days: string) => `共 ${days} 个工作日 / ${cases} 件`,
  workingDays: (days: string) => `${days} 个工作日`,
  targetAtLeast: (value: string) => `目标 ≥ ${value}`,
  targetAtMost: (value: string) => `目标 ≤ ${value}`,
  targetZero: '目标 0',
  verdicts: { nodata: '暂无数据', met: '达标', missed: '未达标', none: '不设目标' },
  sentenceSeparator: '，',
  pledges: { online: '网上办理', visits: '最多跑一次', notice: '一次性告知', noticeOnTime: '一次性告知 按时率' },
  yearPlaceholder: '年',
  monthPlaceholder: '月',
  yearLabel: (label: string) => `${label}（年）`,
  monthLabel: (label: string) => `${label}（月）`,
  /** A month picker's spoken name: its label, then the month chosen or the placeholder. */
  pickerLabel: (label: string, value: string) => `${label}，${value}`,
  exportFileName: (scopeName: string, from: string, to: string) => `网上考核_${scopeName}_${from}_${to}.csv`,
  exportReady: '考核数据已生成',
  exportHint: (fileName: string) => `${fileName}\n发送到微信聊天后，可在电脑上用表格软件打开。`,
  sendToChat: '发送到聊天',
  cancel: '取消',
} as const, en.REPORT_STRINGS)

/** The figures' names and what they count (the same Chinese as FIGURES in shared, which the server writes into reports). */
export const FIGURE_NAMES: Record<FigureKey, { label: string; description: string }> = localize('features/assessment/FIGURE_NAMES', {
  itemsOnline: { label: '可网办事项占比', description: '已发布事项中可网上办理（网上办理深度达到网上受理）的比例' },
  casesOnline: { label: '网上申请办件占比', description: '期间提交的办件中通过网上渠道（小程序、政务服务网）申请的比例，窗口收件计入分母' },
  itemsAtMostOneVisit: { label: '最多跑一次事项占比', description: '已发布事项中到现场次数不超过1次的比例' },
  itemsZeroVisit: { label: '零跑腿事项占比', description: '已发布事项中到现场次数为0的比例（负面清单外事项应全部零跑腿）' },
  itemsZeroVisitOutsideNegativeList: { label: '负面清单外零跑腿达标率', description: '未列入网上审批负面清单的事项中到现场次数为0的比例' },
  visitsBooked: { label: '预约到现场次数', description: '期间办件中申请人预约到现场（现场核验、领取结果）的次数' },
  onTimeRate: { label: '按时办结率', description: '期间办结的办件中在承诺办结时限内办结的比例' },
  averageWorkingDays: { label: '平均办理用时', description: '期间办结的办件从受理到办结的平均工作日' },
  averagePromisedDays: { label: '平均承诺时限', description: '同一批办件的平均承诺办结时限（工作日），与平均办理用时对照' },
  publicServiceWithinOneDay: { label: '公共服务事项1个工作日内办结率', description: '期间办结的公共服务事项办件中1个工作日内办结的比例' },
  noticesWithinFiveDays: { label: '一次性告知按时率', description: '期间发出的一次性告知（补正告知）中在提交后5个工作日内发出的比例' },
  satisfactionRate: { label: '满意率', description: '期间有效评价中非常满意、满意、基本满意的比例' },
  rectificationRate: { label: '差评整改率', description: '期间差评中已整改办结的比例' },
  callbackRate: { label: '差评回访率', description: '期间实名差评中已回访的比例' },
  overdueCases: { label: '超期办件', description: '期间超过承诺办结时限（含超期后办结）的办件数' },
  overdueRectifications: { label: '超期整改', description: '期间超过整改时限的差评整改数' },
}, en.FIGURE_NAMES)
