import { AppError } from './errors';

type Key = Record<string, string>;

/** Opaque pagination cursor: the DynamoDB key where the next page starts, base64url-encoded. */
export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor and checks it belongs to the partition being queried, so a tampered cursor
 * can neither error inside DynamoDB nor jump to another partition.
 */
export function decodeCursor(cursor: string, keyNames: string[], partition: { name: string; value: string }): Key {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('COMMON_INVALID_CURSOR');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new AppError('COMMON_INVALID_CURSOR');
  const entries = Object.entries(parsed);
  const valid =
    entries.length === keyNames.length &&
    entries.every(([name, value]) => keyNames.includes(name) && typeof value === 'string' && value.length <= 512) &&
    (parsed as Key)[partition.name] === partition.value;
  if (!valid) throw new AppError('COMMON_INVALID_CURSOR');
  return parsed as Key;
}
