import { preferencesUpdateSchema } from '@ah-tourism/shared';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../../platform/http';
import { authenticate } from '../caller';
import { auth } from '../wiring';

/** PATCH /me/preferences: the caller's own account only (the account is the token's). */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const update = parseJsonBody(event, preferencesUpdateSchema);
  return json(200, await auth().updatePreferences(caller, update), NO_STORE);
});
