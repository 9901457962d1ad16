/**
 * Key layout of the assessment aggregates (网上考核) in the single table (see README, "Assessment figures").
 * A scope is an organisation, a city or the province:
 *   ASSESS#ORG#<credit code> / D#<yyyy-mm-dd>   the organisation's counters of one CST day       (written, not read by reports)
 *   ASSESS#<scope>           / Y#<yyyy>         one year of a scope: `m<MM>#<counter>` per month; a city or the province
 *                                               also `c#<child>#m<MM>#<counter>` per child and month, `n#<child>` its name
 *   ASSESS#<scope>           / CATALOG          published items of a scope (online, visits, negative list), per child too
 *   CASE#<no>                / ASSESSMENT       what one case counts for (counters by day, drill-down rows), its version
 *   ITEM#<code>              / ASSESSMENT       what one published item counts for
 *   ASSESS#ORG#<org>#<figure>#<all|fail> / <day>#<case no>     the cases behind a figure (drill-down); GSI1
 *     ASSESS#CITY#<city>#<figure>#<which> and GSI2 ASSESS#PROVINCE#<figure>#<which>, same sort key
 */
export type ScopeRef = { kind: 'province' } | { kind: 'city'; code: string } | { kind: 'organisation'; code: string };

export const PROVINCE_CODE = '340000';
export const scopePartition = (scope: ScopeRef) =>
  scope.kind === 'province' ? 'ASSESS#PROVINCE' : scope.kind === 'city' ? `ASSESS#CITY#${scope.code}` : `ASSESS#ORG#${scope.code}`;
export const yearSk = (year: string) => `Y#${year}`;
export const daySk = (day: string) => `D#${day}`;
export const CATALOG_SK = 'CATALOG';
export const FACTS_SK = 'ASSESSMENT';

/** The city a region code belongs to; none for the province itself (provincial organisations). */
export function cityOfRegion(regionCode: string): string | undefined {
  if (regionCode.endsWith('0000')) return undefined;
  return `${regionCode.slice(0, 4)}00`;
}

/** The credit code of an implementing organisation is the last 18 characters of the implementation code. */
export const organisationOfItem = (implementationCode: string) => implementationCode.slice(-18);

export type Which = 'all' | 'fail';
export const drillPartition = (organisationCode: string, figure: string, which: Which) => `ASSESS#ORG#${organisationCode}#${figure}#${which}`;
export const drillCityPartition = (city: string, figure: string, which: Which) => `ASSESS#CITY#${city}#${figure}#${which}`;
export const drillProvincePartition = (figure: string, which: Which) => `ASSESS#PROVINCE#${figure}#${which}`;
export const drillSk = (day: string, caseNumber: string) => `${day}#${caseNumber}`;
