import { guideFileUploadRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE, parseJsonBody } from '../../platform/http';
import { guideFileUploadService } from '../wiring';

/** POST /staff/guide-files/uploads: a list editor's presigned POST for one blank form, sample or result sample. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const request = parseJsonBody(event, guideFileUploadRequestSchema);
  return json(201, await guideFileUploadService().ticket(caller, request), NO_STORE);
});
