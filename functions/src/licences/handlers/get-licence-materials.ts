import { licenceMaterialsQuerySchema } from '@ah-tourism/shared/src/licences/licence-materials';
import { authenticate } from '../../auth/caller';
import { guideCaches } from '../../catalog/wiring';
import { httpHandler, json, parseInput, NO_STORE } from '../../platform/http';
import { licenceMaterials } from '../licence-materials';
import { walletOf } from '../wallet';

const answer = licenceMaterials({ guide: (code) => guideCaches().current.get(code), wallets: (holder) => walletOf(holder) });

/** GET /me/licence-materials: the licence each 免提交 material of an application would be taken from. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const query = parseInput(licenceMaterialsQuerySchema, event.queryStringParameters ?? {});
  return json(200, await answer(caller.userId, query), NO_STORE);
});
