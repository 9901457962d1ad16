/**
 * Resident identity card number (公民身份号码), GB 11643-1999: 6-digit region, 8-digit birth date,
 * 3-digit sequence, and a check character (0-9 or X) over the first 17 digits (ISO 7064 MOD 11-2).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function residentIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK.charAt(sum % 11);
}

function validBirthDate(yyyymmdd: string, today: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getTime() <= today.getTime()
  );
}

export type ResidentIdProblem = 'format' | 'birth_date' | 'check_digit';

/** Why an 18-character identity number is invalid, or null when it is valid. */
export function residentIdProblem(value: string, today: Date = new Date()): ResidentIdProblem | null {
  const id = value.toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return 'format';
  if (!validBirthDate(id.slice(6, 14), today)) return 'birth_date';
  if (residentIdCheckChar(id.slice(0, 17)) !== id.charAt(17)) return 'check_digit';
  return null;
}

export function isValidResidentId(value: string, today?: Date): boolean {
  return residentIdProblem(value, today) === null;
}

export const RESIDENT_ID_MESSAGES: Record<ResidentIdProblem, string> = {
  format: '身份证号码应为18位，前17位为数字，最后一位为数字或X',
  birth_date: '身份证号码中的出生日期不正确，请核对',
  check_digit: '身份证号码校验位不正确，请逐位核对后重新输入',
};

/** Shows only the first 4 and last 4 characters, e.g. 3401**********1234. */
export function maskIdentityNumber(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export function maskMobile(value: string): string {
  return value.length === 11 ? `${value.slice(0, 3)}****${value.slice(-4)}` : maskIdentityNumber(value);
}
