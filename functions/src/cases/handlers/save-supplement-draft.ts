import { isCaseNumber } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { AppError } from '../../platform/errors';
import { httpHandler, json, readJsonBody, NO_STORE } from '../../platform/http';
import { supplementDraftKeeper } from '../wiring';

/** PUT /cases/{caseNumber}/supplement-draft: the files re-uploaded so far for the open notice, at the draft version read. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const caseNumber = event.pathParameters?.caseNumber ?? '';
  if (!isCaseNumber(caseNumber)) throw new AppError('CASE_NOT_FOUND');
  return json(200, await supplementDraftKeeper().save(caller, caseNumber, readJsonBody(event)), NO_STORE);
});
