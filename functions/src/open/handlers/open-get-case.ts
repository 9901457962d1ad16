import { isCaseNumber } from '@ah-tourism/shared';
import { signedRoute } from '../../auth/signed-route';
import { caseStore } from '../../cases/wiring';
import { AppError } from '../../platform/errors';
import { json, NO_STORE } from '../../platform/http';
import { openCaseView } from '../case-view';

/** GET /open/v1/cases/{caseNumber}: status and steps, nothing personal. */
export const handler = signedRoute('portal', async (event) => {
  const caseNumber = (event.pathParameters?.caseNumber ?? '').toUpperCase();
  if (!isCaseNumber(caseNumber)) throw new AppError('COMMON_VALIDATION_FAILED', '办件编号格式不正确', [{ path: 'caseNumber', message: '请填写22位办件编号' }]);
  const stored = await caseStore().getCase(caseNumber);
  if (!stored) throw new AppError('CASE_NOT_FOUND');
  return json(200, openCaseView(stored), NO_STORE);
});
