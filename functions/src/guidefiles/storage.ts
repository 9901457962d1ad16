import { MAX_GUIDE_FILE_BYTES } from '@ah-tourism/shared';
import { config } from '../platform/config';
import { AppError } from '../platform/errors';
import { presignedPost, s3 } from '../platform/s3';

export const UPLOAD_TTL_SECONDS = 10 * 60;

/** Where uploads and published guide files are kept: the materials bucket, or a stand-in in tests. */
export interface GuideFileStorage {
  /** A presigned POST for one file at that key, of that type, of 1 byte to the cap. */
  ticket(key: string, contentType: string): Promise<{ url: string; fields: Record<string, string> }>;
  /** The whole uploaded file, or undefined when there is none; refuses one above the cap before reading it. */
  read(key: string): Promise<Uint8Array | undefined>;
  /** Writes a published file once; a second write of the same key (same hash, same bytes) changes nothing. */
  publish(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
}

export const tooLarge = () => new AppError('GUIDE_FILE_INVALID', `文件超过${MAX_GUIDE_FILE_BYTES / 1024 / 1024}MB，请压缩或拆分后重新上传`);

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

