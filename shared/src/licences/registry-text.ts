/**
 * The parts of the public registries both sides use without zod (the mini-program's registry pages
 * stay free of it): status labels, how search text is normalised, and what a licence number says.
 */

import { LICENCE_STATUSES, type LicenceStatus } from './kinds';

/** A licence's status as a registry shows it: its recorded status, or 已过期 once a valid one is past its validity. */
export const REGISTRY_STATUSES = { ...LICENCE_STATUSES, expired: '已过期' } as const;
export type RegistryStatus = keyof typeof REGISTRY_STATUSES;

/**
 * What a licence is today: its recorded status, or `expired` once a valid one is past its last day of
 * validity (`today` a China calendar day). The registries, 我的证照 and the wallet all show it so.
 */
export function statusToday(status: LicenceStatus, validUntil: string | undefined, today: string): RegistryStatus {
  return status === 'valid' && validUntil !== undefined && validUntil < today ? 'expired' : status;
}

/**
 * One form for stored names and typed keywords, so a search matches however it was typed: full-width
 * letters, digits and brackets folded (NFKC: （ → (, Ａ → a), lower case, no white space.
 */
export function normaliseSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** 证照编号 as this system issues them: `L-AH-3410-2026-00012` (旅行社), `D-AH-3400-2026-00003` (导游证). */
export const LICENCE_NUMBER_SHAPE = /^[LD]-AH-\d{4}-\d{4}-\d{5}$/;

/** Whether what someone typed in a registry's search box is a licence number rather than a name. */
export const looksLikeLicenceNumber = (text: string) => /^[LD]-?AH-?\d/i.test(text.trim());

/** The region of the organisation that issued a number: `L-AH-3410-…` → 341000, `D-AH-3400-…` → 340000. */
export function issuerRegionOfNumber(number: string): string | undefined {
  const match = /^[A-Z]-AH-(\d{4})-/.exec(number);
  return match ? `${match[1]}00` : undefined;
}
