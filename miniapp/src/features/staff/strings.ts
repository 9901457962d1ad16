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
} as const, en.STAFF_FEATURE_STRINGS)
