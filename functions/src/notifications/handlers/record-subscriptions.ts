import { subscriptionUpdateSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../../platform/http';
import { inbox } from '../wiring';

/** PUT /me/subscriptions */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const { results } = parseJsonBody(event, subscriptionUpdateSchema);
  return json(200, { templates: await inbox().record(caller, results) }, NO_STORE);
});
