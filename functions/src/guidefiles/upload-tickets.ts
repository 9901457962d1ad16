import { randomUUID } from 'node:crypto';
import { GUIDE_FILE_TYPES, MAX_GUIDE_FILE_BYTES, type GuideFileUploadRequest, type UploadTicket } from '@ah-tourism/shared';
import type { Caller } from '../auth/caller';
import type { AuthStore } from '../auth/store';
import { requireListEditor } from './editors';
import { guideFileUploadPrefix } from './keys';
import { UPLOAD_TTL_SECONDS, type GuideFileStorage } from './storage';

/**
 * Upload tickets for guide files (list editors, 清单编制): a presigned POST under the editor's own prefix,
 * of one declared type and at most MAX_GUIDE_FILE_BYTES. The file is checked when it is confirmed
 * (upload-checks.ts). Kept apart from the check so this function does not bundle the PDF parser.
 */
export function guideFileUploadTickets(deps: { people: AuthStore; storage: Pick<GuideFileStorage, 'ticket'> }) {
  return {
    async ticket(caller: Caller, request: GuideFileUploadRequest): Promise<UploadTicket> {
      await requireListEditor(deps.people, caller);
      const key = `${guideFileUploadPrefix(caller.userId)}${randomUUID()}.${GUIDE_FILE_TYPES[request.contentType].extension}`;
      const { url, fields } = await deps.storage.ticket(key, request.contentType);
      return { url, fields, key, maxBytes: MAX_GUIDE_FILE_BYTES, expiresAt: new Date(Date.now() + UPLOAD_TTL_SECONDS * 1000).toISOString() };
    },
  };
}
