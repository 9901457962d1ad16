import { claimCaseRequestSchema, isCaseNumber } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { AppError } from '../../platform/errors';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../../platform/http';
import { dataKeys } from '../../platform/keys';
import { hallIntake, staffOnly, type HallIntake } from '../hall-intake';
import { applicantViews, caseStore, currentGuide } from '../wiring';

let intake: Pick<HallIntake, 'claim'> | undefined;
const service = () =>
  (intake ??= hallIntake({
    // Claiming never submits: only the claim and the case's views are used.
    submission: { enter: () => Promise.reject(new Error('not available when claiming')) },
    staffOf: staffOnly,
    guide: currentGuide,
    keys: dataKeys(),
    view: (found, userId) => applicantViews().view(found, userId),
    getCase: (caseNumber) => caseStore().getCase(caseNumber),
  }));

/** POST /cases/claim: the signed-in person claims a hall-window case with its receipt's one-time code. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const request = parseJsonBody(event, claimCaseRequestSchema);
  const caseNumber = request.caseNumber.toUpperCase();
  if (!isCaseNumber(caseNumber)) throw new AppError('CLAIM_CODE_INVALID');
  return json(200, await service().claim(caller, caseNumber, request.claimCode), NO_STORE);
});
