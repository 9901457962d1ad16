import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { config } from './config';
import { dynamo } from './dynamodb';
import type { ErrorCode } from '@ah-tourism/shared';
import { AppError } from './errors';

/** A per-client request window, TTL: `RATE#<scope>#<client> / WINDOW`. */
const rateKey = (scope: string, client: string) => ({ pk: `RATE#${scope}#${client}`, sk: 'WINDOW' });

/** The source address as a short hash: enough to tell clients apart, without keeping their addresses. */
export const clientKey = (sourceIp: string) => createHash('sha256').update(`rate:${sourceIp}`).digest('base64url').slice(0, 22);

/**
 * At most `limit` requests per client in a window of `windowMs` that opens with the client's first
 * request; the next one gets 429 with the seconds until the window ends. Counted with conditional
 * updates on one item per client (expires by TTL), so concurrent requests cannot overshoot. The 429
 * answers `code` (a route may name its own, with its own message).
 */
export async function takeFromWindow(scope: string, client: string, limit: number, now = Date.now(), windowMs = 60_000, code: ErrorCode = 'COMMON_RATE_LIMITED'): Promise<void> {
  const db = dynamo();
  const { tableName: TableName } = config();
  const Key = rateKey(scope, client);
  const cutoff = now - windowMs;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      // Inside an open window with room left: count this request.
      await db.send(
        new UpdateCommand({
          TableName,
          Key,
          UpdateExpression: 'SET n = n + :one',
          ConditionExpression: 'windowStart > :cutoff AND n < :limit',
          ExpressionAttributeValues: { ':one': 1, ':cutoff': cutoff, ':limit': limit },
        }),
      );
      return;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    const { Item } = await db.send(new GetCommand({ TableName, Key, ConsistentRead: true }));
    if (Item && Number(Item.windowStart) > cutoff) {
      throw new AppError(code, undefined, undefined, { 'Retry-After': String(secondsLeft(Item, now, windowMs)) });
    }
    try {
      // No window, or it has ended: open a new one with this request.
      await db.send(
        new UpdateCommand({
          TableName,
          Key,
          UpdateExpression: 'SET windowStart = :now, n = :one, entity = :entity, expiresAt = :expires',
          ConditionExpression: 'attribute_not_exists(pk) OR windowStart <= :cutoff',
          ExpressionAttributeValues: { ':now': now, ':one': 1, ':cutoff': cutoff, ':entity': 'RateWindow', ':expires': Math.ceil((now + 2 * windowMs) / 1000) },
        }),
      );
      return;
    } catch (error) {
      // Another request opened it first: count against that window.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
  throw new AppError(code, undefined, undefined, { 'Retry-After': '60' });
}

/**
 * Seconds until the window of `client` has room again, or undefined when it has room now. Reads without
 * counting: for limits on failures, where only a failed attempt is counted (`takeFromWindow`) but every
 * attempt is refused while the window is full.
 */
export async function windowFullFor(scope: string, client: string, limit: number, now = Date.now(), windowMs = 60_000): Promise<number | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: config().tableName, Key: rateKey(scope, client), ConsistentRead: true }));
  if (!Item || Number(Item.windowStart) <= now - windowMs || Number(Item.n) < limit) return undefined;
  return secondsLeft(Item, now, windowMs);
}

/** Whole seconds (at least 1) until the window that opened at the record's `windowStart` ends. */
const secondsLeft = (window: Record<string, unknown>, now: number, windowMs: number) => Math.max(1, Math.ceil((Number(window.windowStart) + windowMs - now) / 1000));
