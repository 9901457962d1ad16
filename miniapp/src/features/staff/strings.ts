import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'
/** Wording shared by the staff pages (each page has its own strings.ts too). */
export const STAFF_FEATURE_STRINGS = localize('features/staff/STAFF_FEATURE_STRINGS', {
  regionPlaceholder: '请选择地区',
  regionsLoading: '正在加载地区…',
  regionsFailed: '地区加载失败',
  retry: '重试',
  regionsRetryLabel: '重新加载地区',
  resolving: '正在查找该地区的实施机关…',
  noOrganisation: '该地区暂无实施机关',
  chosen: (name: string) => `已选择：${name}`,
  // Punctuation joining texts, as each language writes it.
  /** Between the parts of a row's spoken name. */
  listSeparator: '，',
  /** Between the items of an enumeration (tags, sections). */
  enumerationSeparator: '、',
  /** Between clauses (several messages or approvals in one line). */
  clauseSeparator: '；',
  labelValue: (label: string, value: string) => `${label}：${value}`,
  /** A label run straight into its value (投诉人张三). */
  labelThenValue: (label: string, value: string) => `${label}${value}`,
  labelColon: (label: string) => `${label}：`,
  parenthetical: (text: string, note: string) => `${text}（${note}）`,
  twoSentences: (first: string, second: string) => `${first}。${second}`,
} as const, en.STAFF_FEATURE_STRINGS)

/** A row's spoken name from its parts (empty parts left out), joined as the language of this run joins them. */
export function spokenLabel(parts: readonly (string | null | undefined | false)[]): string {
  return parts.filter(Boolean).join(STAFF_FEATURE_STRINGS.listSeparator)
}
