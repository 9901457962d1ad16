import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import type { KeyProvider } from './crypto';

/** Data keys generated and unwrapped by a KMS key: the master key never leaves KMS. */
export function kmsKeyProvider(keyId: string, client = new KMSClient({})): KeyProvider {
  return {
    async newDataKey() {
      const result = await client.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }));
      if (!result.Plaintext || !result.CiphertextBlob) throw new Error('KMS returned no data key');
      return { plain: Buffer.from(result.Plaintext), wrapped: Buffer.from(result.CiphertextBlob).toString('base64') };
    },
    async unwrap(wrapped) {
      const result = await client.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob: Buffer.from(wrapped, 'base64') }));
      if (!result.Plaintext) throw new Error('KMS could not unwrap the data key');
      return Buffer.from(result.Plaintext);
    },
  };
}
