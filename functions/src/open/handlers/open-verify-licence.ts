import { verifyLicenceRequestSchema } from '@ah-tourism/shared';
import { signedRoute } from '../../auth/signed-route';
import { verifyLicence } from '../../licences/verification';
import { json, NO_STORE, parseJsonBody } from '../../platform/http';
import { logger } from '../../platform/logger';

/** POST /open/v1/licences/verify {token}: the same verification as the public route. */
export const handler = signedRoute('portal', async (event, caller) => {
  const { token } = parseJsonBody(event, verifyLicenceRequestSchema);
  const verification = await verifyLicence(token);
  logger.info('licence verified', { result: verification.result, kind: verification.licence?.kind, consumer: caller.consumer });
  return json(200, verification, NO_STORE);
});
