import { GetObjectCommand, HeadObjectCommand, NoSuchKey } from '@aws-sdk/client-s3';
import { s3 } from '../platform/s3';
import { config } from '../platform/config';
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
 * and only then does a HEAD tell the size.
 */
export function s3MaterialInspector(): MaterialInspector {
  const client = s3();
  const bucket = config().materialsBucket;
  async function sizeOnly(key: string) {
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { size: head.ContentLength ?? 0, head: new Uint8Array() };
    } catch (error) {
      if ((error as { name?: string }).name === 'NotFound') return undefined;
      throw error;
    }
  }

  return {
    async inspect(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${SNIFF_BYTES - 1}` }));
        const bytes = object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
        const size = totalOf(object.ContentRange) ?? object.ContentLength ?? bytes.length;
        return { size, head: bytes.subarray(0, SNIFF_BYTES) };
      } catch (error) {
        const name = (error as { name?: string }).name;
        if (error instanceof NoSuchKey || name === 'NoSuchKey' || name === 'NotFound') return undefined;
        return sizeOnly(key);
      }
    },
  };
}
