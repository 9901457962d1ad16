import { createHash, createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { canonicalRequest, type OpenApiScope } from '../../shared/src/auth/open-api';
import { appKeyAdmin } from '../../functions/src/auth/app-keys';
import { localDynamoClient } from '../../scripts/local/dynamodb-local';
import { api, type ApiResponse } from './api';

/**
 * A small client of the signed open API (/open/v1), as a consumer would write it, plus the key
 * administration the tests need. Reusable by every signed route (scope `portal`, `national_records`, …).
 */
export interface AppCredentials {
  keyId: string;
  secret: string;
}

/** The local stage's master secret, as stages/local.yml configures it for the functions. */
export function localMasterSecret(): string {
  const text = readFileSync(path.resolve(__dirname, '..', '..', 'stages', 'local.yml'), 'utf8');
  const match = /^\s*LOCAL_OPEN_API_MASTER_SECRET:\s*(\S+)\s*$/m.exec(text);
  if (!match) throw new Error('stages/local.yml sets no LOCAL_OPEN_API_MASTER_SECRET');
  return match[1]!;
}

async function withAdmin<T>(work: (admin: ReturnType<typeof appKeyAdmin>) => Promise<T>): Promise<T> {
  const client = localDynamoClient(process.env.DYNAMODB_ENDPOINT!);
  try {
    return await work(appKeyAdmin(DynamoDBDocumentClient.from(client), process.env.TABLE_NAME!, localMasterSecret()));
  } finally {
    client.destroy();
  }
}

/** A new active key of the local stack, as `npm run admin:open-api-key -- create` makes one. */
export const createAppKey = (scopes: OpenApiScope[], consumer = 'ahzwfw', name = '安徽政务服务网'): Promise<AppCredentials> =>
  withAdmin(async (admin) => {
    const { key, secret } = await admin.create({ consumer, name, scopes });
    return { keyId: key.keyId, secret };
  });

export const revokeAppKey = (keyId: string): Promise<boolean> => withAdmin((admin) => admin.revoke(keyId));

export interface SignedHeaders {
  'X-Ah-App-Key': string;
  'X-Ah-Timestamp': string;
  'X-Ah-Nonce': string;
  'X-Ah-Signature': string;
}

/** The four headers of a signed request. `body` is the exact text sent (none: empty). */
export function signRequest(credentials: AppCredentials, method: string, pathAndQuery: string, body = '', options: { timestamp?: number; nonce?: string } = {}): SignedHeaders {
  const [pathPart, query = ''] = pathAndQuery.split(/\?(.*)/s);
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? randomUUID();
  const canonical = canonicalRequest({ method, path: pathPart!, query, timestamp, nonce, bodyHash: createHash('sha256').update(body, 'utf8').digest('hex') });
  return {
    'X-Ah-App-Key': credentials.keyId,
    'X-Ah-Timestamp': timestamp,
    'X-Ah-Nonce': nonce,
    'X-Ah-Signature': createHmac('sha256', credentials.secret).update(canonical, 'utf8').digest('hex'),
  };
}

/** Sends a signed request to the local API; a JSON body is sent as `JSON.stringify(body)`. */
export function signedApi<T = any>(
  credentials: AppCredentials,
  method: 'GET' | 'POST',
  pathAndQuery: string,
  body?: unknown,
  options: { timestamp?: number; nonce?: string; headers?: (signed: SignedHeaders) => Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const signed = signRequest(credentials, method, pathAndQuery, text, options);
  const headers = options.headers ? options.headers(signed) : { ...signed };
  return api<T>(pathAndQuery, { method, headers: { ...(text ? { 'Content-Type': 'application/json' } : {}), ...headers }, ...(text ? { body: text } : {}) });
}
