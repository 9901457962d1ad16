import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const SEARCH_STRINGS = localize('features/search/SEARCH_STRINGS', {
  suggestionsLabel: '搜索建议',
  hotTitle: '热门搜索',
  hotLabel: (text: string) => `热门搜索：${text}`,
  kind: { item: '事项', phrase: '常用说法', scenario: '一件事' } as Record<string, string>,
  suggestionLabel: (text: string, kind: string) => `${text}（${kind}）`,
  levels: { national: '国家级', province: '省级', city: '市级', county: '县级' } as Record<string, string>,
  handledBy: (levels: string) => `办理层级：${levels}`,
  /** Between the levels, or the terms a search was understood as. */
  listSeparator: '、',
  cityOnly: '此事项由各市办理，请选择办理地（通常是企业或本人所在城市）',
  notInRegion: (region: string) => `${region}暂无此事项的实施，可在以下地区办理`,
  otherRegions: (count: number) => `其他地区（${count}个）`,
  otherRegionsLabel: (name: string, count: number) => `展开${name}在其他${count}个地区的办理入口`,
  hideOtherRegions: '收起其他地区',
  regionLink: (name: string, region: string) => `${name}（${region}办理）`,
  understood: (terms: string) => `已按“${terms}”搜索`,
  loading: '正在搜索…',
  retry: '重试',
  retryLabel: '重新搜索',
  empty: (q: string) => `没有找到与“${q}”相关的事项`,
  emptyHint: '可以换个说法（如事项名称、拼音首字母），试试下面的热门搜索，或者打电话咨询后再办。',
  emptyFiltered: '当前筛选条件下没有结果',
  clearFilters: '清除类型和主题筛选',
  hotline12345: '政务服务便民热线',
  hotline12301: '旅游服务热线',
  ask: '还是找不到？打电话问一问：',
} as const, en.SEARCH_STRINGS)
