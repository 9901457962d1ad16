import type { KMSClient } from '@aws-sdk/client-kms';
import type { KeyProvider } from './crypto';

/**
 * Data keys generated and unwrapped by a KMS key: the master key never leaves KMS. The KMS client is
 * loaded on first use, so a function that never seals or unseals personal data never loads it.
 */
export function kmsKeyProvider(keyId: string, client?: KMSClient): KeyProvider {
  let loaded: Promise<{ kms: KMSClient; sdk: typeof import('@aws-sdk/client-kms') }> | undefined;
  const load = () => {
    if (!loaded) {
      loaded = import('@aws-sdk/client-kms').then((sdk) => ({ kms: client ?? new sdk.KMSClient({}), sdk }));
      loaded.catch(() => (loaded = undefined));
    }
    return loaded;
  };
  return {
    async newDataKey() {
      const { kms, sdk } = await load();
      const result = await kms.send(new sdk.GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }));
      if (!result.Plaintext || !result.CiphertextBlob) throw new Error('KMS returned no data key');
      return { plain: Buffer.from(result.Plaintext), wrapped: Buffer.from(result.CiphertextBlob).toString('base64') };
    },
    async unwrap(wrapped) {
      const { kms, sdk } = await load();
      const result = await kms.send(new sdk.DecryptCommand({ KeyId: keyId, CiphertextBlob: Buffer.from(wrapped, 'base64') }));
      if (!result.Plaintext) throw new Error('KMS could not unwrap the data key');
      return Buffer.from(result.Plaintext);
    },
  };
}
