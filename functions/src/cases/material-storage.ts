import { MAX_MATERIAL_BYTES } from '@ah-tourism/shared';
import { config } from '../platform/config';
import { s3 } from '../platform/s3';
import { checkMaterialContent } from './file-content';
import { SNIFF_BYTES, declaredTypeOfKey, sniffMaterialType, type ContentFinding } from './file-type';

/** What submission needs to know of an uploaded file. */
export interface InspectedFile {
  size: number;
  /** The first bytes, which tell the real type. */
  head: Uint8Array;
  /**
   * The whole-file check against the type declared for the upload; absent when the file was not read
   * whole (empty, over the size limit, or not PDF/JPG/PNG by its first bytes: refused without it).
   */
  content?: ContentFinding;
}

export interface MaterialInspector {
  /** Size, first bytes and content check of an uploaded object, or undefined if there is none. */
  inspect(key: string): Promise<InspectedFile | undefined>;
}

/** `bytes 0-15/48213` → 48213. */
const totalOf = (contentRange: string | undefined) => {
  const total = contentRange?.split('/')[1];
  return total && total !== '*' ? Number(total) : undefined;
};

/**
 * A ranged GET per file first: the first bytes for the type, and the size from Content-Range. Only a
 * file within the size limit that starts like a PDF/JPG/PNG is then read whole (at most the limit plus
 * one byte, whatever it grew to meanwhile) and checked. An empty object has no first byte to range
 * over: S3 answers 416 InvalidRange (s3rver drops the connection), and only then does a HEAD tell the
 * size. A failure reading a file whole is thrown, never taken for a bad file. The S3 modules load on
 * the first inspection.
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

  /** The object's first `length` bytes and its whole size; undefined if there is no such object. */
  async function bytesOf(key: string, length: number) {
    const { client, sdk } = await s3();
    try {
      const object = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${length - 1}` }));
      const bytes = object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
      return { size: totalOf(object.ContentRange) ?? object.ContentLength ?? bytes.length, bytes: bytes.subarray(0, length) };
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (error instanceof sdk.NoSuchKey || name === 'NoSuchKey' || name === 'NotFound') return undefined;
      throw error;
    }
  }

  return {
    async inspect(key) {
      const first = await bytesOf(key, SNIFF_BYTES).catch(() => sizeOnly(key).then((found) => found && { size: found.size, bytes: found.head }));
      if (!first) return undefined;
      const worthReading = first.size > 0 && first.size <= MAX_MATERIAL_BYTES && sniffMaterialType(first.bytes);
      if (!worthReading) return { size: first.size, head: first.bytes };
      const whole = await bytesOf(key, MAX_MATERIAL_BYTES + 1);
      if (!whole) return undefined;
      const head = whole.bytes.subarray(0, SNIFF_BYTES);
      if (whole.size > MAX_MATERIAL_BYTES) return { size: whole.size, head };
      return { size: whole.size, head, content: await checkMaterialContent(declaredTypeOfKey(key), whole.bytes) };
    },
  };
}
