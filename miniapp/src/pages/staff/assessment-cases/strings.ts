import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const ASSESSMENT_CASES_STRINGS = localize('pages/staff/assessment-cases/ASSESSMENT_CASES_STRINGS', {
  title: '考核相关办件',
  which: '办件范围',
  failing: '未达标的办件',
  all: '计入该指标的全部办件',
  loading: '正在加载办件…',
  retry: '重试',
  retryLabel: '重新加载办件列表',
  emptyFailing: '没有未达标的办件',
  emptyFailingHint: '该指标本期没有拖后腿的办件，可以切换查看计入该指标的全部办件',
  emptyAll: '本期暂无办件',
  emptyAllHint: '该指标本期没有计入任何办件',
  showAll: '查看全部办件',
  badLink: '链接不完整，无法确定要查看的指标',
  back: '返回网上考核',
  loadingMore: '正在加载更多…',
  loadMore: '加载更多',
  noMore: '没有更多了',
  retryMoreLabel: '重新加载下一页',
} as const, en.ASSESSMENT_CASES_STRINGS)
