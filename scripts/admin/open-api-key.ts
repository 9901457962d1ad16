/**
 * App keys of the signed open API (/open/v1), with AWS credentials for the account (or --stage local):
 *
 *   npm run admin:open-api-key -- create --stage prod --consumer ahzwfw --name 安徽政务服务网 --scopes portal
 *   npm run admin:open-api-key -- revoke --stage prod --key ak_0123456789abcdef01234567
 *   npm run admin:open-api-key -- list --stage prod
 *
 * `create` prints the new key id and its secret once: hand both to the consumer over a secure channel. The
 * secret is derived from the stage's master secret (SSM SecureString /ah-tourism/<stage>/open-api-master-secret;
 * the local stage's is in stages/local.yml) and never stored; the table keeps its SHA-256 fingerprint.
 * `revoke` takes effect on the next request. Scopes: portal, national_records (comma-separated).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { OPEN_API_SCOPE_KEYS, type OpenApiScope } from '../../shared/src/auth/open-api';
import { appKeyAdmin } from '../../functions/src/auth/app-keys';
import { LOCAL_AWS_ENV } from '../local/dynamodb-local';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    stage: { type: 'string' },
    region: { type: 'string', default: 'cn-north-1' },
    consumer: { type: 'string' },
    name: { type: 'string' },
    scopes: { type: 'string', default: 'portal' },
    key: { type: 'string' },
  },
});

const USAGE = 'Usage: npm run admin:open-api-key -- create|revoke|list --stage <stage> [--consumer <id> --name <名称> --scopes portal,national_records] [--key <key id>]';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function masterSecret(stage: string, region: string): Promise<string> {
  if (stage === 'local') {
    const text = readFileSync(path.resolve(__dirname, '..', '..', 'stages', 'local.yml'), 'utf8');
    const match = /^\s*LOCAL_OPEN_API_MASTER_SECRET:\s*(\S+)\s*$/m.exec(text);
    if (!match) fail('stages/local.yml sets no LOCAL_OPEN_API_MASTER_SECRET');
    return match[1]!;
  }
  const name = `/ah-tourism/${stage}/open-api-master-secret`;
  const { Parameter } = await new SSMClient({ region }).send(new GetParameterCommand({ Name: name, WithDecryption: true }));
  if (!Parameter?.Value) fail(`SSM parameter ${name} is missing: create it once (README, "Open API")`);
  return Parameter.Value;
}

async function main(): Promise<void> {
  const [command] = positionals;
  const { stage, region } = values;
  if (!stage || !['create', 'revoke', 'list'].includes(command ?? '')) fail(USAGE);
  if (stage === 'local') Object.assign(process.env, LOCAL_AWS_ENV);
  const client = new DynamoDBClient(stage === 'local' ? { endpoint: `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`, region: LOCAL_AWS_ENV.AWS_REGION } : { region });
  const admin = appKeyAdmin(DynamoDBDocumentClient.from(client), `ah-tourism-${stage}-main`, command === 'create' ? await masterSecret(stage, region!) : '');
  try {
    if (command === 'create') {
      const { consumer, name } = values;
      if (!consumer || !/^[a-z0-9-]{2,40}$/.test(consumer) || !name) fail(`${USAGE}\n--consumer: 2-40 lower-case letters, digits or -`);
      const scopes = values.scopes!.split(',').map((s) => s.trim());
      const unknown = scopes.filter((s) => !OPEN_API_SCOPE_KEYS.includes(s as OpenApiScope));
      if (unknown.length) fail(`Unknown scope(s): ${unknown.join(', ')}. Known: ${OPEN_API_SCOPE_KEYS.join(', ')}`);
      const { key, secret } = await admin.create({ consumer, name, scopes: scopes as OpenApiScope[] });
      console.log(`Key id:  ${key.keyId}\nSecret:  ${secret}\nConsumer ${key.consumer} (${key.name}), scopes ${key.scopes.join(', ')}. The secret is shown only now.`);
    } else if (command === 'revoke') {
      if (!values.key) fail(USAGE);
      if (!(await admin.revoke(values.key))) fail(`No key ${values.key} in ah-tourism-${stage}-main`);
      console.log(`Revoked ${values.key}.`);
    } else {
      for (const key of await admin.list()) {
        console.log([key.keyId, key.status, key.consumer, key.name, key.scopes.join(','), key.createdAt, key.revokedAt ?? '', key.fingerprint.slice(0, 16)].join('\t'));
      }
    }
  } finally {
    client.destroy();
  }
}

void main();
