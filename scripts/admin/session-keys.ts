/**
 * Creates (or replaces) a stage's session signing key pair in SSM Parameter Store, with AWS
 * credentials for the account:
 *
 *   npm run admin:session-keys -- --stage prod [--region cn-north-1]
 *
 * writes <prefix>session-private-key (SecureString, read only by the sign-in functions) and
 * <prefix>session-public-key (String, read by every function that checks tokens). The private key is
 * never printed. Replacing the pair signs everyone out within 15 minutes (access tokens expire;
 * refresh still works because refresh tokens are not JWTs).
 */
import { generateKeyPairSync } from 'node:crypto';
import { parseArgs } from 'node:util';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

const { values } = parseArgs({ options: { stage: { type: 'string' }, region: { type: 'string', default: 'cn-north-1' } } });

async function main(): Promise<void> {
  if (!values.stage || values.stage === 'local') {
    console.error('Usage: npm run admin:session-keys -- --stage <stage other than local> [--region <region>]');
    process.exit(2);
  }
  const prefix = `/ah-tourism/${values.stage}/`;
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const client = new SSMClient({ region: values.region });
  await client.send(
    new PutParameterCommand({ Name: `${prefix}session-private-key`, Type: 'SecureString', Overwrite: true, Value: JSON.stringify(privateKey.export({ format: 'jwk' })) }),
  );
  const publicJwk = JSON.stringify(publicKey.export({ format: 'jwk' }));
  await client.send(new PutParameterCommand({ Name: `${prefix}session-public-key`, Type: 'String', Overwrite: true, Value: publicJwk }));
  console.log(`Wrote ${prefix}session-private-key (SecureString) and ${prefix}session-public-key:\n${publicJwk}`);
}

void main();
