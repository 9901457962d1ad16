import { isCaseNumber } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { AppError } from '../../platform/errors';
import { httpHandler, json, NO_STORE } from '../../platform/http';
import { supplementDraftKeeper } from '../wiring';

/** GET /cases/{caseNumber}/supplement-draft: only the applicant of the case (anyone else gets the same 404). */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const caseNumber = event.pathParameters?.caseNumber ?? '';
  if (!isCaseNumber(caseNumber)) throw new AppError('CASE_NOT_FOUND');
  return json(200, await supplementDraftKeeper().get(caller, caseNumber), NO_STORE);
});
