import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const FORM_FIELD_STRINGS = localize('components/form-field/FORM_FIELD_STRINGS', {
  optional: '（选填）',
  /** A control's spoken name: its label, then what it shows. */
  labelAndValue: (label: string, value: string) => `${label}，${value}`,
} as const, en.FORM_FIELD_STRINGS)
