import { LICENCE_STATUSES, VERIFICATION_RESULTS, type LicenceVerification, type VerificationResult } from '@ah-tourism/shared';
import { cstDay } from '@ah-tourism/shared/src/calendar/working-days';
import { checkLicenceToken } from '@ah-tourism/shared/src/licences/token';
import { licenceState } from './issued-licences';
import { publishedLicenceKeys } from './signing-keys';

const answer = (result: VerificationResult, rest: Omit<LicenceVerification, 'result' | 'message'> = {}): LicenceVerification => ({ result, message: VERIFICATION_RESULTS[result], ...rest });

/**
 * What a scanned licence is worth now. The signature is checked first, offline, against the published
 * keys: a token that is not a licence signed by this issuer costs no read and shows nothing of itself.
 * A signed one is then compared with the licence's state (one strongly consistent GetItem, so a
 * revocation counts at once): revoked, cancelled or suspended; an older version than the current one
 * (superseded by a change); past its validity (expired); or valid.
 */
export async function verifyLicence(token: string, now = new Date()): Promise<LicenceVerification> {
  const checked = checkLicenceToken(token, await publishedLicenceKeys());
  if (!checked.ok) return answer('tampered');
  const licence = checked.payload;
  const state = await licenceState(licence.licenceId, true);
  // Signed by this issuer but unknown here (another environment's key, or a deleted record): nothing vouches for it.
  if (!state) return answer('tampered');
  const last = state.history.at(-1);
  const status = { status: state.status, statusLabel: LICENCE_STATUSES[state.status], currentVersion: state.currentVersion };
  if (state.status !== 'valid') {
    return answer(state.status, { licence, ...status, ...(last?.reason ? { statusReason: last.reason } : {}), ...(last ? { statusChangedOn: last.effectiveOn ?? cstDay(last.at) } : {}) });
  }
  if (licence.version < state.currentVersion) return answer('superseded', { licence, ...status });
  if (licence.validUntil && licence.validUntil < cstDay(now)) return answer('expired', { licence, ...status });
  return answer('valid', { licence, ...status });
}
