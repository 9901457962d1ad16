import { REGISTRY_STATUSES, statusToday, type RegisteredTourGuide, type RegisteredTravelAgency } from '@ah-tourism/shared';
import { cstDay } from '@ah-tourism/shared/src/calendar/working-days';
import { maskPersonName } from '../platform/masking';
import type { LicenceState } from './issued-licences';

/** What a registry reads of a `STATE` row (registry.ts projects it: never the token). */
export type RegistryRow = Pick<LicenceState, 'kind' | 'number' | 'status' | 'regionCode' | 'registryRegion' | 'current' | 'history'>;

/** 有效 … 已注销 as recorded; a valid licence past its validity shows 已过期. */
function statusOf(row: RegistryRow, today: string) {
  const status = statusToday(row.status, row.current.validUntil, today);
  const last = row.history.at(-1);
  const changedOn = row.status !== 'valid' && last ? (last.effectiveOn ?? cstDay(last.at)) : undefined;
  return { status, statusLabel: REGISTRY_STATUSES[status], ...(changedOn ? { statusChangedOn: changedOn } : {}) };
}

/** The day a licence was first issued (later versions keep the number and add scope). */
const firstIssuedOn = (row: RegistryRow) => {
  const first = row.history[0];
  return first ? (/^\d{4}-\d{2}-\d{2}$/.test(first.at) ? first.at : cstDay(first.at)) : row.current.issuedOn;
};

export function agencyEntry(row: RegistryRow, today: string): RegisteredTravelAgency {
  const { holder, details, scope, issuer } = row.current;
  return {
    number: row.number,
    name: holder.name,
    creditCode: holder.code,
    regionCode: row.registryRegion ?? row.regionCode,
    scope,
    outbound: scope.includes('出境旅游业务'),
    ...(details['经营场所'] ? { address: details['经营场所'] } : {}),
    issuerName: issuer.name,
    licensedOn: firstIssuedOn(row),
    ...statusOf(row, today),
  };
}

/** A guide as the public may see them: the name masked, never the identity number the licence carries (masked as it is). */
export function guideEntry(row: RegistryRow, today: string): RegisteredTourGuide {
  const { holder, details, issuer, validUntil } = row.current;
  return {
    number: row.number,
    name: maskPersonName(holder.name),
    language: details['导游语种'] ?? '',
    level: details['等级'] ?? '',
    ...(details['执业单位'] ? { employer: details['执业单位'] } : {}),
    regionCode: row.registryRegion ?? row.regionCode,
    issuerName: issuer.name,
    ...(validUntil ? { validUntil } : {}),
    ...statusOf(row, today),
  };
}
