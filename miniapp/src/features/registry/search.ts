import { looksLikeLicenceNumber } from '@ah-tourism/shared/src/licences/registry-text'

/** What the search box asks for: a licence number (searched exactly) or a fragment of a name. */
export function searchOf(text: string): { keyword?: string; number?: string } {
  const value = text.trim()
  if (!value) return {}
  return looksLikeLicenceNumber(value) ? { number: value.toUpperCase().replace(/\s+/g, '') } : { keyword: value }
}
