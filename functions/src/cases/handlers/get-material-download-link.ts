import { isCaseNumber } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { AppError } from '../../platform/errors';
import { httpHandler, json, NO_STORE } from '../../platform/http';
import { applicantViews } from '../wiring';

/** GET /cases/{caseNumber}/materials/{materialId}/files/{index}: a 5-minute download link for the applicant. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const { caseNumber = '', materialId = '', index = '' } = event.pathParameters ?? {};
  if (!isCaseNumber(caseNumber) || !/^\d{1,2}$/.test(index)) throw new AppError('CASE_NOT_FOUND');
  const link = await applicantViews().downloadLink(caller, caseNumber, materialId, Number(index));
  return json(200, link, NO_STORE);
});
