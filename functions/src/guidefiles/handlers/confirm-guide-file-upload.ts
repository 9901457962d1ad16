import { guideFileConfirmRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE, parseJsonBody } from '../../platform/http';
import { guideFileUploadService } from '../wiring';

/** POST /staff/guide-files: checks an uploaded file, stores it under its hash and answers its GuideFile reference. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const request = parseJsonBody(event, guideFileConfirmRequestSchema);
  return json(200, await guideFileUploadService().confirm(caller, request), NO_STORE);
});
