import { config } from '../platform/config';
import { s3 } from '../platform/s3';
import { SNIFF_BYTES } from './file-type';

/** What submission needs to know of an uploaded file. */
export interface MaterialInspector {
  /** Size and first bytes of an uploaded object, or undefined if there is none. */
  inspect(key: string): Promise<{ size: number; head: Uint8Array } | undefined>;
}

/** `bytes 0-15/48213` → 48213. */
const totalOf = (contentRange: string | undefined) => {
  const total = contentRange?.split('/')[1];
  return total && total !== '*' ? Number(total) : undefined;
};

/**
 * One ranged GET per file: the first bytes for the type, and the size from Content-Range. An empty
 * object has no first byte to range over: S3 answers 416 InvalidRange (s3rver drops the connection),
 * and only then does a HEAD tell the size. The S3 modules load on the first inspection.
 */
export function s3MaterialInspector(): MaterialInspector {
  const bucket = config().materialsBucket;
  async function sizeOnly(key: string) {
    const { client, sdk } = await s3();
    try {
      const head = await client.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { size: head.ContentLength ?? 0, head: new Uint8Array() };
    } catch (error) {
      if ((error as { name?: string }).name === 'NotFound') return undefined;
      throw error;
    }
  }

  return {
    async inspect(key) {
      const { client, sdk } = await s3();
      try {
        const object = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${SNIFF_BYTES - 1}` }));
        const bytes = object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
        const size = totalOf(object.ContentRange) ?? object.ContentLength ?? bytes.length;
        return { size, head: bytes.subarray(0, SNIFF_BYTES) };
      } catch (error) {
        const name = (error as { name?: string }).name;
        if (error instanceof sdk.NoSuchKey || name === 'NoSuchKey' || name === 'NotFound') return undefined;
        return sizeOnly(key);
      }
    },
  };
}
