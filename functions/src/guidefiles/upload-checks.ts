import { createHash } from 'node:crypto';
import { MAX_GUIDE_FILE_BYTES, type GuideFile, type GuideFileConfirmRequest } from '@ah-tourism/shared';
import type { Caller } from '../auth/caller';
import type { AuthStore } from '../auth/store';
import { AppError } from '../platform/errors';
import { requireListEditor } from './editors';
import { checkGuideFileContent, REFUSAL_MESSAGES } from './content';
import { declaredGuideFileType, guideFileKey, guideFileUploadPrefix } from './keys';
import { tooLarge, type GuideFileStorage } from './storage';

const UPLOAD_KEY = /^[0-9a-f-]{36}\.[a-z]+$/;

/**
 * The check of a list editor's (清单编制) uploaded guide file, the whole file (cases/file-content.ts for PDF
 * and images, content.ts for Word and Excel): a sound file is stored under its SHA-256 and its GuideFile
 * reference answered, to be put in a draft guide.
 * Confirming the same upload again answers the same reference.
 */
export function guideFileUploadChecks(deps: { people: AuthStore; storage: Pick<GuideFileStorage, 'read' | 'publish'> }) {
  return {
    async confirm(caller: Caller, request: GuideFileConfirmRequest): Promise<GuideFile> {
      await requireListEditor(deps.people, caller);
      const prefix = guideFileUploadPrefix(caller.userId);
      const contentType = declaredGuideFileType(request.key);
      // Only the caller's own uploads, at keys a ticket could have named.
      if (!request.key.startsWith(prefix) || !UPLOAD_KEY.test(request.key.slice(prefix.length)) || !contentType) {
        throw new AppError('GUIDE_FILE_UPLOAD_NOT_FOUND');
      }
      const bytes = await deps.storage.read(request.key);
      if (!bytes) throw new AppError('GUIDE_FILE_UPLOAD_NOT_FOUND');
      if (bytes.length === 0) throw new AppError('GUIDE_FILE_INVALID', '文件是空的，请重新选择文件上传');
      if (bytes.length > MAX_GUIDE_FILE_BYTES) throw tooLarge();
      const { finding, pages } = await checkGuideFileContent(contentType, bytes);
      if (finding !== 'sound') throw new AppError('GUIDE_FILE_INVALID', REFUSAL_MESSAGES[finding]);
      const fileId = createHash('sha256').update(bytes).digest('hex');
      const file: GuideFile = { name: request.name, fileId, contentType, size: bytes.length, ...(pages ? { pages } : {}) };
      await deps.storage.publish(guideFileKey(file), bytes, contentType);
      return file;
    },
  };
}
