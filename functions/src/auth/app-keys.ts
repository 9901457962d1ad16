import { createHash, createHmac, randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { NONCE_TTL_SECONDS, type OpenApiScope } from '@ah-tourism/shared/src/auth/open-api';

/*
 * App keys of the signed open API. HMAC needs the secret on both sides, yet the table must never hold it:
 * each key's secret is derived, HMAC-SHA-256(master secret, "ah-tourism/open-api/v1/" + key id), from one
 * master secret that lives in SSM (SecureString `<prefix>open-api-master-secret`; the local stage's is in
 * stages/local.yml). The table holds the key id, consumer, scopes, status, dates and the secret's SHA-256
 * fingerprint, which the verifier compares with what it derives (a changed master secret fails closed).
 * Rows:
 *   APPKEYS / KEY#<keyId>                  the key (one partition: a handful of consumers, listed by Query)
 *   APPNONCE#<keyId>#<nonce> / NONCE       a used nonce, expiring after NONCE_TTL_SECONDS
 * Rotation is a new key for the same consumer, then the old one revoked.
 */

export interface AppKey {
  keyId: string;
  /** Short stable id of the consumer, e.g. ahzwfw; its portal evaluations are idempotent per consumer. */
  consumer: string;
  /** The consumer's name, e.g. 安徽政务服务网. */
  name: string;
  scopes: OpenApiScope[];
  status: 'active' | 'revoked';
  createdAt: string;
  revokedAt?: string;
  /** Hex SHA-256 of the secret: shows which secret a key had, never the secret. */
  fingerprint: string;
}

export const APP_KEYS_PARTITION = 'APPKEYS';
export const appKeyRow = (keyId: string) => ({ pk: APP_KEYS_PARTITION, sk: `KEY#${keyId}` });
export const nonceRow = (keyId: string, nonce: string) => ({ pk: `APPNONCE#${keyId}#${nonce}`, sk: 'NONCE' });

export function deriveAppSecret(masterSecret: string, keyId: string): string {
  return createHmac('sha256', masterSecret).update(`ah-tourism/open-api/v1/${keyId}`).digest('base64url');
}

export const secretFingerprint = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

export const newKeyId = () => `ak_${randomBytes(12).toString('hex')}`;

/** The key (strongly consistent: a revocation counts at once), or undefined. */
export async function readAppKey(db: DynamoDBDocumentClient, tableName: string, keyId: string): Promise<AppKey | undefined> {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: appKeyRow(keyId), ConsistentRead: true }));
  return Item?.key as AppKey | undefined;
}

/** Records a nonce as used; false when it was used before (within its time to live). */
export async function claimNonce(db: DynamoDBDocumentClient, tableName: string, keyId: string, nonce: string, nowSeconds: number): Promise<boolean> {
  try {
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...nonceRow(keyId, nonce), entity: 'AppNonce', expiresAt: nowSeconds + NONCE_TTL_SECONDS },
        // TTL deletion lags: an expired row still present does not count as used.
        ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
        ExpressionAttributeValues: { ':now': nowSeconds },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Creating, revoking and listing keys (scripts/admin/open-api-key.ts; the tests). */
export function appKeyAdmin(db: DynamoDBDocumentClient, tableName: string, masterSecret: string, now: () => Date = () => new Date()) {
  return {
    /** A new key; the secret is answered once here and never stored. */
    async create(input: { consumer: string; name: string; scopes: OpenApiScope[] }): Promise<{ key: AppKey; secret: string }> {
      const keyId = newKeyId();
      const secret = deriveAppSecret(masterSecret, keyId);
      const key: AppKey = { keyId, consumer: input.consumer, name: input.name, scopes: [...new Set(input.scopes)], status: 'active', createdAt: now().toISOString(), fingerprint: secretFingerprint(secret) };
      await db.send(new PutCommand({ TableName: tableName, Item: { ...appKeyRow(keyId), entity: 'AppKey', key }, ConditionExpression: 'attribute_not_exists(pk)' }));
      return { key, secret };
    },
    /** Revokes a key at once (the verifier reads the key on every request); false when there is no such key. */
    async revoke(keyId: string): Promise<boolean> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: appKeyRow(keyId),
            UpdateExpression: 'SET #key.#status = :revoked, #key.revokedAt = if_not_exists(#key.revokedAt, :at)',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#key': 'key', '#status': 'status' },
            ExpressionAttributeValues: { ':revoked': 'revoked', ':at': now().toISOString() },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
    async list(): Promise<AppKey[]> {
      const keys: AppKey[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': APP_KEYS_PARTITION }, ExclusiveStartKey: startKey }));
        keys.push(...(page.Items ?? []).map((item) => item.key as AppKey));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return keys;
    },
  };
}
