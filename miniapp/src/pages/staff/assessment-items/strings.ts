import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const ASSESSMENT_ITEMS_STRINGS = localize('pages/staff/assessment-items/ASSESSMENT_ITEMS_STRINGS', {
  title: '考核相关事项',
  which: '事项范围',
  failing: '未达标的事项',
  all: '全部',
  snapshot: '按当前已发布的事项统计，与所选月份无关',
  counts: (counted: number, failing: number) => `计入该指标 ${counted} 项，其中未达标 ${failing} 项`,
  loading: '正在加载事项…',
  retry: '重试',
  retryLabel: '重新加载事项列表',
  emptyFailing: '没有未达标的事项',
  emptyFailingHint: '该指标下所有事项均已达标，可以切换查看计入该指标的全部事项',
  emptyAll: '暂无计入该指标的事项',
  emptyAllHint: '该范围内没有已发布的、计入该指标的事项',
  showAll: '查看全部事项',
  badLink: '链接不完整，无法确定要查看的指标',
  back: '返回网上考核',
  failingMark: '未达标',
  metMark: '达标',
  negativeListed: '列入负面清单',
  reason: (reason: string) => `须到现场的原因：${reason}`,
  truncated: (shown: number) => `事项较多，仅列出前 ${shown} 项；请缩小考核范围查看`,
  partSeparator: '，',
  itemLink: (summary: string) => `${summary}，查看办事指南`,
} as const, en.ASSESSMENT_ITEMS_STRINGS)
