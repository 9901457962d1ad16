/**
 * Key layout of electronic licences in the single table (see README, "Access patterns"):
 *   LIC#<licence id> / STATE          the licence now: current version, status and its history; GSI1
 *                                     HOLDER#<holder> / LIC#<kind>#<number> (我的证照, the wallet),
 *                                     GSI2 REGISTRY#<kind>#<city> / <number> (public registries, with a
 *                                     normalised `registryText` to filter on; registry-region.ts)     GetItem
 *   AGENCY#<credit code> / FILING#<branch|outlet>#<case number>
 *                                     a branch (分社) or service outlet (服务网点) an agency filed, written
 *                                     by the decision that accepts the filing                          Query
 *   LIC#<licence id> / V#<version>    one signed version (the token its QR code carries), immutable      GetItem
 *   HOLDER#<holder> / KIND#<kind>     the one licence of a kind this system issued to a holder (written
 *                                     with it, only if absent)                                          (condition)
 *   USER#<id> / HOLDER#<holder>       whose licences a user may see: their own, an enterprise they act for Query
 *                                     GSI1 HOLDER#<holder> / USER#<id> (who hears of a change to them)
 * Holders: `ENT#<credit code>` for an enterprise, `PER#<user id>` for a person who applied for themselves
 * (a person represented by an agent is `PER#CASE#<case number>` until identities are verified; a person whose
 * licence was issued before this system, loaded with the registry seed, is `PER#LEGACY#<number>`).
 */
export const licenceStateKey = (licenceId: string) => ({ pk: `LIC#${licenceId}`, sk: 'STATE' });
export const licenceVersionKey = (licenceId: string, version: number) => ({ pk: `LIC#${licenceId}`, sk: `V#${String(version).padStart(4, '0')}` });
export const holderPartition = (holderKey: string) => `HOLDER#${holderKey}`;
export const holderLicenceSk = (kind: string, number: string) => `LIC#${kind}#${number}`;
export const registryPartition = (kind: string, regionCode: string) => `REGISTRY#${kind}#${regionCode}`;
export const holderKindKey = (holderKey: string, kind: string) => ({ pk: `HOLDER#${holderKey}`, sk: `KIND#${kind}` });
export const holderBindingKey = (userId: string, holderKey: string) => ({ pk: `USER#${userId}`, sk: `HOLDER#${holderKey}` });
export const HOLDER_BINDING_PREFIX = 'HOLDER#';

export const enterpriseHolder = (creditCode: string) => `ENT#${creditCode}`;
export const personHolder = (userId: string) => `PER#${userId}`;
export const representedPersonHolder = (caseNumber: string) => `PER#CASE#${caseNumber}`;
export const legacyPersonHolder = (number: string) => `PER#LEGACY#${number}`;

export const agencyPartition = (creditCode: string) => `AGENCY#${creditCode}`;
export const AGENCY_FILING_PREFIX = 'FILING#';
export const agencyFilingKey = (creditCode: string, kind: 'branch' | 'outlet', caseNumber: string) => ({ pk: agencyPartition(creditCode), sk: `${AGENCY_FILING_PREFIX}${kind}#${caseNumber}` });
