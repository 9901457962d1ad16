import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Envelope encryption of personal data (identity numbers, drafts): each value gets its own random
 * data key (AES-256-GCM); the data key is stored wrapped by a master key. In AWS the master key is a
 * KMS key (the provider wraps and unwraps with KMS); locally it is a key from configuration.
 */
export interface KeyProvider {
  /** A fresh data key, in plain and wrapped form. */
  newDataKey(): Promise<{ plain: Buffer; wrapped: string }>;
  unwrap(wrapped: string): Promise<Buffer>;
}

export interface Sealed {
  v: 1;
  key: string;
  iv: string;
  tag: string;
  data: string;
}

function aesSeal(key: Buffer, plaintext: Buffer): { iv: string; tag: string; data: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

function aesOpen(key: Buffer, sealed: { iv: string; tag: string; data: string }): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
}

/** Wraps data keys with a 32-byte master key held in configuration (local stage). */
export function configuredKeyProvider(masterKeyBase64: string): KeyProvider {
  const master = Buffer.from(masterKeyBase64, 'base64');
  if (master.length !== 32) throw new Error('The master data key must be 32 bytes, base64-encoded');
  return {
    async newDataKey() {
      const plain = randomBytes(32);
      return { plain, wrapped: Buffer.from(JSON.stringify(aesSeal(master, plain))).toString('base64') };
    },
    async unwrap(wrapped) {
      return aesOpen(master, JSON.parse(Buffer.from(wrapped, 'base64').toString('utf8')));
    },
  };
}

/**
 * Keeps the next data key ordered before it is needed, so sealing waits for no key service: each call
 * takes the key ordered earlier and orders the next. Every value still gets its own data key; a key
 * whose order failed is ordered again at once.
 */
export function dataKeysAhead(provider: KeyProvider): KeyProvider {
  let next: Promise<{ plain: Buffer; wrapped: string }> | undefined;
  const order = () => {
    const ordered = provider.newDataKey();
    ordered.catch(() => undefined);
    return ordered;
  };
  return {
    async newDataKey() {
      const taken = next ?? order();
      next = order();
      return taken.catch(() => provider.newDataKey());
    },
    unwrap: (wrapped) => provider.unwrap(wrapped),
  };
}

export async function seal(keys: KeyProvider, value: unknown): Promise<Sealed> {
  const { plain, wrapped } = await keys.newDataKey();
  return { v: 1, key: wrapped, ...aesSeal(plain, Buffer.from(JSON.stringify(value), 'utf8')) };
}

export async function unseal<T>(keys: KeyProvider, sealed: Sealed): Promise<T> {
  const plain = await keys.unwrap(sealed.key);
  return JSON.parse(aesOpen(plain, sealed).toString('utf8')) as T;
}

/** A value sealed with a key derived from a secret the caller holds (see `sealWithSecret`). */
export interface SecretSealed {
  iv: string;
  tag: string;
  data: string;
}

const secretKey = (secret: string) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'ah-tourism/secret-seal/v1', 32));

/**
 * Seals a value with a key derived (HKDF-SHA-256) from a secret that only the client holds and the table
 * never stores, for an answer that must be repeated to the client's retry but never be readable from the
 * table (an invitation code, kept with the idempotency key that only the inviting phone knows).
 */
export function sealWithSecret(secret: string, value: unknown): SecretSealed {
  return aesSeal(secretKey(secret), Buffer.from(JSON.stringify(value), 'utf8'));
}

export function unsealWithSecret<T>(secret: string, sealed: SecretSealed): T {
  return JSON.parse(aesOpen(secretKey(secret), sealed).toString('utf8')) as T;
}
