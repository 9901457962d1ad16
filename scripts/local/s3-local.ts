import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// s3rver ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => {
  /** Koa's middleware list, composed when the server starts. */
  middleware: S3Middleware[];
  run(): Promise<unknown>;
  close(): Promise<void>;
  on(name: 'event', listener: (event: { Records?: S3EventRecord[] }) => void): void;
};
import { S3Client } from '@aws-sdk/client-s3';
import { LOCAL_AWS_ENV } from './dynamodb-local';
import { assertPortFree, type Managed } from './process';
import type { S3EventRecord } from './s3-events';

type S3Middleware = (ctx: S3Context, next: () => Promise<void>) => Promise<void>;
interface S3Context {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  status: number;
  type: string;
  body: unknown;
  store: { existsObject(bucket: string, key: string): Promise<boolean> };
}

export const LOCAL_MATERIALS_BUCKET = 'ah-tourism-local-materials';
/**
 * The audit anchors (resources/audit-anchors.yml). s3rver has no versioning and no Object Lock, and
 * ignores bucket policies: locally nothing stops a delete or a write by another function. It does get
 * S3's conditional PUT (If-None-Match: *, below), which the anchoring function relies on.
 */
export const LOCAL_AUDIT_ANCHOR_BUCKET = 'ah-tourism-local-audit-anchors';

/** S3's conditional write: a PUT with If-None-Match: * over an existing key answers 412 and changes nothing. */
const conditionalPut: S3Middleware = async (ctx, next) => {
  const [, bucket, ...key] = ctx.path.split('/');
  if (ctx.method === 'PUT' && ctx.headers['if-none-match'] === '*' && bucket && key.length && (await ctx.store.existsObject(bucket, decodeURIComponent(key.join('/'))))) {
    ctx.status = 412;
    ctx.type = 'application/xml';
    ctx.body = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message><Condition>If-None-Match</Condition></Error>';
    return;
  }
  await next();
};

function corsXml(origins: string[]): string {
  const rules = origins
    .map(
      (origin) => `<CORSRule><AllowedOrigin>${origin}</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod>` +
        `<AllowedMethod>POST</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule>`,
    )
    .join('');
  return `<CORSConfiguration>${rules}</CORSConfiguration>`;
}

/** s3rver on 127.0.0.1:port with the materials and audit anchor buckets, its files in a fresh temporary folder. */
export async function startS3Local(
  port: number,
  corsOrigins: string[],
): Promise<Managed & { endpoint: string; bucket: string; onEvent(listener: (event: { Records?: S3EventRecord[] }) => void): void }> {
  await assertPortFree(port, 'local S3 (s3rver)', 'S3_PORT');
  const directory = mkdtempSync(path.join(os.tmpdir(), 'ah-tourism-s3-'));
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [
      { name: LOCAL_MATERIALS_BUCKET, configs: corsOrigins.length ? [corsXml(corsOrigins)] : [] },
      { name: LOCAL_AUDIT_ANCHOR_BUCKET, configs: [] },
    ],
  });
  // Ahead of s3rver's own routes, which would overwrite.
  server.middleware.unshift(conditionalPut);
  await server.run();
  return {
    name: 'local S3',
    endpoint: `http://127.0.0.1:${port}`,
    bucket: LOCAL_MATERIALS_BUCKET,
    /** AWS-shaped S3 event records (ObjectCreated:Post, …) for every write, as s3rver emits them. */
    onEvent: (listener) => server.on('event', listener),
    stop: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** An S3 client for s3rver: path-style, the dummy credentials, no checksums s3rver would not expect. */
export function localS3Client(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    forcePathStyle: true,
    region: LOCAL_AWS_ENV.AWS_REGION,
    credentials: { accessKeyId: LOCAL_AWS_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_AWS_ENV.AWS_SECRET_ACCESS_KEY },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
