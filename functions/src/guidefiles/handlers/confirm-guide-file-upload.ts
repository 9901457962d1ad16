import { guideFileConfirmRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { authStore } from '../../auth/store';
import { httpHandler, json, NO_STORE, parseJsonBody } from '../../platform/http';
import { s3GuideFileStorage } from '../storage';
import { guideFileUploadChecks } from '../upload-checks';

let checks: ReturnType<typeof guideFileUploadChecks> | undefined;

/** POST /staff/guide-files: checks an uploaded file, stores it under its hash and answers its GuideFile reference. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const request = parseJsonBody(event, guideFileConfirmRequestSchema);
  checks ??= guideFileUploadChecks({ people: authStore(), storage: s3GuideFileStorage() });
  return json(200, await checks.confirm(caller, request), NO_STORE);
});
