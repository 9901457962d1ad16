import { listItemsQuerySchema } from '@ah-tourism/shared';
import { toNationalSummary } from '@ah-tourism/shared/src/catalog/national-layout';
import { signedRoute } from '../../auth/signed-route';
import { catalog } from '../../catalog/wiring';
import { json, NO_STORE, parseInput } from '../../platform/http';

/** GET /open/v1/catalog/items: the catalog list in the national layout, the same filters and cursor as /catalog/items. */
export const handler = signedRoute('portal', async (event) => {
  const page = await catalog().listItems(parseInput(listItemsQuerySchema, event.queryStringParameters));
  return json(200, { items: page.items.map(toNationalSummary), next_cursor: page.nextCursor }, NO_STORE);
});
