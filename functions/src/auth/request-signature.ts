import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { APP_KEY_ID_PATTERN, canonicalRequest, NONCE_PATTERN, SIGNATURE_HEADERS, SIGNATURE_MAX_SKEW_SECONDS, type OpenApiScope } from '@ah-tourism/shared/src/auth/open-api';
import type { ErrorCode } from '@ah-tourism/shared';
import { deriveAppSecret, secretFingerprint, type AppKey } from './app-keys';
import { AppError } from '../platform/errors';
import { header, MAX_JSON_BODY_BYTES, type HttpEvent } from '../platform/http';

/** Lower-case hex SHA-256 of the body's bytes. */
export const bodyHash = (body: Buffer | string) => createHash('sha256').update(body).digest('hex');

/** hex(HMAC-SHA256(secret, canonical request)). */
export const signCanonical = (secret: string, canonical: string) => createHmac('sha256', secret).update(canonical, 'utf8').digest('hex');

/** What checking a signature needs: the key's row, the master secret, the nonce ledger and the clock. */
export interface SignatureDeps {
  readKey(keyId: string): Promise<AppKey | undefined>;
  masterSecret(): Promise<string>;
  /** Records the nonce as used; false when it was used before. */
  claimNonce(keyId: string, nonce: string, nowSeconds: number): Promise<boolean>;
  now?: () => number;
}

/** Who made a signed request. */
export interface SignedCaller {
  keyId: string;
  consumer: string;
  scopes: OpenApiScope[];
}

/** The refusal of a signed request, with what may be logged of it (the presented key id, when well-formed). */
export class SignatureRefused extends AppError {
  constructor(
    code: ErrorCode,
    readonly keyId: string | undefined,
    readonly consumer?: string,
  ) {
    super(code);
  }
}

const sameHex = (a: string, b: string) => {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  // Lengths differ only for a malformed signature; the comparison itself never stops early.
  return left.length === right.length && timingSafeEqual(left, right);
};

/** The body's bytes as the client sent them, bounded before hashing. */
export function rawBody(event: HttpEvent): Buffer {
  if (!event.body) return Buffer.alloc(0);
  const bytes = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (bytes.length > MAX_JSON_BODY_BYTES) throw new AppError('COMMON_PAYLOAD_TOO_LARGE');
  return bytes;
}

/**
 * Checks a signed request, cheapest first, and answers who sent it: the headers, the timestamp (±5 minutes),
 * the key (unknown, revoked), the signature (constant time), the scope (403), then the nonce, which is
 * spent only by a request that passed everything else (a forged request cannot burn a consumer's nonces).
 */
export async function verifySignedRequest(event: HttpEvent, scope: OpenApiScope, deps: SignatureDeps): Promise<SignedCaller> {
  const keyId = header(event, SIGNATURE_HEADERS.appKey);
  const timestamp = header(event, SIGNATURE_HEADERS.timestamp);
  const nonce = header(event, SIGNATURE_HEADERS.nonce);
  const signature = header(event, SIGNATURE_HEADERS.signature);
  const presented = keyId && APP_KEY_ID_PATTERN.test(keyId) ? keyId : undefined;
  if (!keyId || !timestamp || !nonce || !signature) throw new SignatureRefused('OPEN_API_SIGNATURE_MISSING', presented);
  if (!presented) throw new SignatureRefused('OPEN_API_KEY_UNKNOWN', undefined);
  if (!NONCE_PATTERN.test(nonce) || !/^[0-9a-f]{64}$/.test(signature)) throw new SignatureRefused('OPEN_API_SIGNATURE_INVALID', presented);

  const nowSeconds = Math.floor((deps.now ?? Date.now)() / 1000);
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_MAX_SKEW_SECONDS) throw new SignatureRefused('OPEN_API_TIMESTAMP_STALE', presented);

  const key = await deps.readKey(presented);
  if (!key) throw new SignatureRefused('OPEN_API_KEY_UNKNOWN', presented);
  if (key.status !== 'active') throw new SignatureRefused('OPEN_API_KEY_REVOKED', presented, key.consumer);

  const secret = deriveAppSecret(await deps.masterSecret(), presented);
  // A master secret other than the one the key was issued under: no valid signature can exist; fail closed.
  if (!sameHex(secretFingerprint(secret), key.fingerprint)) throw new SignatureRefused('OPEN_API_KEY_UNKNOWN', presented, key.consumer);
  const canonical = canonicalRequest({
    method: event.requestContext?.http?.method ?? 'GET',
    path: event.rawPath,
    query: event.rawQueryString ?? '',
    timestamp,
    nonce,
    bodyHash: bodyHash(rawBody(event)),
  });
  if (!sameHex(signCanonical(secret, canonical), signature)) throw new SignatureRefused('OPEN_API_SIGNATURE_INVALID', presented, key.consumer);
  if (!key.scopes.includes(scope)) throw new SignatureRefused('OPEN_API_SCOPE_FORBIDDEN', presented, key.consumer);
  if (!(await deps.claimNonce(presented, nonce, nowSeconds))) throw new SignatureRefused('OPEN_API_NONCE_REUSED', presented, key.consumer);
  return { keyId: presented, consumer: key.consumer, scopes: key.scopes };
}
