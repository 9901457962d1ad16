/**
 * Creates a stage's first licence signing key, or rotates to a new one, in SSM Parameter Store, with AWS
 * credentials for the account:
 *
 *   npm run admin:licence-keys -- --stage prod [--region cn-north-1] [--key-id 2027-01]
 *
 * Writes <prefix>licence-signing-key (SecureString {keyId, privateKey}: read only by the functions that
 * issue and change licences) and appends the new public key to <prefix>licence-public-keys (String, the
 * list GET /licences/keys publishes). Earlier public keys stay in the list, so every licence signed before
 * the rotation still verifies; a function instance picks up the new key when it next starts. The private
 * key is never printed.
 */
import { parseArgs } from 'node:util';
import { GetParameterCommand, ParameterNotFound, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { generateLicenceKeyPair } from '../../shared/src/licences/token';

const { values } = parseArgs({ options: { stage: { type: 'string' }, region: { type: 'string', default: 'cn-north-1' }, 'key-id': { type: 'string' } } });

async function main(): Promise<void> {
  if (!values.stage || values.stage === 'local') {
    console.error('Usage: npm run admin:licence-keys -- --stage <stage other than local> [--region <region>] [--key-id <id>]');
    process.exit(2);
  }
  const prefix = `/ah-tourism/${values.stage}/`;
  const client = new SSMClient({ region: values.region });
  let published: { keyId: string; publicKey: string }[] = [];
  try {
    const { Parameter } = await client.send(new GetParameterCommand({ Name: `${prefix}licence-public-keys` }));
    published = JSON.parse(Parameter?.Value ?? '[]');
  } catch (error) {
    if (!(error instanceof ParameterNotFound)) throw error;
  }
  const keyId = values['key-id'] ?? new Date().toISOString().slice(0, 10);
  if (published.some((key) => key.keyId === keyId)) throw new Error(`Key id ${keyId} is already published; choose another with --key-id`);
  const { privateKey, publicKey } = generateLicenceKeyPair();
  // The public key first: a function that reads the new signing key must find it published.
  const list = JSON.stringify([...published, { keyId, publicKey }]);
  await client.send(new PutParameterCommand({ Name: `${prefix}licence-public-keys`, Type: 'String', Overwrite: true, Value: list }));
  await client.send(new PutParameterCommand({ Name: `${prefix}licence-signing-key`, Type: 'SecureString', Overwrite: true, Value: JSON.stringify({ keyId, privateKey }) }));
  console.log(`Wrote ${prefix}licence-signing-key (SecureString, key ${keyId}) and ${prefix}licence-public-keys (${published.length + 1} keys).`);
}

void main();
