import { consultationRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../../platform/http';
import { consultations } from '../wiring';

/** POST /consultations */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const request = parseJsonBody(event, consultationRequestSchema);
  return json(201, await consultations().ask(caller, request), NO_STORE);
});
