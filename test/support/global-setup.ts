import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { TEST_PORTS, portsFromEnv, startStack } from '../../scripts/local/stack';

export const OUTPUT_DIR = path.resolve(__dirname, '..', '..', 'test-results');

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Starts the real local stack once for the API and browser tests; its logs go to test-results/stack.log. */
export default async function globalSetup(): Promise<void> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const log = createWriteStream(path.join(OUTPUT_DIR, 'stack.log'));
  const began = Date.now();
  const stack = await startStack({
    // TEST_PORTS unless overridden (DYNAMODB_PORT, S3_PORT, API_PORT, LAMBDA_PORT, H5_PORT, WECHAT_PORT).
    ports: portsFromEnv(TEST_PORTS),
    h5: process.env.TEST_H5 === 'none' ? 'none' : 'static',
    log: (source, line) => log.write(`[${source}] ${line}\n`),
    progress: (step) => log.write(`• ${seconds(Date.now() - began)} ${step}\n`),
  });
  process.stdout.write(
    `\nLocal stack for system tests ready in ${seconds(Date.now() - began)}${stack.h5Url ? (stack.h5Reused ? ' (H5 build reused)' : ' (H5 built)') : ''}\n`,
  );
  process.env.API_URL = stack.apiUrl;
  process.env.DYNAMODB_ENDPOINT = stack.dynamodbEndpoint;
  process.env.S3_ENDPOINT = stack.s3Endpoint;
  process.env.TABLE_NAME = stack.tableName;
  process.env.WECHAT_URL = stack.wechatUrl;
  process.env.LAMBDA_URL = stack.lambdaUrl;
  if (stack.h5Url) process.env.H5_URL = stack.h5Url;
  (globalThis as { __LOCAL_STACK__?: typeof stack }).__LOCAL_STACK__ = stack;
}
