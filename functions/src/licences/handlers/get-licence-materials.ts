import { licenceMaterialsQuerySchema } from '@ah-tourism/shared/src/licences/licence-materials';
import { authenticate } from '../../auth/caller';
import { guideCaches } from '../../catalog/wiring';
import { httpHandler, json, parseInput, NO_STORE } from '../../platform/http';
import { clientKey, takeFromWindow } from '../../platform/rate-limit';
import { licenceMaterials } from '../licence-materials';
import { walletOf } from '../wallet';

const answer = licenceMaterials({ guide: (code) => guideCaches().current.get(code), wallets: (holder) => walletOf(holder) });

/** Look-ups per signed-in user per minute: the form asks once per holder it is filled for, not more. */
const PER_MINUTE = 30;

/**
 * GET /me/licence-materials: the licence each 免提交 material of an application would be taken from.
 * Until callers' identities are verified, anyone signed in may ask about any holder (as a submission
 * would reveal the same), so each user is held to a few look-ups a minute.
 */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  await takeFromWindow('licence-materials', clientKey(caller.userId), PER_MINUTE);
  const query = parseInput(licenceMaterialsQuerySchema, event.queryStringParameters ?? {});
  return json(200, await answer(caller.userId, query), NO_STORE);
});
