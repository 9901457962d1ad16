/** Invitation codes: 8 letters or digits, shown as `K7Q2-M9XD`, typed in any case, with or without the dash. */

/** `k7q2-m9xd`, `K7Q2 M9XD` → `K7Q2M9XD` (the API normalises the same way). */
export function normaliseCode(input: string): string {
  return input.trim().toUpperCase().replace(/[\s-]/g, '')
}

export function isCodeFormat(code: string): boolean {
  return /^[0-9A-Z]{8}$/.test(code)
}

/** `K7Q2M9XD` → `K7Q2-M9XD`, easier to read aloud and to copy by hand. */
export function displayCode(code: string): string {
  const normalised = normaliseCode(code)
  return normalised.length === 8 ? `${normalised.slice(0, 4)}-${normalised.slice(4)}` : code
}
