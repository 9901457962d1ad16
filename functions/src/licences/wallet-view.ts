import { REGISTRY_STATUSES, statusToday, type MyLicence } from '@ah-tourism/shared';
import { cstDay } from '@ah-tourism/shared/src/calendar/working-days';
import { licencesOfHolders } from './holder-licences';
import { holdersOf, type LicenceState } from './issued-licences';

/** How a licence shows in 我的证照: its current version, its QR token and what state it is in today. */
export function walletEntry(state: LicenceState, today: string): MyLicence {
  const shown = statusToday(state.status, state.current.validUntil, today);
  return {
    licence: state.current,
    token: state.currentToken,
    status: state.status,
    statusLabel: REGISTRY_STATUSES[shown],
    usable: shown === 'valid',
    history: state.history.map(({ at, action, version, reason, legalBasis, effectiveOn }) => ({ at, action, version, ...(reason ? { reason } : {}), ...(legalBasis ? { legalBasis } : {}), ...(effectiveOn ? { effectiveOn } : {}) })),
  };
}

export async function myLicences(userId: string, now = new Date()): Promise<MyLicence[]> {
  const holders = await holdersOf(userId);
  const states = await licencesOfHolders(holders);
  const today = cstDay(now);
  return states.map((state) => walletEntry(state, today)).sort((a, b) => b.licence.issuedOn.localeCompare(a.licence.issuedOn));
}
