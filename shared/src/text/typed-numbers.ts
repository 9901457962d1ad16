/**
 * What people paste or type into number-like fields: full-width digits and letters from a Chinese
 * keyboard (１３９, Ｘ), and the spaces, hyphens or dots a number is often written with
 * ("139 5591 2345", "139-5591-2345"). A mobile, an identity or credit-code number and a decimal are
 * read the same whichever way they were typed, and a length limit applies to the number itself,
 * not to how it was written.
 */

export type TypedNumberKind = 'tel' | 'idcard' | 'decimal'

/** Full-width ASCII (U+FF01–U+FF5E) to its half-width form; the ideographic space to a space. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}

/** Separators people write numbers with: spaces (any width), hyphens and dashes. */
const SEPARATORS = /[\s\u00A0\u2000-\u200B\u2010-\u2015\u2212-]/g

/**
 * The number as the form keeps it: half-width, separators removed, an identity number's check letter
 * upper-case (x → X); a decimal keeps its point. Then cut to `maxLength`, if given.
 */
export function normaliseTypedNumber(kind: TypedNumberKind, typed: string, maxLength?: number): string {
  let value = toHalfWidth(typed).replace(SEPARATORS, '')
  if (kind === 'tel') value = value.replace(/^\+?86(?=1\d{10}$)/, '').replace(/[()（）]/g, '')
  if (kind === 'idcard') value = value.toUpperCase()
  if (kind === 'decimal') value = value.replace(/[。．]/g, '.').replace(/,/g, '')
  return maxLength === undefined ? value : value.slice(0, maxLength)
}
