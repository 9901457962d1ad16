import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { config } from './config';

/**
 * Secrets and keys of this stage from SSM Parameter Store (`<prefix><name>`, SecureStrings decrypted),
 * read once per container. The local stage never calls SSM: its values come from the local params of
 * serverless.yml, and those are refused everywhere else.
 */
const cache = new Map<string, Promise<string>>();
let client: SSMClient | undefined;

export function parameter(name: string, localValue: string | undefined): Promise<string> {
  const { stage, parameterPrefix } = config();
  if (stage === 'local') {
    if (!localValue) return Promise.reject(new Error(`Local value for ${name} is not configured`));
    return Promise.resolve(localValue);
  }
  if (localValue) return Promise.reject(new Error(`A local-only value for ${name} is set in stage ${stage}; refusing to use it`));
  let pending = cache.get(name);
  if (!pending) {
    client ??= new SSMClient({});
    const fullName = `${parameterPrefix}${name}`;
    pending = client
      .send(new GetParametersCommand({ Names: [fullName], WithDecryption: true }))
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
