import { sm2 } from 'sm-crypto-v2';
import { licencePayloadSchema, type LicenceKey, type LicencePayload } from './licence';

/**
 * The signed form of a licence, as its QR code carries it: `AHL1.<payload>.<signature>`, both parts
 * base64url. The payload is the licence's canonical JSON (keys sorted at every level, no spaces, UTF-8);
 * the signature is SM2 with SM3 over exactly those bytes, with the default signer ID 1234567812345678
 * (GB/T 32918, GM/T 0009), DER-encoded, so `openssl pkeyutl -verify -rawin -digest sm3` checks it too
 * (README, "Verifying a licence offline"). Verifying needs the issuer's public key and nothing else.
 */
export const TOKEN_PREFIX = 'AHL1';
export const SM2_USER_ID = '1234567812345678';

/** JSON with the keys of every object sorted and no whitespace: one text for one licence. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

// The library's own UTF-8 and hex helpers: TextEncoder is not in every mini-program base library.
const utf8 = (text: string) => sm2.hexToArray(sm2.utf8ToHex(text));
const fromUtf8 = (bytes: Uint8Array) => sm2.arrayToUtf8(bytes);
const hex = (bytes: Uint8Array) => sm2.arrayToHex(Array.from(bytes));
const fromHex = (text: string) => sm2.hexToArray(text);

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** base64url without padding, written out so it runs the same in Node, browsers and the mini-program. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    if (i + 1 < bytes.length) out += B64[(n >> 6) & 63]!;
    if (i + 2 < bytes.length) out += B64[n & 63]!;
  }
  return out;
}

export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    const n = [...chunk].reduce((acc, c, j) => acc | (B64.indexOf(c) << (18 - 6 * j)), 0);
    bytes.push((n >> 16) & 255);
    if (chunk.length > 2) bytes.push((n >> 8) & 255);
    if (chunk.length > 3) bytes.push(n & 255);
  }
  return new Uint8Array(bytes);
}

/** Signs a licence with the issuer's private key (hex); returns the token its QR code carries. */
export function signLicence(payload: LicencePayload, privateKeyHex: string): string {
  const bytes = utf8(canonicalJson(payload));
  const signature = sm2.doSignature(bytes, privateKeyHex, { hash: true, der: true, userId: SM2_USER_ID });
  return `${TOKEN_PREFIX}.${toBase64Url(bytes)}.${toBase64Url(fromHex(signature))}`;
}

type KeyPoint = ReturnType<typeof sm2.precomputePublicKey>;

/** Window of the precomputed multiples: preparing a key costs about 1.5 plain checks; 8 (the library's default) about 15, for 0.55 instead of 0.75 ms a check. */
const KEY_POINT_WINDOW = 4;
const keyPoints = new Map<string, KeyPoint>();

/**
 * A published key as a curve point with its multiples precomputed, prepared on its first use and kept
 * for the life of the process (a warm function instance checks every token with it). Without it each
 * check parses the key and multiplies its point from scratch: 3.5 to 13 ms on the benchmark machine
 * (with its load), most of verification; with it under 1 ms (BENCHMARKS.md, "Licence verification
 * against a bare GetItem"). Only keys of the caller's
 * published list come here (a token names a key id, never a key), so the cache stays that small.
 */
export function licenceKeyPoint(publicKeyHex: string): KeyPoint {
  let point = keyPoints.get(publicKeyHex);
  if (!point) {
    point = sm2.precomputePublicKey(publicKeyHex, KEY_POINT_WINDOW);
    keyPoints.set(publicKeyHex, point);
  }
  return point;
}

export type TokenCheck =
  | { ok: true; payload: LicencePayload }
  /** Not a licence of this system, altered, or signed with a key that is not published. */
  | { ok: false; reason: 'malformed' | 'unknown_key' | 'bad_signature' };

/**
 * Checks a token against the published keys, offline: the signature over the exact payload bytes, and
 * that those bytes are a licence in canonical form (a re-serialised or padded payload is not accepted).
 */
export function checkLicenceToken(token: string, keys: readonly Pick<LicenceKey, 'keyId' | 'publicKey'>[]): TokenCheck {
  const [prefix, body, signature, ...rest] = token.trim().split('.');
  if (prefix !== TOKEN_PREFIX || !body || !signature || rest.length) return { ok: false, reason: 'malformed' };
  const bytes = fromBase64Url(body);
  const sig = fromBase64Url(signature);
  if (!bytes || !sig) return { ok: false, reason: 'malformed' };
  let text: string;
  let parsed: ReturnType<typeof licencePayloadSchema.safeParse>;
  try {
    text = fromUtf8(bytes);
    parsed = licencePayloadSchema.safeParse(JSON.parse(text));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!parsed.success || canonicalJson(parsed.data) !== text) return { ok: false, reason: 'malformed' };
  const key = keys.find((k) => k.keyId === parsed.data.keyId);
  if (!key) return { ok: false, reason: 'unknown_key' };
  let valid = false;
  try {
    valid = sm2.doVerifySignature(bytes, hex(sig), licenceKeyPoint(key.publicKey), { hash: true, der: true, userId: SM2_USER_ID });
  } catch {
    valid = false;
  }
  return valid ? { ok: true, payload: parsed.data } : { ok: false, reason: 'bad_signature' };
}

/** A new SM2 key pair (hex), for the local stage and for rotation. */
export function generateLicenceKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  return { privateKey, publicKey };
}

export const publicKeyOf = (privateKeyHex: string) => sm2.getPublicKeyFromPrivateKey(privateKeyHex);
