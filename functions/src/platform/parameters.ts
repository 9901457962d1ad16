import type { SSMClient } from '@aws-sdk/client-ssm';
import { config } from './config';

/**
 * Secrets and keys of this stage from SSM Parameter Store (`<prefix><name>`, SecureStrings decrypted),
 * read once per container. The local stage never calls SSM: its values come from the local params of
 * serverless.yml, and those are refused everywhere else. The SSM client is loaded on the first read,
 * so a function (or a stage) that reads no parameter never loads it.
 */
const cache = new Map<string, Promise<string>>();
let loaded: Promise<{ client: SSMClient; sdk: typeof import('@aws-sdk/client-ssm') }> | undefined;

function ssm() {
  if (!loaded) {
    loaded = import('@aws-sdk/client-ssm').then((sdk) => ({ client: new sdk.SSMClient({}), sdk }));
    loaded.catch(() => (loaded = undefined));
  }
  return loaded;
}

export function parameter(name: string, localValue: string | undefined): Promise<string> {
  const { stage, parameterPrefix } = config();
  if (stage === 'local') {
    if (!localValue) return Promise.reject(new Error(`Local value for ${name} is not configured`));
    return Promise.resolve(localValue);
  }
  if (localValue) return Promise.reject(new Error(`A local-only value for ${name} is set in stage ${stage}; refusing to use it`));
  let pending = cache.get(name);
  if (!pending) {
    const fullName = `${parameterPrefix}${name}`;
    pending = ssm()
      .then(({ client, sdk }) => client.send(new sdk.GetParametersCommand({ Names: [fullName], WithDecryption: true })))
      .then(({ Parameters }) => {
        const value = Parameters?.[0]?.Value;
        if (!value) throw new Error(`SSM parameter ${fullName} is missing`);
        return value;
      });
    // A failed read is retried on the next call instead of being cached.
    pending.catch(() => cache.delete(name));
    cache.set(name, pending);
  }
  return pending;
}
