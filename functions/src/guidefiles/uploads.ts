import { createHash, randomUUID } from 'node:crypto';
import {
  GUIDE_FILE_TYPES,
  MAX_GUIDE_FILE_BYTES,
  type GuideFile,
  type GuideFileConfirmRequest,
  type GuideFileUploadRequest,
  type UploadTicket,
} from '@ah-tourism/shared';
import type { Caller } from '../auth/caller';
import type { AuthStore } from '../auth/store';
import { config } from '../platform/config';
import { AppError } from '../platform/errors';
import { presignedPost, s3 } from '../platform/s3';
import { requireStaff } from '../staff/service';
import { checkGuideFileContent, REFUSAL_MESSAGES } from './content';
import { declaredGuideFileType, guideFileKey, guideFileUploadPrefix } from './keys';

const UPLOAD_TTL_SECONDS = 10 * 60;
const UPLOAD_KEY = /^[0-9a-f-]{36}\.[a-z]+$/;

/** Where uploads and published guide files are kept: the materials bucket, or a stand-in in tests. */
export interface GuideFileStorage {
  /** A presigned POST for one file at that key, of that type, of 1 byte to the cap. */
  ticket(key: string, contentType: string): Promise<{ url: string; fields: Record<string, string> }>;
  /** The whole uploaded file, or undefined when there is none; refuses one above the cap before reading it. */
  read(key: string): Promise<Uint8Array | undefined>;
  /** Writes a published file once; a second write of the same key (same hash, same bytes) changes nothing. */
  publish(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
}

const tooLarge = () => new AppError('GUIDE_FILE_INVALID', `文件超过${MAX_GUIDE_FILE_BYTES / 1024 / 1024}MB，请压缩或拆分后重新上传`);

export function s3GuideFileStorage(): GuideFileStorage {
  const bucket = config().materialsBucket;
  return {
    async ticket(key, contentType) {
      const [{ client }, { createPresignedPost }] = await Promise.all([s3(), presignedPost()]);
      return createPresignedPost(client, {
        Bucket: bucket,
        Key: key,
        Conditions: [
          ['content-length-range', 1, MAX_GUIDE_FILE_BYTES],
          ['eq', '$Content-Type', contentType],
        ],
        Fields: { 'Content-Type': contentType },
        Expires: UPLOAD_TTL_SECONDS,
      });
    },
    async read(key) {
      const { client, sdk } = await s3();
      try {
        // s3rver ignores the POST policy's size range: the size is checked again before reading.
        const head = await client.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: key }));
        if ((head.ContentLength ?? 0) > MAX_GUIDE_FILE_BYTES) throw tooLarge();
        const object = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key }));
        return await object.Body!.transformToByteArray();
      } catch (error) {
        if (error instanceof sdk.NotFound || error instanceof sdk.NoSuchKey) return undefined;
        throw error;
      }
    },
    async publish(key, bytes, contentType) {
      const { client, sdk } = await s3();
      try {
        await client.send(new sdk.PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType, IfNoneMatch: '*' }));
      } catch (error) {
        // Already published: the key is the content's hash, so it holds these very bytes.
        if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 412) throw error;
      }
    },
  };
}

/**
 * Uploads of guide files by list editors (清单编制): a presigned POST under the editor's own prefix, then a
 * check of the whole file (cases/file-content.ts for PDF and images, content.ts for Word and Excel); a
 * sound file is stored under its SHA-256 and its GuideFile reference answered, to be put in a draft guide.
 * Confirming the same upload again answers the same reference.
 */
export function guideFileUploads(deps: { people: AuthStore; storage: GuideFileStorage }) {
  return {
    async ticket(caller: Caller, request: GuideFileUploadRequest): Promise<UploadTicket> {
      await requireStaff(deps.people, caller, 'list_editor');
      const key = `${guideFileUploadPrefix(caller.userId)}${randomUUID()}.${GUIDE_FILE_TYPES[request.contentType].extension}`;
      const { url, fields } = await deps.storage.ticket(key, request.contentType);
      return { url, fields, key, maxBytes: MAX_GUIDE_FILE_BYTES, expiresAt: new Date(Date.now() + UPLOAD_TTL_SECONDS * 1000).toISOString() };
    },

    async confirm(caller: Caller, request: GuideFileConfirmRequest): Promise<GuideFile> {
      await requireStaff(deps.people, caller, 'list_editor');
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
