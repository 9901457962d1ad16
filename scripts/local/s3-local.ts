import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// s3rver ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => {
  run(): Promise<unknown>;
  close(): Promise<void>;
  on(name: 'event', listener: (event: { Records?: S3EventRecord[] }) => void): void;
};
import { assertPortFree, type Managed } from './process';
import type { S3EventRecord } from './s3-events';

export const LOCAL_MATERIALS_BUCKET = 'ah-tourism-local-materials';

function corsXml(origins: string[]): string {
  const rules = origins
    .map(
      (origin) => `<CORSRule><AllowedOrigin>${origin}</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod>` +
        `<AllowedMethod>POST</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule>`,
    )
    .join('');
  return `<CORSConfiguration>${rules}</CORSConfiguration>`;
}

/** s3rver on 127.0.0.1:port with the materials bucket, its files in a fresh temporary folder. */
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
    configureBuckets: [{ name: LOCAL_MATERIALS_BUCKET, configs: corsOrigins.length ? [corsXml(corsOrigins)] : [] }],
  });
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
