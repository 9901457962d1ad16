import { verifyLicenceRequestSchema } from '@ah-tourism/shared';
import { httpHandler, json, NO_STORE, parseJsonBody } from '../../platform/http';
import { logger } from '../../platform/logger';
import { verifyLicence } from '../verification';

/**
 * POST /licences/verify {token}: no sign-in. Nothing can be enumerated here: only a token signed with a
 * published key reaches the table, and it names one licence.
 */
export const handler = httpHandler(async (event) => {
  const { token } = parseJsonBody(event, verifyLicenceRequestSchema);
  const verification = await verifyLicence(token);
  logger.info('licence verified', { result: verification.result, kind: verification.licence?.kind });
  return json(200, verification, NO_STORE);
});
