import type { Guide, ImplementationItem, Material } from '@ah-tourism/shared'
import itemTypeTable from '@ah-tourism/shared/src/catalog/item-types.json'
import themeTable from '@ah-tourism/shared/src/catalog/themes.json'
import { calendarDate, workingDays } from '@/features/cases/format'
import { localize } from '@/i18n/catalogue'
import en from './labels.en.json'

/**
 * Chinese wording for every coded value of a service guide. Each table is typed on the shared
 * schema's values, so a value added there fails to compile here until it has its wording.
 */

export const LEVEL_NAMES: Record<ImplementationItem['level'], string> = localize('features/catalog/LEVEL_NAMES', {
  national: '国家级',
  province: '省级',
  city: '市级',
  county: '县级',
}, en.LEVEL_NAMES)

export const MATERIAL_KIND_NAMES: Record<Material['kind'], string> = localize('features/catalog/MATERIAL_KIND_NAMES', {
  original: '原件',
  copy: '复印件',
  original_or_copy: '原件或复印件',
}, en.MATERIAL_KIND_NAMES)

export const MATERIAL_FORM_NAMES: Record<Material['form'], string> = localize('features/catalog/MATERIAL_FORM_NAMES', {
  electronic: '电子材料',
  paper: '纸质材料',
  electronic_or_paper: '电子或纸质材料',
}, en.MATERIAL_FORM_NAMES)

export const NECESSITY_NAMES: Record<Material['necessity'], string> = localize('features/catalog/NECESSITY_NAMES', {
  required: '必要',
  conditional: '情形必要',
  optional: '非必要',
}, en.NECESSITY_NAMES)

export const MATERIAL_SOURCE_NAMES: Record<Material['source'], string> = localize('features/catalog/MATERIAL_SOURCE_NAMES', {
  applicant: '申请人自备',
  issued_licence: '免提交，由电子证照自动获取',
}, en.MATERIAL_SOURCE_NAMES)

export const CASE_TYPE_NAMES: Record<Guide['caseType'], string> = localize('features/catalog/CASE_TYPE_NAMES', {
  immediate: '即办件',
  promised: '承诺件',
}, en.CASE_TYPE_NAMES)

export const SERVICE_OBJECT_NAMES: Record<Guide['serviceObjects'][number], string> = localize('features/catalog/SERVICE_OBJECT_NAMES', {
  natural_person: '自然人',
  legal_person: '企业法人',
  other_organisation: '其他组织',
}, en.SERVICE_OBJECT_NAMES)

export const HANDLING_FORM_NAMES: Record<Guide['handlingForms'][number], string> = localize('features/catalog/HANDLING_FORM_NAMES', {
  online: '网上办理',
  window: '窗口办理',
  post: '邮寄办理',
}, en.HANDLING_FORM_NAMES)

export const RESULT_TYPE_NAMES: Record<Guide['result']['type'], string> = localize('features/catalog/RESULT_TYPE_NAMES', {
  licence: '证照',
  approval: '批准文件',
  filing: '备案',
  other: '其他',
}, en.RESULT_TYPE_NAMES)

export const CATALOG_STRINGS = localize('features/catalog/CATALOG_STRINGS', {
  onlineDepths: { 1: '网上咨询', 2: '网上预审', 3: '网上受理', 4: '全程网办' } as Record<number, string>,
  noOnlineService: '暂不支持网办',
  immediateCompletion: '即时办结',
  zeroVisits: '零跑腿',
  visits: (visits: number) => `最多跑${visits}次`,
  promised: (limit: string) => `承诺${limit}`,
  otherType: '其他',
  province: '安徽省',
} as const, en.CATALOG_STRINGS)

/** The names of the item types and themes (shared/src/catalog's tables, which hold the Chinese), by code. */
export const REFERENCE_NAMES = localize('features/catalog/REFERENCE_NAMES', {
  itemTypes: Object.fromEntries(itemTypeTable.map((type) => [type.code, type.name])) as Record<string, string>,
  themes: Object.fromEntries(themeTable.map((theme) => [theme.code, theme.name])) as Record<string, string>,
  themeDescriptions: Object.fromEntries(themeTable.map((theme) => [theme.code, theme.description])) as Record<string, string>,
}, en.REFERENCE_NAMES)

export function onlineDepthName(depth: number): string {
  return CATALOG_STRINGS.onlineDepths[depth] ?? CATALOG_STRINGS.noOnlineService
}

export function workingDaysText(days: number): string {
  return days === 0 ? CATALOG_STRINGS.immediateCompletion : workingDays(days)
}

export function visitsText(visits: number): string {
  return visits === 0 ? CATALOG_STRINGS.zeroVisits : CATALOG_STRINGS.visits(visits)
}

/** 2026-11-01 → 2026年11月1日 (dates come as ISO calendar dates). */
export function chineseDate(isoDate: string): string {
  return calendarDate(isoDate)
}
