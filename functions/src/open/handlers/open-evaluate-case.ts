import { createHash } from 'node:crypto';
import { isCaseNumber } from '@ah-tourism/shared';
import { portalEvaluationRequestSchema } from '@ah-tourism/shared/src/api/open-schemas';
import { signedRoute } from '../../auth/signed-route';
import { evaluations } from '../../feedback/wiring';
import { AppError } from '../../platform/errors';
import { parseInput, readJsonBody } from '../../platform/http';
import { idempotentRequest, idempotentResponse } from '../../platform/idempotency';

/**
 * POST /open/v1/cases/{caseNumber}/evaluations: an evaluation the portal collected, under the app's rules
 * (一事一评, only once the case may be evaluated, a bad review opens a rectification), channel 政务服务网.
 * Idempotent on the portal's evaluation id, per consumer: a resent evaluation answers the first result.
 */
export const handler = signedRoute('portal', async (event, caller) => {
  const caseNumber = (event.pathParameters?.caseNumber ?? '').toUpperCase();
  if (!isCaseNumber(caseNumber)) throw new AppError('COMMON_VALIDATION_FAILED', '办件编号格式不正确', [{ path: 'caseNumber', message: '请填写22位办件编号' }]);
  const body = readJsonBody(event);
  const { evaluation_id: evaluationId, ...request } = parseInput(portalEvaluationRequestSchema, body);
  // The portal's id may hold characters an idempotency key may not: its digest is the key.
  const key = createHash('sha256').update(evaluationId, 'utf8').digest('base64url');
  const once = idempotentRequest(`PORTAL#${caller.consumer}`, key, 'portal-evaluation', { caseNumber, body });
  return idempotentResponse(await evaluations().evaluateFromPortal({ consumer: caller.consumer, evaluationId }, caseNumber, once, request));
});
