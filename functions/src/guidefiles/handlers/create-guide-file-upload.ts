import { guideFileUploadRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { authStore } from '../../auth/store';
import { httpHandler, json, NO_STORE, parseJsonBody } from '../../platform/http';
import { s3GuideFileStorage } from '../storage';
import { guideFileUploadTickets } from '../upload-tickets';

let tickets: ReturnType<typeof guideFileUploadTickets> | undefined;

/** POST /staff/guide-files/uploads: a list editor's presigned POST for one blank form, sample or result sample. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const request = parseJsonBody(event, guideFileUploadRequestSchema);
  tickets ??= guideFileUploadTickets({ people: authStore(), storage: s3GuideFileStorage() });
  return json(201, await tickets.ticket(caller, request), NO_STORE);
});
