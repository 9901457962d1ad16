import { pageQuerySchema, subscriptionUpdateSchema } from '@ah-tourism/shared';
import { authenticate } from '../platform/caller';
import { httpHandler, json, parseInput, parseJsonBody, NO_STORE } from '../platform/http';
import { inboxService } from './service';

let instance: ReturnType<typeof inboxService> | undefined;
const inbox = () => (instance ??= inboxService());

/** GET /me/subscriptions */
export const listSubscriptions = httpHandler(async (event) =>
  json(200, { templates: await inbox().subscriptions(await authenticate(event)) }, NO_STORE),
);

/** PUT /me/subscriptions */
export const recordSubscriptions = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const { results } = parseJsonBody(event, subscriptionUpdateSchema);
  return json(200, { templates: await inbox().record(caller, results) }, NO_STORE);
});

/** GET /me/messages */
export const listMessages = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const { limit, cursor } = parseInput(pageQuerySchema, event.queryStringParameters ?? {});
  return json(200, await inbox().messages(caller, limit ?? 20, cursor), NO_STORE);
});

/** POST /me/messages/{messageId}/read */
export const markRead = httpHandler(async (event) => {
  const caller = await authenticate(event);
  await inbox().markRead(caller, event.pathParameters?.messageId ?? '');
  return { statusCode: 204, headers: NO_STORE };
});
