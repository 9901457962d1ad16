import { isCaseNumber } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { AppError } from '../../platform/errors';
import { httpHandler, json, NO_STORE } from '../../platform/http';
import { applicantViews } from '../wiring';

/** GET /cases/{caseNumber}: only the applicant who submitted it (anyone else gets the same 404). */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const caseNumber = event.pathParameters?.caseNumber ?? '';
  if (!isCaseNumber(caseNumber)) throw new AppError('CASE_NOT_FOUND');
  return json(200, await applicantViews().detail(caller.userId, caseNumber), NO_STORE);
});
