import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

/** The agency page's own wording (the rest is the registry feature's). */
export const AGENCY_STRINGS = localize('pages/registry/agency/AGENCY_STRINGS', {
  /** Between the parts of the business scope. */
  listSeparator: '、',
} as const, en.AGENCY_STRINGS)
