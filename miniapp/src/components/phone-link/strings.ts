import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const PHONE_LINK_STRINGS = localize('components/phone-link/PHONE_LINK_STRINGS', {
  /** The link's spoken name: what the number is for, then the number. */
  call: (purpose: string, phone: string) => `拨打${purpose} ${phone}`,
} as const, en.PHONE_LINK_STRINGS)
