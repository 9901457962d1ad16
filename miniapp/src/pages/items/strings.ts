import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const ITEMS_STRINGS = localize('pages/items/ITEMS_STRINGS', {
  // Differs from the home page's field: both tab pages stay mounted in H5.
  searchPlaceholder: '输入事项名称或关键词',
  searchLabel: '在事项列表中搜索',
  searchSubmit: '搜索',
  searchClear: '清除搜索内容',
  typeFilter: '类型',
  themeFilter: '主题',
  allTypes: '全部',
  allThemes: '全部',
  clearFilters: '清除筛选',
  clearFiltersLabel: '清除全部筛选条件',
  resultFor: (keyword: string) => `“${keyword}”的搜索结果`,
  regionItems: (region: string) => `${region}的事项`,
  loading: '正在加载事项…',
  searching: '正在全省搜索…',
  retrySearchLabel: '重新搜索',
  empty: '没有找到符合条件的事项',
  emptyHint: '请换个关键词，或清除筛选条件后再试',
  loadingMore: '正在加载更多…',
  loadMore: '加载更多',
  noMore: '没有更多了',
  moreFailed: '加载失败',
  retry: '重试',
  retryLabel: '重新加载事项列表',
  retryMoreLabel: '重新加载下一页',
  regionReset: '所选地区暂不可用，已切换回安徽省',
} as const, en.ITEMS_STRINGS)
