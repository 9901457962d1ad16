import { CASE_CHANNELS, CASE_STATUSES, CASE_TRANSITIONS, HISTORY_STEPS } from '@ah-tourism/shared/src/cases/status'
import itemTypeTable from '@ah-tourism/shared/src/catalog/item-types.json'
import themeTable from '@ah-tourism/shared/src/catalog/themes.json'
import {
  BAD_REVIEW_TAGS,
  EVALUATION_DIMENSIONS,
  EVALUATION_LEVELS,
  FEEDBACK_CHANNELS,
  PRAISE_TAGS,
  RECTIFICATION_OUTCOMES,
} from '@ah-tourism/shared/src/feedback/model'
import { LICENCE_ACTIONS, LICENCE_KINDS, LICENCE_STATUSES, VERIFICATION_RESULTS } from '@ah-tourism/shared/src/licences/kinds'
import { localize } from './catalogue'
import en from './shared-words.en.json'

/**
 * The words of the shared domain tables (statuses, steps, channels, evaluation levels and tags, item types and
 * themes, licence states, regions) as the phone shows them. The Chinese is the shared table itself, so it has one
 * home; the English is this module's catalogue. Screens read these, never the tables' `label` directly.
 */
function fieldOf<T extends Record<string, Record<string, unknown>>, F extends string>(table: T, field: F): { [K in keyof T]: string } {
  return Object.fromEntries(Object.entries(table).map(([key, value]) => [key, String(value[field])])) as { [K in keyof T]: string }
}

export const STATUS_WORDS = localize(
  'shared/STATUS_WORDS',
  { label: fieldOf(CASE_STATUSES, 'label'), applicantHint: fieldOf(CASE_STATUSES, 'applicantHint') },
  en.STATUS_WORDS,
)
export const TRANSITION_WORDS = localize('shared/TRANSITION_WORDS', fieldOf(CASE_TRANSITIONS, 'label'), en.TRANSITION_WORDS)
export const HISTORY_STEP_WORDS = localize('shared/HISTORY_STEP_WORDS', { ...HISTORY_STEPS }, en.HISTORY_STEP_WORDS)
export const CASE_CHANNEL_WORDS = localize('shared/CASE_CHANNEL_WORDS', fieldOf(CASE_CHANNELS, 'label'), en.CASE_CHANNEL_WORDS)

export const EVALUATION_WORDS = localize(
  'shared/EVALUATION_WORDS',
  {
    levels: fieldOf(EVALUATION_LEVELS, 'label'),
    dimensions: { ...EVALUATION_DIMENSIONS },
    badTags: { ...BAD_REVIEW_TAGS },
    praiseTags: { ...PRAISE_TAGS },
    channels: { ...FEEDBACK_CHANNELS },
    outcomes: { ...RECTIFICATION_OUTCOMES },
  },
  en.EVALUATION_WORDS,
)

/** A tag of either kind (痛点 or 赞点), by its key. */
export function tagWords(tag: string): string {
  return (EVALUATION_WORDS.badTags as Record<string, string>)[tag] ?? (EVALUATION_WORDS.praiseTags as Record<string, string>)[tag] ?? tag
}

export const CATALOG_WORDS = localize(
  'shared/CATALOG_WORDS',
  {
    itemTypes: Object.fromEntries(itemTypeTable.map((type) => [type.code, type.name])),
    themes: Object.fromEntries(themeTable.map((theme) => [theme.code, theme.name])),
    themeNotes: Object.fromEntries(themeTable.map((theme) => [theme.code, theme.description])),
  },
  en.CATALOG_WORDS,
)

export const LICENCE_WORDS = localize(
  'shared/LICENCE_WORDS',
  {
    actions: fieldOf(LICENCE_ACTIONS, 'label'),
    kinds: fieldOf(LICENCE_KINDS, 'typeName'),
    statuses: { ...LICENCE_STATUSES },
    results: { ...VERIFICATION_RESULTS },
  },
  en.LICENCE_WORDS,
)

/**
 * The province and its 16 cities, by code. Their Chinese names come with the regions the API serves
 * (data/regions.json; a test keeps these the same); the English is the official romanisation.
 */
export const REGION_WORDS = localize(
  'shared/REGION_WORDS',
  {
    names: {
      '340000': '安徽省', '340100': '合肥市', '340200': '芜湖市', '340300': '蚌埠市', '340400': '淮南市', '340500': '马鞍山市',
      '340600': '淮北市', '340700': '铜陵市', '340800': '安庆市', '341000': '黄山市', '341100': '滁州市', '341200': '阜阳市',
      '341300': '宿州市', '341500': '六安市', '341600': '亳州市', '341700': '池州市', '341800': '宣城市',
    },
  },
  en.REGION_WORDS,
)

/** A region's name in the language of this run (the API's name for a region this module does not know). */
export function regionName(region: { code: string; name: string }): string {
  return (REGION_WORDS.names as Record<string, string>)[region.code] ?? region.name
}

/**
 * A case's status, its hint and a step's name in the language of this run. The API answers them in Chinese
 * beside the codes; the phone names the code (the API's words for a code this module does not know).
 */
export function caseStatusLabel(status: string, fallback: string): string {
  return (STATUS_WORDS.label as Record<string, string>)[status] ?? fallback
}
export function caseStatusHint(status: string, fallback: string): string {
  return (STATUS_WORDS.applicantHint as Record<string, string>)[status] ?? fallback
}
export function transitionLabel(action: string, fallback: string): string {
  return (TRANSITION_WORDS as Record<string, string>)[action] ?? (HISTORY_STEP_WORDS as Record<string, string>)[action] ?? fallback
}
