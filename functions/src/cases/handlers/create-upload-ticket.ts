import { uploadRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../../platform/http';
import { uploadTickets } from '../uploads';
import { currentGuide } from '../wiring';

let tickets: ReturnType<typeof uploadTickets> | undefined;

/** POST /uploads: a short-lived presigned POST for one material file, under the caller's own prefix. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const request = parseJsonBody(event, uploadRequestSchema);
  tickets ??= uploadTickets({ guide: currentGuide });
  return json(201, await tickets.uploadTicket(caller, request), NO_STORE);
});
