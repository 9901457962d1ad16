import type { LicenceKey } from '@ah-tourism/shared';
import { SM2_USER_ID, publicKeyOf } from '@ah-tourism/shared/src/licences/token';
import { config } from '../platform/config';
import { parameter } from '../platform/parameters';

/**
 * The keys licences are signed with. The private key is read from configuration only: the SSM
 * SecureString `<prefix>licence-signing-key` ({"keyId", "privateKey"}) in AWS, a key generated on this
 * machine for the local stage (never one from the repository). The published public keys are every key
 * ever used, from the SSM String `<prefix>licence-public-keys` ([{"keyId", "publicKey"}]): rotating
 * adds a key to that list and switches the signing key, so licences signed before stay verifiable.
 * Only the functions that issue licences may read the signing key (serverless.yml, their roles).
 */
export interface SigningKey {
  keyId: string;
  privateKey: string;
}

let signing: Promise<SigningKey> | undefined;
let published: Promise<LicenceKey[]> | undefined;

function parseJson<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`${what} is not JSON`);
  }
}

export function publishedLicenceKeys(): Promise<LicenceKey[]> {
  published ??= parameter('licence-public-keys', config().localLicencePublicKeys).then((text) =>
    parseJson<{ keyId: string; publicKey: string }[]>(text, 'licence-public-keys').map(({ keyId, publicKey }) => ({ keyId, publicKey, algorithm: 'SM2-SM3' as const, userId: SM2_USER_ID })),
  );
  published.catch(() => (published = undefined));
  return published;
}

/** The current signing key, checked against the published list: a licence no one could verify is never issued. */
export function licenceSigningKey(): Promise<SigningKey> {
  signing ??= Promise.all([parameter('licence-signing-key', config().localLicenceSigningKey), publishedLicenceKeys()]).then(([text, keys]) => {
    const key = parseJson<SigningKey>(text, 'licence-signing-key');
    const listed = keys.find((k) => k.keyId === key.keyId);
    if (!listed || listed.publicKey !== publicKeyOf(key.privateKey)) throw new Error(`Licence signing key ${key.keyId} is not among the published keys`);
    return key;
  });
  signing.catch(() => (signing = undefined));
  return signing;
}

/** For tests that change the keys between cases. */
export function resetLicenceKeys(): void {
  signing = undefined;
  published = undefined;
}
