import { CASE_STATUSES, CASE_TRANSITIONS, HISTORY_STEPS } from '@ah-tourism/shared/src/cases/status'
import { localize } from './catalogue'
import en from './shared-words.en.json'

/**
 * The words of a case's statuses and steps as the applicant's pages show them. The Chinese is the shared table
 * itself, so it has one home; the English is this module's catalogue. (The staff pages name the same codes
 * through features/staff/labels.ts, the catalog's item types and themes through features/catalog/labels.ts.)
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
