import { uploadRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../platform/caller';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../platform/http';
import { cases } from './service-instance';

/** POST /uploads: a short-lived presigned POST for one material file, under the caller's own prefix. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const request = parseJsonBody(event, uploadRequestSchema);
  return json(201, await cases().uploadTicket(caller, request), NO_STORE);
});
