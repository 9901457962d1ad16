import { config } from './config';
import { configuredKeyProvider, dataKeysAhead, type KeyProvider } from './crypto';
import { kmsKeyProvider } from './kms';

let provider: KeyProvider | undefined;

/**
 * KMS in AWS, with the next data key always ordered ahead (sealing an application then waits for no
 * KMS call); the configured local key only in the local stage.
 */
export function dataKeys(): KeyProvider {
  if (!provider) {
    const { stage, kmsKeyId, localDataKey } = config();
    if (kmsKeyId) provider = dataKeysAhead(kmsKeyProvider(kmsKeyId));
    else if (stage === 'local' && localDataKey) provider = configuredKeyProvider(localDataKey);
    else throw new Error('No key for personal data: set KMS_KEY_ID (or LOCAL_DATA_KEY in the local stage)');
  }
  return provider;
}
