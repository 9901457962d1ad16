import type { S3Client } from '@aws-sdk/client-s3';
import { config } from './config';

/**
 * The S3 client, loaded on first use: the AWS SDK modules are not bundled (they come from the
 * function's SDK layer, see README "Deploy"), and only the routes that touch material files load them.
 * A static import here would load the S3 client in every case function at cold start.
 */
export type S3Sdk = typeof import('@aws-sdk/client-s3');

let loaded: Promise<{ client: S3Client; sdk: S3Sdk }> | undefined;

/** One S3 client per container (with its module's commands and errors); path-style against s3rver in the local stage. */
export function s3(): Promise<{ client: S3Client; sdk: S3Sdk }> {
  if (!loaded) {
    loaded = import('@aws-sdk/client-s3').then((sdk) => {
      const { s3Endpoint } = config();
      const client = new sdk.S3Client({
        ...(s3Endpoint ? { endpoint: s3Endpoint, forcePathStyle: true } : {}),
        // Otherwise presigned URLs carry an empty-body checksum that real S3 rejects.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      });
      return { client, sdk };
    });
    // A failed load is retried on the next call instead of being kept.
    loaded.catch(() => (loaded = undefined));
  }
  return loaded;
}

/** The presigned-POST helper (upload tickets), loaded on first use. */
export const presignedPost = () => import('@aws-sdk/s3-presigned-post');

/** The URL presigner (download links), loaded on first use. */
export const requestPresigner = () => import('@aws-sdk/s3-request-presigner');
