import { S3Client } from '@aws-sdk/client-s3';
import { config } from './config';

let client: S3Client | undefined;

/** One S3 client per container; path-style against s3rver in the local stage. */
export function s3(): S3Client {
  if (!client) {
    const { s3Endpoint } = config();
    client = new S3Client({
      ...(s3Endpoint ? { endpoint: s3Endpoint, forcePathStyle: true } : {}),
      // Otherwise presigned URLs carry an empty-body checksum that real S3 rejects.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }
  return client;
}
