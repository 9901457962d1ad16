import type { UploadTicket } from '@ah-tourism/shared';
import { config } from '../platform/config';
import { presignedPost, requestPresigner, s3 } from '../platform/s3';
import { SNIFF_BYTES } from './file-type';

const UPLOAD_TTL_SECONDS = 10 * 60;
const DOWNLOAD_TTL_SECONDS = 5 * 60;

/** Storage of material files: the S3 adapter is the only implementation (s3rver locally). */
export interface MaterialStorage {
  uploadTicket(key: string, contentType: string, maxBytes: number): Promise<UploadTicket>;
  /** Size and first bytes of an uploaded object, or undefined if there is none. */
  inspect(key: string): Promise<{ size: number; head: Uint8Array } | undefined>;
  downloadUrl(key: string, fileName: string): Promise<{ url: string; expiresAt: string }>;
}

/** The S3 modules are loaded on the first call of a method, not when the storage is created. */
export function s3MaterialStorage(): MaterialStorage {
  const bucket = config().materialsBucket;
  const expiry = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

  return {
    async uploadTicket(key, contentType, maxBytes) {
      const [{ client }, { createPresignedPost }] = await Promise.all([s3(), presignedPost()]);
      // The policy pins the key, the type and the size range; S3 enforces it (s3rver does not, which is
      // why every upload is inspected again at submission).
      const { url, fields } = await createPresignedPost(client, {
        Bucket: bucket,
        Key: key,
        Conditions: [
          ['content-length-range', 1, maxBytes],
          ['eq', '$Content-Type', contentType],
        ],
        Fields: { 'Content-Type': contentType },
        Expires: UPLOAD_TTL_SECONDS,
      });
      return { url, fields, key, maxBytes, expiresAt: expiry(UPLOAD_TTL_SECONDS) };
    },

    async inspect(key) {
      const { client, sdk: { GetObjectCommand, HeadObjectCommand, NotFound, NoSuchKey } } = await s3();
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        const size = head.ContentLength ?? 0;
        if (size === 0) return { size, head: new Uint8Array() };
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${SNIFF_BYTES - 1}` }));
        const bytes = object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
        return { size, head: bytes.subarray(0, SNIFF_BYTES) };
      } catch (error) {
        if (error instanceof NotFound || error instanceof NoSuchKey || (error as { name?: string }).name === 'NotFound') return undefined;
        throw error;
      }
    },

    async downloadUrl(key, fileName) {
      const [{ client, sdk: { GetObjectCommand } }, { getSignedUrl }] = await Promise.all([s3(), requestPresigner()]);
      const url = await getSignedUrl(
        client,
        new GetObjectCommand({
          Bucket: bucket,
          Key: key,
          ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        }),
        { expiresIn: DOWNLOAD_TTL_SECONDS },
      );
      return { url, expiresAt: expiry(DOWNLOAD_TTL_SECONDS) };
    },
  };
}
