import { cstDay } from '../calendar/working-days';

/**
 * Case numbers (办件编号): date of submission in China time (8 digits) + region code of the implementing body (6) +
 * 8 random characters of Crockford's base32 (40 bits). 22 characters, e.g. 20261127341000K7Q2M9XD:
 * unique (the store refuses a duplicate and a new one is drawn), sortable by date within a region, and not
 * guessable from a neighbour's number, unlike a plain serial. The national style (implementation code +
 * date + serial) is derivable from the case's own fields when reporting to the national platform.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CASE_NUMBER = /^(\d{8})(\d{6})([0-9A-HJKMNP-TV-Z]{8})$/;

export function formatCaseNumber(date: string, regionCode: string, random: Uint8Array): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error('date must be YYYY-MM-DD');
  if (random.length < 5) throw new Error('need 5 random bytes');
  let bits = 0n;
  for (let i = 0; i < 5; i += 1) bits = (bits << 8n) | BigInt(random[i] ?? 0);
  let suffix = '';
  for (let i = 0; i < 8; i += 1) {
    suffix = CROCKFORD.charAt(Number(bits & 31n)) + suffix;
    bits >>= 5n;
  }
  return `${date.replaceAll('-', '')}${regionCode}${suffix}`;
}

export function isCaseNumber(value: string): boolean {
  return CASE_NUMBER.test(value);
}

/** The number of something submitted at `submittedAt` (an instant): its date is the China-time day, as on screen. */
export function newCaseNumber(submittedAt: string, regionCode: string, random: Uint8Array): string {
  return formatCaseNumber(cstDay(submittedAt), regionCode, random);
}
