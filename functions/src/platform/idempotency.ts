import { createHash } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ErrorCode } from '@ah-tourism/shared';
import { config } from './config';
import { dynamo } from './dynamodb';
import { AppError } from './errors';
import { header, json, NO_STORE, type HttpEvent, type HttpResponse } from './http';

/*
 * Creates that are safe to retry. The client makes an `Idempotency-Key` once per intention and sends it
 * again with every retry. The create's own transaction also writes a key record, on the condition that
 * none exists:
 *   USER#<user> / IDEMPOTENCY#<key>   operation, hash of the request, what it created, TTL
 * Nothing is read first: a retry is recognised by its transaction failing on that condition, and only then
 * is the record read and the earlier result answered. The same key with another request is refused.
 */

/** 16–64 letters, digits, `-` or `_`: a UUID, or the app's 32 random hex characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** The errors of one kind of create: a missing key, a key used for another request, a first request still being written. */
export interface IdempotencyCodes {
  required: ErrorCode;
  reused: ErrorCode;
  inProgress: ErrorCode;
}

export const IDEMPOTENCY_CODES: IdempotencyCodes = {
  required: 'COMMON_IDEMPOTENCY_KEY_REQUIRED',
  reused: 'COMMON_IDEMPOTENCY_KEY_REUSED',
  inProgress: 'COMMON_REQUEST_IN_PROGRESS',
};

/** How long a key is remembered when the app keeps it only while its page is open. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

export interface IdempotentRequest {
  userId: string;
  key: string;
  /** What the key was used for ('complaint', 'evaluation', …): one key is one intention. */
  operation: string;
  requestHash: string;
  codes: IdempotencyCodes;
}

/** Stable hash of a request (keys sorted at every level), so a reused key with another body is recognised. */
export function requestHash(body: unknown): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]))
        : value;
  return createHash('sha256').update(JSON.stringify(canonical(body))).digest('base64url');
}

/**
 * The caller's key for this request, checked. `content` is everything that makes the request what it is:
 * the body and the path's identifiers (the same evaluation body for another case is another request).
 */
export function idempotentRequest(userId: string, key: string | undefined, operation: string, content: unknown, codes: IdempotencyCodes = IDEMPOTENCY_CODES): IdempotentRequest {
  if (!key || !IDEMPOTENCY_KEY_PATTERN.test(key)) throw new AppError(codes.required);
  return { userId, key, operation, requestHash: requestHash(content), codes };
}

export const idempotencyRecordKey = (userId: string, key: string) => ({ pk: `USER#${userId}`, sk: `IDEMPOTENCY#${key}` });

/** The Put that claims the key, for the transaction that creates what the request asks for. */
export function idempotencyClaim(tableName: string, request: Pick<IdempotentRequest, 'userId' | 'key' | 'operation' | 'requestHash'>, result: Record<string, unknown>, at: Date, ttlSeconds: number) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...idempotencyRecordKey(request.userId, request.key),
        entity: 'Idempotency',
        operation: request.operation,
        requestHash: request.requestHash,
        result,
        expiresAt: Math.floor(at.getTime() / 1000) + ttlSeconds,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * What an earlier request with this key created, or undefined while there is none. A key used for another
 * request is refused. Records written before results were kept apart carry theirs at the top level.
 */
export async function earlierResult<R>(request: IdempotentRequest): Promise<R | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: config().tableName, Key: idempotencyRecordKey(request.userId, request.key), ConsistentRead: true }));
  if (!Item) return undefined;
  if ((Item.operation !== undefined && Item.operation !== request.operation) || Item.requestHash !== request.requestHash) throw new AppError(request.codes.reused);
  return (Item.result ?? Item) as R;
}

/** What a cancelled transaction says about the claim: the key is taken, or another transaction held the same rows. */
export function claimOutcome(error: unknown, claimIndex: number): 'key_taken' | 'conflict' | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  const reasons = error.CancellationReasons ?? [];
  if (reasons[claimIndex]?.Code === 'ConditionalCheckFailed') return 'key_taken';
  if (reasons.some((reason) => reason.Code === 'TransactionConflict')) return 'conflict';
  return undefined;
}

export type CreateOutcome<T> = { created: T } | 'key_taken' | 'conflict';

export interface CreateOnce<T, R extends Record<string, unknown>> {
  /**
   * Writes the new thing in one transaction that includes `claim(result)`; answers what it created, or
   * (from `claimOutcome`) that the key was taken or the transaction ran into another one.
   */
  create(claim: (result: R) => object): Promise<CreateOutcome<T>>;
  /** The answer to a retry, from what the first request recorded. */
  replay(result: R): Promise<T>;
  ttlSeconds?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

const ATTEMPTS = 8;

/**
 * Runs a create at most once per key. A retry gets the first request's answer (`created: false`); a
 * request refused before it wrote (a 4xx) still gets the first answer when the key already made
 * something; one that collides with a concurrent duplicate waits for it and answers the same.
 */
export async function createOnce<T, R extends Record<string, unknown>>(request: IdempotentRequest, work: CreateOnce<T, R>): Promise<{ created: boolean; value: T }> {
  const now = work.now ?? (() => new Date());
  const sleep = work.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const claim = (result: R) => idempotencyClaim(config().tableName, request, result, now(), work.ttlSeconds ?? IDEMPOTENCY_TTL_SECONDS);
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    let outcome: CreateOutcome<T>;
    try {
      outcome = await work.create(claim);
    } catch (error) {
      if (error instanceof AppError && error.status < 500) {
        const earlier = await earlierResult<R>(request);
        if (earlier) return { created: false, value: await work.replay(earlier) };
      }
      throw error;
    }
    if (typeof outcome === 'object') return { created: true, value: outcome.created };
    const earlier = await earlierResult<R>(request);
    if (earlier) return { created: false, value: await work.replay(earlier) };
    // A transaction on the same rows is still running (most likely this key's first request): try again.
    await sleep(40 * (attempt + 1) + Math.random() * 40);
  }
  throw new AppError(request.codes.inProgress);
}

/** The request's `Idempotency-Key` header. */
export const idempotencyKeyOf = (event: HttpEvent) => header(event, 'idempotency-key');

/** The answer of a create: `createdStatus` the first time; 200 with `Idempotent-Replayed: true` for a retry. */
export function idempotentResponse<T>(result: { created: boolean; value: T }, createdStatus = 201): HttpResponse {
  return json(result.created ? createdStatus : 200, result.value, { ...NO_STORE, ...(result.created ? {} : { 'Idempotent-Replayed': 'true' }) });
}
